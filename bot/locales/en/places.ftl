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
