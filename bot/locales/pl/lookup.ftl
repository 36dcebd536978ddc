# "Mój dzielnicowy": the district officer for a shared location or a typed address.
# Telegram HTML only: <b>, <i>, <u>, <s>, <code>, <a href>.

# Telegram's command menu (plain text, at most 256 characters).
command-lookup = Znajdź swojego dzielnicowego

## Asking for the place

lookup-ask =
    👮 <b>Mój dzielnicowy</b>

    Napisz adres (np. <i>Kolejowa 5</i> albo <i>ul. Chopina 16a, Konin</i>) lub naciśnij „📍 Wyślij lokalizację”, a pokażę dzielnicowego, który odpowiada za to miejsce.

    Jeśli coś dzieje się teraz i komuś grozi niebezpieczeństwo, dzwoń pod <b>112</b>.
lookup-share-location = 📍 Wyślij lokalizację
lookup-ask-again = Chcesz sprawdzić inny adres? Napisz go albo wyślij lokalizację. Menu główne: /start
lookup-too-long = To za długa wiadomość jak na adres (najwyżej { $limit } znaków). Napisz samą ulicę i numer, np. <i>Kolejowa 5</i>.
lookup-wrong-kind = { $kind ->
        [sticker] Naklejka nie pomoże mi znaleźć adresu 🙂
        [voice] Nie odsłuchuję wiadomości głosowych.
        [photo] Ze zdjęcia nie odczytam adresu.
        [contact] Nie potrzebuję numeru telefonu i go nie zapisałem.
       *[other] Tego rodzaju wiadomości nie odczytam.
    } Napisz, proszę, adres albo wyślij lokalizację.
lookup-not-found = Nie znalazłem adresu „{ $text }” w spisie ulic rejonów. Sprawdź pisownię i napisz ulicę z numerem (np. <i>Kolejowa 5</i>) albo wyślij lokalizację.
lookup-outside-town = Miejscowość z adresu „{ $text }” leży poza terenem, który obsługuje ten bot. Dzielnicowego w każdym miejscu w Polsce znajdziesz w aplikacji <b>Moja Komenda</b>, a zagrożenie zgłosisz na <a href="https://mapy.geoportal.gov.pl/iMapLite/KMZBPublic.html">Krajowej Mapie Zagrożeń Bezpieczeństwa</a>. W nagłym wypadku dzwoń pod <b>112</b>.
lookup-outside-area = To miejsce leży poza obszarem, który obsługuje ten bot (najbliższy rejon jest ok. { $distance } { $unit ->
        [m] m
       *[km] km
    } dalej). Dzielnicowego w każdym miejscu w Polsce znajdziesz w aplikacji <b>Moja Komenda</b>, a zagrożenie zgłosisz na <a href="https://mapy.geoportal.gov.pl/iMapLite/KMZBPublic.html">Krajowej Mapie Zagrożeń Bezpieczeństwa</a>. W nagłym wypadku dzwoń pod <b>112</b>.
lookup-point-unsupported = Nie potrafię jeszcze przypisać lokalizacji do rejonu. Napisz, proszę, adres: ulicę i numer.
lookup-geocoding = Tego adresu nie ma w spisie ulic. Sprawdzam go na mapie — odpowiem za chwilę.
lookup-geocoding-wait = Wciąż sprawdzam poprzedni adres na mapie. Możesz poczekać albo napisać inny adres.

## Ambiguous addresses

lookup-ambiguous = Adres „{ $text }” pasuje do kilku miejsc. Które masz na myśli?
lookup-street-only = Ulica „{ $text }” należy do kilku rejonów. Napisz numer domu albo wybierz zakres numerów:
lookup-candidate = { $street } · { $district }

## The officer's card

lookup-found-address = 📍 { $address }
lookup-found-point = 📍 Wskazana lokalizacja
lookup-found-venue = 📍 { $address }
lookup-card = 👮 <b>Dzielnicowy: { $district }</b>
lookup-card-officer =
    <b>{ $rank } { $name }</b>
    📞 { $phone }
    ✉️ { $email }
lookup-card-officer-no-email =
    <b>{ $rank } { $name }</b>
    📞 { $phone }
lookup-card-no-officer = Ten rejon nie ma teraz przypisanego dzielnicowego. Zadzwoń do jednostki Policji podanej niżej.
lookup-card-station =
    🏢 <b>{ $name }</b>
    { $address }
    ☎️ { $phone } · 🕘 { $hours }
lookup-card-station-no-hours =
    🏢 <b>{ $name }</b>
    { $address }
    ☎️ { $phone }
lookup-card-sample = ⚠️ <b>PRZYKŁAD</b>: to fikcyjne dane testowe — nie dzwoń pod te numery. Prawdziwego dzielnicowego znajdziesz w aplikacji Moja Komenda.
lookup-card-streets =
    🗺 <b>Ulice rejonu</b>{ $pages ->
        [1] {""}
       *[other] {" "}({ $page }/{ $pages })
    }:
    { $streets }
lookup-card-emergency = Dzielnicowy nie przyjmuje zgłoszeń alarmowych: w nagłym wypadku dzwoń pod <b>112</b>.
lookup-contact-button = 📇 Zapisz kontakt: { $name }
lookup-streets-more = Dalsze ulice ({ $page }/{ $pages }) ▸
lookup-streets-show = 🗺 Pokaż ulice rejonu ({ $count })
lookup-streets-page =
    🗺 <b>{ $district }</b>, ulice{ $pages ->
        [1] {""}
       *[other] {" "}({ $page }/{ $pages })
    }:
    { $streets }
lookup-report-here = Chcesz zgłosić zagrożenie w tym miejscu?
lookup-report-button = ⚠️ Zgłoś zagrożenie tutaj
lookup-contact-gone = Tego funkcjonariusza nie ma już w spisie dzielnicowych. Sprawdź jeszcze raz: /dzielnicowy
# Appended to a sample officer's surname on the contact card.
lookup-contact-sample = (PRZYKŁAD)
