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
