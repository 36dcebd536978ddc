# Zgłoś zagrożenie (/zglos) i Moje zgłoszenia (/moje).
# Telegram HTML only: <b>, <i>, <u>, <s>, <code>, <a href>.
# Fragments (keys used inside other texts: report-day-*, report-time-*, report-status-*,
# report-group-*, report-when-text-*, report-summary-*, report-duplicate-line/
# -same-street, mine-report-button, mine-event-*) and button labels must be plain text: no tags.

## Shared pieces

report-label = { $text }
report-back = ⬅️ Wstecz
report-skip = Pomiń
report-keep = Zostaw bez zmian
report-start-over = 🗑 Usuń je i zacznij od nowa
report-continuing = Masz niedokończone zgłoszenie (<b>{ $what }</b>) — wracamy do pytania, na którym skończyła się rozmowa. Możesz też je usunąć i zacząć od nowa.
report-not-open = Ten formularz zgłoszenia jest już zamknięty. Nowe zgłoszenie zaczniesz poleceniem /zglos.
report-edited = Widzę poprawioną wcześniejszą wiadomość. Poprawki nie zmieniają zapisanych odpowiedzi — na końcu, w podsumowaniu, możesz zmienić każde pole przyciskiem „Zmień”.
report-too-long = Ta wiadomość ma { $length } znaków, a limit to { $max }. Skróć ją, proszę, i wyślij jeszcze raz — nic z tego, co już podano, nie zginęło.

## Hints after a message of the wrong kind

report-hint-buttons = Wybierz, proszę, jedną z opcji pod pytaniem.
report-description-kept = 📝 Zapisałem to jako opis zgłoszenia (zmienisz go przed wysłaniem). Teraz wybierz, proszę, odpowiedź pod pytaniem.
report-hint-text = Tu potrzebuję zwykłej wiadomości tekstowej.
report-hint-where = Wyślij lokalizację (przycisk poniżej albo 📎 → Lokalizacja, by wskazać dowolne miejsce na mapie) lub wpisz adres, np. <i>Kolejowa 12</i>.
report-hint-date = Wpisz datę, np. <i>25.11</i>, albo wybierz przycisk.
report-hint-photos = Wyślij zdjęcie (jako zdjęcie albo plik graficzny) lub naciśnij przycisk poniżej, aby przejść dalej.
report-hint-phone = Numer udostępnisz przyciskiem „Udostępnij mój numer” poniżej — wtedy wiemy, że to Twój numer. Możesz też wybrać „Bez telefonu”.

## 1. Emergency first

report-danger-question =
    <b>Zgłoś zagrożenie</b>

    Najpierw najważniejsze: <b>czy ktoś jest teraz w niebezpieczeństwie</b> albo dzieje się coś, co zagraża życiu, zdrowiu lub mieniu?

    Jeśli tak — dzwoń od razu pod <b>112</b>. Ten bot nie wzywa pomocy.
report-danger-yes = 🚨 Tak, teraz
report-danger-no = Nie, to nie jest nagły wypadek
report-emergency =
    🚨 <b>Dzwoń teraz pod 112</b> (numer alarmowy) albo <b>997</b> (Policja).

    Ten bot nie służy do wzywania pomocy — zgłoszenia czytamy w ciągu kilku dni. Kiedy sytuacja będzie bezpieczna, możesz opisać problem tutaj: /zglos

## 2. What

report-category-question = <b>Czego dotyczy zgłoszenie?</b> Wybierz grupę:
report-category-pick = <b>{ $group }</b> — wybierz rodzaj zagrożenia:
report-category-other = ✏️ Inne
report-category-other-question = Opisz krótko, czego dotyczy zagrożenie (do { $max } znaków). Szczegóły dodasz za chwilę.
report-group-road = 🚗 Drogi i ruch
report-group-order = 🚨 Porządek publiczny
report-group-environment = 🌳 Przyroda i zwierzęta
report-group-water_rail = 🌊 Woda i kolej
report-group-people = 🤝 Ludzie w potrzebie
report-group-other = ✏️ Inne

