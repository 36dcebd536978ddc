# Місця так, як їх називають мешканці: номери будинків, перехрестя, орієнтири й зупинки.
# Fragments (places-numbers, places-*-label) and button labels are plain text: no tags.

## House numbers of a street (or a whole locality), in the words of police pages

places-numbers = { $shape ->
        [whole] ({ $kind ->
            [square] уся площа
            [avenue] уся алея
            [estate] увесь житловий масив
            [roundabout] уся кільцева розв’язка
            [locality] увесь населений пункт
           *[street] уся вулиця
        })
        [parity] ({ $parity ->
            [odd] непарні номери
           *[even] парні номери
        })
        [from] ({ $parity ->
            [odd] непарні номери від { $start }
            [even] парні номери від { $start }
           *[all] номери від { $start }
        })
       *[span] { $span }{ $parity ->
            [odd] {" "}(непарні)
            [even] {" "}(парні)
           *[all] {""}
        }
    }

## A shared pin named by the nearest street of the directory (bot/usecases/places.py):
## place-near and place-distance-* are fragments without tags; place-map is a link.

place-near = поблизу: { $street }, близько { $distance }
place-on-map = { $place } · { $map }
place-pin = точка на мапі: { $map }
place-distance-m = { $metres } м
place-distance-km = { $km } км
place-map = <a href="{ $url }">{ $coordinates }</a>

## Crossings typed as residents say them ("ріг Kolejowa і Dworcowa", "Kolejowa/Dworcowa")

places-crossing-apart = За переліком вулиць { $first } і { $second } не перетинаються, тож я не знаю, де це перехрестя. Напишіть інше перехрестя (наприклад, <i>Kolejowa / Dworcowa</i>), адресу з номером будинку або надішліть геолокацію.
places-crossing-unknown = Я не знайшов однієї з цих вулиць у переліку вулиць Коніна. Перевірте написання й напишіть перехрестя ще раз (наприклад, <i>Kolejowa / Dworcowa</i>), адресу з номером будинку або надішліть геолокацію.

## Landmarks and stops (places.csv): offered when the name is not exact, never taken silently

places-landmark-pick = Яке місце ви маєте на увазі? Виберіть його зі списку або напишіть точніше (адресу з номером будинку, перехрестя), можна також надіслати геолокацію.
places-stops-near = Зупинки поблизу: { $street }. Виберіть потрібну:
places-stops-none = Я не знаю зупинок поблизу: { $street }. Напишіть назву зупинки, адресу з номером будинку або надішліть геолокацію.
