# Places as residents name them: house-number ranges, crossings, landmarks and stops.
# Fragments (places-numbers, places-*-label) and button labels are plain text: no tags.

## House numbers of a street (or a whole locality), in the words of police pages

places-numbers = { $shape ->
        [whole] ({ $kind ->
            [square] whole square
            [avenue] whole avenue
            [estate] whole estate
            [roundabout] whole roundabout
            [locality] whole locality
           *[street] whole street
        })
        [parity] ({ $parity ->
            [odd] odd numbers
           *[even] even numbers
        })
        [from] ({ $parity ->
            [odd] odd numbers from { $start }
            [even] even numbers from { $start }
           *[all] numbers from { $start }
        })
       *[span] { $span }{ $parity ->
            [odd] {" "}(odd)
            [even] {" "}(even)
           *[all] {""}
        }
    }

## A shared pin named by the nearest street of the directory (bot/usecases/places.py):
## place-near and place-distance-* are fragments without tags; place-map is a link.

place-near = near { $street }, about { $distance }
place-on-map = { $place } · { $map }
place-pin = point on the map: { $map }
place-distance-m = { $metres } m
place-distance-km = { $km } km
place-map = <a href="{ $url }">{ $coordinates }</a>
