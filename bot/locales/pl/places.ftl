# Places as residents name them: house-number ranges, crossings, landmarks and stops.
# Fragments (places-numbers, places-*-label) and button labels are plain text: no tags.

## House numbers of a street (or a whole locality), in the words of police pages

places-numbers = { $shape ->
        [whole] ({ $kind ->
            [square] cały plac
            [avenue] cała aleja
            [estate] całe osiedle
            [roundabout] całe rondo
            [locality] cała miejscowość
           *[street] cała ulica
        })
        [parity] ({ $parity ->
            [odd] numery nieparzyste
           *[even] numery parzyste
        })
        [from] ({ $parity ->
            [odd] numery nieparzyste od { $start }
            [even] numery parzyste od { $start }
           *[all] numery od { $start }
        })
       *[span] { $span }{ $parity ->
            [odd] {" "}(nieparzyste)
            [even] {" "}(parzyste)
           *[all] {""}
        }
    }

## A shared pin named by the nearest street of the directory (bot/usecases/places.py):
## place-near and place-distance-* are fragments without tags; place-map is a link.

place-near = w pobliżu: { $street }, ok. { $distance }
place-on-map = { $place } · { $map }
place-pin = punkt na mapie: { $map }
place-distance-m = { $metres } m
place-distance-km = { $km } km
place-map = <a href="{ $url }">{ $coordinates }</a>