## 3. Where

report-where-question =
    <b>Gdzie?</b>

    • naciśnij „📍 Wyślij moją lokalizację”, jeśli jesteś na miejscu,
    • albo 📎 → Lokalizacja i wskaż dowolny punkt na mapie,
    • albo wpisz adres, np. <i>Kolejowa 12</i>.
report-where-share = 📍 Wyślij moją lokalizację
report-where-type = ✍️ Wpiszę adres
report-where-type-hint = Wpisz ulicę i numer domu, np. <i>Kolejowa 12</i> albo <i>al. 1 Maja 5</i>.
report-where-found = 📍 { $place } — rejon: { $district }
report-where-not-found = Nie znalazłem tego adresu na liście ulic Konina. Sprawdź pisownię, dopisz numer domu albo wyślij lokalizację.
report-where-too-long = To za długie jak na adres. Wpisz samą ulicę i numer domu, np. <i>Kolejowa 12</i>, albo wyślij lokalizację.
report-where-outside =
    To miejsce leży poza obszarem, który obsługuje Komenda Miejska Policji w Koninie w tym bocie.

    Zagrożenie w innym miejscu zgłosisz na <a href="https://mapy.geoportal.gov.pl/iMapLite/KMZBPublic.html">Krajowej Mapie Zagrożeń Bezpieczeństwa</a>, a swojego dzielnicowego znajdziesz w aplikacji Policji „Moja Komenda”. W nagłym wypadku dzwoń pod 112.

    Jeśli chodziło Ci o miejsce w Koninie, wskaż je jeszcze raz.
report-where-street-only = Ta ulica należy do kilku rejonów. Wpisz ją z numerem domu, np. <i>Kolejowa 12</i>, albo wybierz odcinek:
report-where-pick = Który adres masz na myśli?
report-place-kept = Miejsce bez zmian.

## Similar reports nearby ("I see it too")

report-duplicates =
    <b>W pobliżu są już podobne otwarte zgłoszenia:</b>

    { $reports }

    Jeśli chodzi o ten sam problem, naciśnij „Też to widzę” — dzielnicowy zobaczy, że zgłasza to więcej osób, a Ty dostaniesz informację o zmianach. Nowe zgłoszenie nie będzie potrzebne.
report-duplicate-line = { $number }. { $category } — { $where }, { $days ->
        [0] dziś
        [1] wczoraj
       *[other] { $days } dni temu
    }, status: { $status }
report-duplicate-same-street = ta sama ulica
report-duplicate-same = 👀 Też to widzę (nr { $number })
report-duplicate-new = To coś innego — zgłaszam dalej
report-duplicate-closed = To zgłoszenie zostało właśnie zamknięte. Oto aktualna lista:
report-confirmed = 👀 Dziękujemy! Dopisaliśmy Twoje potwierdzenie do zgłoszenia <code>{ $reference }</code>. Damy Ci znać, gdy zmieni się jego status.
report-confirmed-already = Twoje potwierdzenie zgłoszenia <code>{ $reference }</code> jest już zapisane — obserwujesz je i dostaniesz informację o zmianach.

## 4. When

