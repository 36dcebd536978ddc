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

## Crossings typed as residents say them ("róg Kolejowej i Dworcowej", "Kolejowa/Dworcowa")

places-crossing-apart = Według spisu ulic { $first } i { $second } się nie przecinają, więc nie wiem, gdzie jest to skrzyżowanie. Napisz inne skrzyżowanie (np. <i>róg Kolejowej i Dworcowej</i>), adres z numerem domu albo wyślij lokalizację.
places-crossing-unknown = Nie znalazłem jednej z tych ulic w spisie ulic Konina. Sprawdź pisownię i napisz skrzyżowanie jeszcze raz (np. <i>róg Kolejowej i Dworcowej</i>), adres z numerem domu albo wyślij lokalizację.

## Landmarks and stops (places.csv): offered when the name is not exact, never taken silently

places-landmark-pick = Które miejsce masz na myśli? Wybierz je z listy albo napisz dokładniej (adres z numerem domu, skrzyżowanie), możesz też wysłać lokalizację.
places-stops-near = Przystanki w pobliżu: { $street }. Wybierz ten, o który chodzi:
places-stops-none = Nie znam przystanków w pobliżu: { $street }. Napisz nazwę przystanku, adres z numerem domu albo wyślij lokalizację.
