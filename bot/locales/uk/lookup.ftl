# "Mój dzielnicowy": the district officer for a shared location or a typed address.
# Telegram HTML only: <b>, <i>, <u>, <s>, <code>, <a href>.

# Telegram's command menu (plain text, at most 256 characters).
command-lookup = Знайти свого дільничного

## Asking for the place

lookup-ask =
    👮 <b>Мій дільничний</b>

    Напишіть адресу (напр. <i>Kolejowa 5</i> або <i>ul. Chopina 16a, Konin</i>) або натисніть «📍 Надіслати геолокацію», і я покажу дільничного, який відповідає за це місце.

    Якщо щось відбувається зараз і комусь загрожує небезпека, телефонуйте <b>112</b>.
lookup-share-location = 📍 Надіслати геолокацію
lookup-ask-again = Хочете перевірити іншу адресу? Напишіть її або надішліть геолокацію. Головне меню: /start
lookup-too-long = Це задовге повідомлення для адреси (щонайбільше { $limit } символів). Напишіть лише вулицю й номер, напр. <i>Kolejowa 5</i>.
lookup-wrong-kind = { $kind ->
        [sticker] Наліпка не допоможе мені знайти адресу 🙂
        [voice] Я не прослуховую голосові повідомлення.
        [photo] Зі світлини я не прочитаю адресу.
        [contact] Номер телефону мені не потрібен, і я його не зберіг.
       *[other] Такі повідомлення я не можу прочитати.
    } Напишіть, будь ласка, адресу або надішліть геолокацію.
lookup-not-found = Я не знайшов адреси «{ $text }» у списку вулиць дільниць. Перевірте написання й напишіть вулицю з номером (напр. <i>Kolejowa 5</i>) або надішліть геолокацію.
lookup-outside-town = Населений пункт з адреси «{ $text }» розташований поза територією, яку обслуговує цей бот. Дільничного будь-де в Польщі можна знайти в застосунку <b>Moja Komenda</b>, а про загрозу повідомити на <a href="https://mapy.geoportal.gov.pl/iMapLite/KMZBPublic.html">Національній мапі загроз безпеці (KMZB)</a>. У надзвичайній ситуації телефонуйте <b>112</b>.
lookup-outside-area = Це місце розташоване поза територією, яку обслуговує цей бот (найближча дільниця — приблизно за { $distance } { $unit ->
        [m] м
       *[km] км
    }). Дільничного будь-де в Польщі можна знайти в застосунку <b>Moja Komenda</b>, а про загрозу повідомити на <a href="https://mapy.geoportal.gov.pl/iMapLite/KMZBPublic.html">Національній мапі загроз безпеці (KMZB)</a>. У надзвичайній ситуації телефонуйте <b>112</b>.
lookup-point-unsupported = Поки що я не вмію визначати дільницю за геолокацією. Напишіть, будь ласка, адресу: вулицю й номер.
lookup-geocoding = Цієї адреси немає у списку вулиць. Перевіряю її на мапі — відповім за хвилинку.
lookup-geocoding-wait = Я ще перевіряю попередню адресу на мапі. Можете зачекати або написати іншу адресу.

## Ambiguous addresses

lookup-ambiguous = Адреса «{ $text }» підходить до кількох місць. Яке саме ви маєте на увазі?
lookup-street-only = Вулиця «{ $text }» належить до кількох дільниць. Напишіть номер будинку або виберіть діапазон номерів:
lookup-candidate = { $street } · { $district }

## The officer's card

lookup-found-address = 📍 { $address }
lookup-found-point = 📍 Вказана геолокація
lookup-found-venue = 📍 { $address }
lookup-card = 👮 <b>Дільничний: { $district }</b>
lookup-card-officer =
    <b>{ $rank } { $name }</b>
    📞 { $phone }
    ✉️ { $email }
lookup-card-officer-no-email =
    <b>{ $rank } { $name }</b>
    📞 { $phone }
lookup-card-no-officer = Зараз за цією дільницею не закріплено дільничного. Зателефонуйте до відділку поліції, зазначеного нижче.
lookup-card-station =
    🏢 <b>{ $name }</b>
    { $address }
    ☎️ { $phone } · 🕘 { $hours }
lookup-card-station-no-hours =
    🏢 <b>{ $name }</b>
    { $address }
    ☎️ { $phone }
lookup-card-sample = ⚠️ <b>ПРИКЛАД (PRZYKŁAD)</b>: це вигадані тестові дані — не телефонуйте за цими номерами. Справжнього дільничного можна знайти в застосунку Moja Komenda.
lookup-card-streets =
    🗺 <b>Вулиці дільниці</b>{ $pages ->
        [1] {""}
       *[other] {" "}({ $page }/{ $pages })
    }:
    { $streets }
lookup-card-emergency = Дільничний не приймає екстрених викликів: у надзвичайній ситуації телефонуйте <b>112</b>.
lookup-contact-button = 📇 Зберегти контакт: { $name }
lookup-streets-more = Наступні вулиці ({ $page }/{ $pages }) ▸
lookup-streets-show = 🗺 Показати вулиці дільниці ({ $count })
lookup-streets-page =
    🗺 <b>{ $district }</b>, вулиці{ $pages ->
        [1] {""}
       *[other] {" "}({ $page }/{ $pages })
    }:
    { $streets }
lookup-report-here = Хочете повідомити про загрозу в цьому місці?
lookup-report-button = ⚠️ Повідомити про загрозу тут
lookup-contact-gone = Цього поліцейського вже немає у списку дільничних. Перевірте ще раз: /officer
# Appended to a sample officer's surname on the contact card.
lookup-contact-sample = (ПРИКЛАД)