report-when-question = <b>Kiedy to się dzieje?</b> (nieobowiązkowe)
report-when-now = Teraz
report-when-today = Wcześniej dziś
report-when-other-day = Innego dnia
report-when-recurring = Powtarza się
report-when-skip = Nie wiem / pomiń
report-when-date-question = Którego dnia? Wpisz datę, np. <i>25.11</i>, albo wybierz:
report-when-yesterday = Wczoraj
report-when-2-days = Przedwczoraj
report-date-format = Nie rozumiem tej daty. Wpisz ją jako dzień i miesiąc, np. <i>25.11</i> albo <i>25.11.2026</i>.
report-date-future = Ta data ({ $day }) jest w przyszłości. Podaj dzień, w którym to się wydarzyło, np. wczoraj to <i>{ $example }</i>.
report-date-taken = 📅 Przyjmuję datę: <b>{ $day }</b>.
report-date-too-old = To było ponad rok temu — takich zdarzeń nie przyjmujemy w tym formularzu. Podaj datę z ostatniego roku.
report-when-days-question = W które dni tygodnia? Zaznacz dni i naciśnij „Gotowe” albo wybierz skrót.
report-day-on = ✅ { $day }
report-day-off = { $day }
report-days-all = Codziennie
report-days-weekdays = Pn–Pt
report-days-weekend = Weekend
report-days-done = Gotowe
report-days-none = Zaznacz co najmniej jeden dzień.
report-when-time-question = O jakiej porze dnia?
report-time-morning = rano (6–12)
report-time-afternoon = po południu (12–18)
report-time-evening = wieczorem (18–22)
report-time-night = w nocy (22–6)
report-time-unknown = pora nieznana
report-time-dont-know = Nie wiem
report-day-0 = Pn
report-day-1 = Wt
report-day-2 = Śr
report-day-3 = Cz
report-day-4 = Pt
report-day-5 = So
report-day-6 = Nd
report-when-text-now = teraz
report-when-text-today = dziś, { $time }
report-when-text-day = { $day }, { $time }
report-when-text-recurring = powtarza się: { $days }; { $time }
report-when-days-all = codziennie
report-when-days-weekdays = Pn–Pt
report-when-days-weekend = w weekendy
report-when-text-unknown = nie podano

## 5. Description

report-description-question = <b>Opisz, co się dzieje</b> (nieobowiązkowe, do { $max } znaków): co widzisz, jak często, czy są jakieś znaki rozpoznawcze (np. kolor auta). Nie podawaj danych osobowych innych osób.

## 6. Photos

report-photos-question = <b>Zdjęcia</b> (nieobowiązkowe): możesz wysłać do { $max } zdjęć, każde do { $megabytes } MB. Przed zapisaniem usuwamy z nich metadane, m.in. współrzędne GPS i dane aparatu. Dodane: { $count } z { $max }.
report-photo-added = 🖼 Zdjęcie zapisane ({ $count } z { $max }). Wyślij kolejne albo naciśnij „Gotowe”.
report-photos-done = ✅ Gotowe
report-photos-none = Bez zdjęć — dalej
report-photos-clear = 🗑 Usuń dodane zdjęcia
report-photos-limit = Można dodać najwyżej { $max } zdjęcia — kolejne nie zostały zapisane.
report-photo-too-big = To zdjęcie jest większe niż { $megabytes } MB i nie zostało zapisane. Wyślij mniejsze.
report-photos-refused = Nie udało się odczytać zdjęcia nr { $positions } (to nie obraz albo plik jest za duży), więc je usunęliśmy. Możesz wysłać inne albo przejść dalej.

## 7. Anonymous or not

report-anonymous-question =
    <b>Kto zobaczy Twoje dane?</b>

    🕶 <b>Anonimowo</b> — dzielnicowy i koordynatorzy widzą tylko treść zgłoszenia, miejsce i zdjęcia. Nie widzą, kto je wysłał. Bot pamięta, że zgłoszenie jest Twoje, wyłącznie po to, by powiadamiać Cię o zmianach statusu i pokazać je w „Moich zgłoszeniach”.

    🙋 <b>Z moimi danymi</b> — dzielnicowy zobaczy, że zgłoszenie pochodzi od Ciebie. Jeśli udostępnisz numer telefonu, będzie mógł oddzwonić, by dopytać o szczegóły; numer zobaczy dopiero po naciśnięciu „pokaż telefon”, a każde wyświetlenie jest zapisywane.
report-anonymous-yes = 🕶 Anonimowo
report-anonymous-no = 🙋 Z moimi danymi
report-phone-question = Czy dzielnicowy może do Ciebie oddzwonić? Naciśnij „Udostępnij mój numer” — numer zobaczą tylko policjanci zajmujący się zgłoszeniem. Udostępniając go, zgadzasz się na kontakt w tej sprawie. Możesz też kontynuować bez telefonu.
report-phone-share = 📞 Udostępnij mój numer
report-phone-skip = Bez telefonu
report-phone-saved = 📞 Dziękuję, numer zapisany.
report-phone-skipped = W porządku, bez telefonu.
report-phone-not-own = To nie jest Twój numer. Możemy zapisać tylko Twój własny — naciśnij „Udostępnij mój numer” albo wybierz „Bez telefonu”.

