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

## Crossings typed as residents say them ("corner of Kolejowa and Dworcowa", "Kolejowa/Dworcowa")

places-crossing-apart = According to the street list, { $first } and { $second } don't meet, so I can't tell where that crossing is. Type another crossing (e.g. <i>Kolejowa / Dworcowa</i>), an address with a house number, or send a location.
places-crossing-unknown = I couldn't find one of those streets in Konin's list of streets. Check the spelling and type the crossing again (e.g. <i>Kolejowa / Dworcowa</i>), an address with a house number, or send a location.

## Landmarks and stops (places.csv): offered when the name is not exact, never taken silently

places-landmark-pick = Which place do you mean? Pick it from the list, or be more precise (an address with a house number, a crossing); you can also send a location.
places-stops-near = Stops near { $street } — pick the one you mean:
places-stops-none = I don't know any stops near { $street }. Type the stop's name, an address with a house number, or send a location.