## 8. Summary

report-summary =
    <b>Sprawdź zgłoszenie</b>

    <b>Co:</b> { $category }
    <b>Gdzie:</b> { $place }
    <b>Rejon:</b> { $district }
    <b>Kiedy:</b> { $when }
    <b>Opis:</b> { $description }
    <b>Zdjęcia:</b> { $photos }
    <b>Nadawca:</b> { $who }
report-summary-none = brak
report-summary-anonymous = anonimowo
report-summary-named = z Twoimi danymi, bez telefonu
report-summary-named-phone = z Twoimi danymi, telefon { $phone }
report-send = ✅ Wyślij
report-change = ✏️ Zmień pole
report-cancel = ✖️ Anuluj
report-cancelled = Zgłoszenie anulowane, nic nie zostało wysłane. W nagłym wypadku dzwoń pod 112.
report-edit-question = Co chcesz zmienić?
report-edit-category = Co (kategoria)
report-edit-where = Gdzie
report-edit-when = Kiedy
report-edit-description = Opis
report-edit-photos = Zdjęcia
report-edit-anonymous = Anonimowość i telefon

## Sent

report-sent =
    ✅ <b>Zgłoszenie wysłane.</b> Numer: <code>{ $reference }</code>

    Co dalej: { $by ->
        [district] dzielnicowy Twojego rejonu
       *[police] policja
    } przeczyta je zwykle w ciągu { $read_days ->
        [one] { $read_days } dnia
       *[other] { $read_days } dni
    }, a sprawdzi na miejscu w ciągu około { $verify_days ->
        [one] { $verify_days } dnia
       *[other] { $verify_days } dni
    }. O każdej zmianie statusu napiszemy tutaj; wszystkie swoje zgłoszenia zobaczysz w „Moich zgłoszeniach” (/moje).

    Jeśli sytuacja stanie się niebezpieczna, dzwoń pod 112.
report-my-reports = 📋 Moje zgłoszenia
report-limit-reached = W ciągu ostatnich 24 godzin z Twojego konta wysłano już maksymalną liczbę zgłoszeń. Kolejne możesz wysłać po { $until }. W nagłym wypadku dzwoń pod 112.
report-limit-reached-draft = W ciągu ostatnich 24 godzin z Twojego konta wysłano już maksymalną liczbę zgłoszeń. To zgłoszenie zostaje zapisane jako szkic (przez { $days } dni) — wyślesz je po { $until }. W nagłym wypadku dzwoń pod 112.

## Statuses

report-status-new = nowe
report-status-taken = przyjęte
report-status-verifying = w weryfikacji
report-status-confirmed = potwierdzone
report-status-not_confirmed = niepotwierdzone
report-status-eliminated = wyeliminowane
report-status-forwarded = przekazane innej instytucji
report-status-reopened = wznowione

## My reports

mine-list = <b>Twoje zgłoszenia</b> ({ $count }). Wybierz, aby zobaczyć historię:
mine-empty = Nie masz jeszcze żadnych zgłoszeń.
mine-start-report = ⚠️ Zgłoś zagrożenie
mine-report-button = { $reference } · { $date } · { $status }
mine-newer = ⬅️ Nowsze
mine-older = Starsze ➡️
mine-back = ⬅️ Moje zgłoszenia
mine-report =
    <b>Zgłoszenie <code>{ $reference }</code></b>

    <b>Co:</b> { $category }
    <b>Gdzie:</b> { $place }
    <b>Wysłane:</b> { $created }
    <b>Status:</b> { $status }
    <b>Potwierdzenia innych mieszkańców:</b> { $confirmations }

    <b>Historia:</b>
    { $history }
mine-event-created = { $at } — wysłane
mine-event-status = { $at } — { $status }
