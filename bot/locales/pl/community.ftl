# Dzielnicowi w życiu społeczności: wiadomości z rejonu (subskrypcja), ogłoszenia, spotkania.
# Telegram HTML: <b>, <i>, <code>, <a href>. Etykiety przycisków to zwykły tekst.

command-notifications = Wiadomości z mojego rejonu
community-subscribe-button = 🔔 Wiadomości z tego rejonu
community-unsubscribe-button = 🔕 Wypisz się z wiadomości rejonu
community-unsubscribe-from = 🔕 Wypisz: { $district }
community-subscribed =
    🔔 Zapisano: dostaniesz tu wiadomości od dzielnicowych z rejonu <b>{ $district }</b> — ogłoszenia, ostrzeżenia (np. o fali oszukańczych telefonów) i zaproszenia na spotkania.
    Wypisać się możesz w każdej chwili: przyciskiem pod każdą taką wiadomością albo w /powiadomienia. Przechowujemy tylko to, że subskrybujesz ten rejon — do wypisania się albo /usun_dane.
community-already-subscribed = 🔔 Już dostajesz wiadomości z rejonu <b>{ $district }</b>.
community-unsubscribed = 🔕 Nie dostaniesz więcej wiadomości z rejonu <b>{ $district }</b>. Zapisać się możesz znowu z karty dzielnicowego (/dzielnicowy).
community-district-gone = Tego rejonu nie ma już w spisie. Znajdź swojego dzielnicowego: /dzielnicowy.
community-no-subscriptions = Nie dostajesz wiadomości z żadnego rejonu. Znajdź swojego dzielnicowego (/dzielnicowy) i naciśnij na jego karcie „🔔 Wiadomości z tego rejonu”: dostaniesz ogłoszenia, ostrzeżenia i zaproszenia na spotkania z mieszkańcami.
community-subscriptions = 🔔 Dostajesz wiadomości od dzielnicowych z: <b>{ $districts }</b>. Przycisk poniżej wypisuje z rejonu.
community-button-gone = Ten przycisk jest już nieaktualny — nic nie zmieniłem.
community-privacy-notice = <b>Wiadomości z rejonu:</b> jeśli je subskrybujesz, przechowujemy, który to rejon (i na które spotkania się wybierasz) — do wypisania się (/powiadomienia) albo /usun_dane.
privacy-data-subscriptions = Wiadomości z rejonów (subskrypcje): { $count }
privacy-data-meetings = Spotkania, na które się wybierasz: { $count }

## Ogłoszenia i spotkania (/ogloszenie, /ogloszenia)

command-announce = Ogłoszenie lub spotkanie dla mieszkańców
command-announcements = Moje ogłoszenia i kto przyjdzie
community-officers-only = To polecenie jest dla dzielnicowych i koordynatorów z połączonym kontem.
community-announce-no-district = Nie masz przypisanego rejonu, więc nie ma do kogo wysłać ogłoszenia. Koordynator może pisać do całej jednostki.
community-announce-kind = 📢 Co chcesz przekazać mieszkańcom, którzy subskrybują wiadomości z rejonu?
community-kind-news = 📰 Wiadomość
community-kind-warning = ⚠️ Ostrzeżenie
community-kind-meeting = 📅 Spotkanie
community-announce-meeting-kind = Jakie to spotkanie?
community-meeting-kind = { $meeting ->
        [council] 🏛 Sesja rady
        [office_hours] 🕒 Dyżur dzielnicowego
       *[debate] 🗣 Debata społeczna
    }
community-announce-audience = Do kogo?
community-audience-option = { $whole ->
        [all] 🌐 Wszystkie jednostki (powiat)
        [s] 🏢 Cała jednostka: { $name }
       *[d] 📍 { $name }
    }
community-announce-text = Napisz treść po polsku (najwyżej { $max } znaków). Tak zobaczą ją mieszkańcy.
community-announce-translation = { $lang ->
        [uk] Tłumaczenie na ukraiński? Wpisz je albo pomiń — osoby piszące po ukraińsku dostaną wtedy tekst polski.
       *[en] Tłumaczenie na angielski? Wpisz je albo pomiń — osoby piszące po angielsku dostaną wtedy tekst polski.
    }
community-announce-skip = ⏭ Pomiń
community-announce-when = Kiedy? Wpisz datę i godzinę, np. <code>{ $example }</code>.
community-announce-bad-when = Nie rozpoznaję tej daty albo już minęła. Wpisz datę i godzinę spotkania w ciągu najbliższego roku, np. <code>{ $example }</code>.
community-announce-place = Gdzie? Wpisz miejsce, np. „Dom Kultury Oskard, ul. Energetyka 3, sala 12”.
community-announce-pin = Dodaj pinezkę na mapie: wyślij lokalizację (📎 → Lokalizacja) albo pomiń.
community-announce-use-buttons = Odpowiedz, proszę, na pytanie powyżej (tekstem albo przyciskiem).
community-announce-too-long = Za długie: { $length } znaków, najwyżej { $max }. Skróć, proszę, i wyślij jeszcze raz.
community-announce-preview = 👀 Podgląd — tak zobaczą to mieszkańcy:
community-announce-confirm = Wysłać do { $count ->
        [one] { $count } osoby, która subskrybuje
       *[other] { $count } osób, które subskrybują
    } te wiadomości? Tłumaczenia: { $translations }. Wiadomości wychodzą stopniowo, w tempie, na które pozwala Telegram.
# A language the officer translated the announcement into, named in the officer's language.
community-translation-name = { $lang ->
        [uk] ukraiński
       *[en] angielski
    }
community-translations-none = brak
community-announce-send = ✅ Wyślij
community-announce-cancel = ✖️ Anuluj
community-announce-cancelled = Anulowano — nic nie zostało wysłane.
community-announce-sent = ✅ Ogłoszenie nr { $number } wysłane do kolejki: { $count ->
        [one] { $count } osoba
        [few] { $count } osoby
       *[other] { $count } osób
    }. Ile osób je dostało i kto przyjdzie: /ogloszenia.
community-news = 📰 <b>Wiadomość od dzielnicowego</b> — { $whole ->
        [all] wszystkie jednostki
       *[other] { $area }
    }

    { $text }
community-warning = ⚠️ <b>Ostrzeżenie od Policji</b> — { $whole ->
        [all] wszystkie jednostki
       *[other] { $area }
    }

    { $text }
community-meeting = 📅 <b>{ $meeting ->
        [council] Sesja rady z udziałem dzielnicowego
        [office_hours] Dyżur dzielnicowego
       *[debate] Debata społeczna
    }</b> — { $whole ->
        [all] wszystkie jednostki
       *[other] { $area }
    }

    { $text }

    🗓 <b>Kiedy:</b> { $when }
    📍 <b>Gdzie:</b> { $place }
community-meeting-map = 🗺 <a href="{ $url }">Miejsce na mapie</a>
community-signature = — { $author }
community-attend-button = ✋ Przyjdę
community-withdraw-button = Jednak nie przyjdę
community-attending = ✋ Zapisano: spotkanie { $when }, { $place }. Dzień wcześniej przypomnę.
community-not-attending = Dobrze, nie liczymy Cię na spotkaniu { $when }.
community-meeting-over = To spotkanie już się odbyło ({ $when }).
community-reminder = ⏰ <b>Przypomnienie: jutro { $meeting ->
        [council] sesja rady
        [office_hours] dyżur dzielnicowego
       *[debate] debata społeczna
    }</b> — { $area }
    🗓 { $when }
    📍 { $place }

    { $text }
community-reminder-officer = ⏰ Jutro { $when }: { $meeting ->
        [council] sesja rady
        [office_hours] dyżur
       *[debate] debata
    }, { $place }. Zapowiedziało się: { $count }.
community-list-empty = Nie ma jeszcze ogłoszeń. Nowe: /ogloszenie.
community-list = 📢 <b>Ostatnie ogłoszenia</b>
    { $lines }
community-list-line = • nr { $number } · { $when } · { $kind ->
        [meeting] spotkanie
        [warning] ostrzeżenie
       *[news] wiadomość
    } · { $whole ->
        [all] wszystkie jednostki
       *[other] { $area }
    } · wysłane do: { $recipients }{ $kind ->
        [meeting] {" "}· przyjdzie: { $coming }
       *[other] {""}
    }{ $cancelled ->
        [yes] {" "}· odwołane
       *[no] {""}
    }

## Zmiana i odwołanie spotkania (/spotkania)

command-meetings = Moje nadchodzące spotkania: kto przyjdzie, zmiana, odwołanie
community-meeting-card = 📅 <b>Spotkanie nr { $number }</b>: { $meeting ->
        [council] sesja rady
        [office_hours] dyżur dzielnicowego
       *[debate] debata społeczna
    } — { $whole ->
        [all] wszystkie jednostki
       *[other] { $area }
    }
    🗓 { $when } · 📍 { $place }
    { $state ->
        [cancelled] ❌ <b>Odwołane.</b> Mieszkańcy dostają wiadomość o odwołaniu.
        [over] Odbyło się. Zapowiedziało się: { $coming }.
       *[open] 📨 Wysłane do kolejki: { $recipients ->
            [one] { $recipients } osoba
            [few] { $recipients } osoby
           *[other] { $recipients } osób
        } · ✋ przyjdzie: <b>{ $coming }</b>
    }
community-meeting-change-button = ✏️ Zmień termin lub miejsce
community-meeting-cancel-button = ❌ Odwołaj spotkanie
community-meetings = 📅 Nadchodzące spotkania ({ $count }). Pod każdym: zmiana terminu lub miejsca i odwołanie; liczba „przyjdę” odświeża się sama.
community-meetings-none = Nie ma nadchodzących spotkań. Nowe: /ogloszenie → 📅 Spotkanie.
community-meeting-cancel-confirm = Odwołać spotkanie nr { $number } ({ $when }, { $place })? Wszyscy, którzy dostali zaproszenie, i osoby zapisane dostaną wiadomość o odwołaniu, stopniowo, jak samo zaproszenie. Nie będzie przypomnienia.
community-meeting-cancel-yes = ❌ Tak, odwołaj
community-meeting-cancel-no = ↩️ Nie, zostaw
community-meeting-kept = Dobrze — spotkanie zostaje bez zmian.
community-meeting-cancel-done = ❌ Spotkanie nr { $number } odwołane. Wiadomość o odwołaniu w kolejce: { $count ->
        [one] { $count } osoba
        [few] { $count } osoby
       *[other] { $count } osób
    }.
community-meeting-already-cancelled = Spotkanie nr { $number } ({ $when }) jest już odwołane.
community-meeting-keep = ⏭ Bez zmian
community-meeting-change-when = ✏️ Zmiana spotkania nr { $number }. Termin teraz: <b>{ $when }</b>. Wpisz nowy termin (np. <code>{ $example }</code>) albo zostaw bez zmian.
community-meeting-bad-when = Nie rozpoznaję tej daty albo już minęła. Wpisz nowy termin w ciągu najbliższego roku, np. <code>{ $when }</code>, albo naciśnij „⏭ Bez zmian”.
community-meeting-change-place = Miejsce teraz: <b>{ $place }</b>. Wpisz nowe miejsce albo zostaw bez zmian.
community-meeting-change-confirm = Spotkanie nr { $number } po zmianie:
    🗓 { $when }{ $moved ->
        [yes] {" "}(nowy termin)
       *[no] {""}
    }
    📍 { $place }{ $replaced ->
        [yes] {" "}(nowe miejsce)
       *[no] {""}
    }
    Zapisać i powiadomić tych, którzy dostali zaproszenie (i zapisanych)? Osoby zapisane pozostają zapisane.
community-meeting-change-save = ✅ Zapisz i powiadom
community-meeting-unchanged = Nic się nie zmienia — spotkanie zostaje jak było.
community-meeting-change-done = ✅ Spotkanie nr { $number } zmienione. Wiadomość o zmianie w kolejce: { $count ->
        [one] { $count } osoba
        [few] { $count } osoby
       *[other] { $count } osób
    }.
community-meeting-cancelled = ❌ <b>Odwołane: { $meeting ->
        [council] sesja rady z udziałem dzielnicowego
        [office_hours] dyżur dzielnicowego
       *[debate] debata społeczna
    }</b> — { $whole ->
        [all] wszystkie jednostki
       *[other] { $area }
    }
    🗓 { $when }
    📍 { $place }
    Spotkanie się nie odbędzie. Przepraszamy.
community-meeting-changed = 📅 <b>Zmiana: { $meeting ->
        [council] sesja rady z udziałem dzielnicowego
        [office_hours] dyżur dzielnicowego
       *[debate] debata społeczna
    }</b> — { $whole ->
        [all] wszystkie jednostki
       *[other] { $area }
    }
    🗓 <b>Kiedy:</b> { $when }{ $moved ->
        [no] {""}
       *[yes] {" "}(zamiast { $was_when })
    }
    📍 <b>Gdzie:</b> { $place }{ $replaced ->
        [no] {""}
       *[yes] {" "}(zamiast: { $was_place })
    }
    { $coming ->
        [yes] ✋ Twój zapis jest aktualny.{ $remind ->
            [yes] {" "}Dzień wcześniej przypomnę.
           *[no] {""}
        }
       *[no] Przyjdziesz? Naciśnij „✋ Przyjdę”.
    }
community-meeting-changed-by = { $change ->
        [cancelled] ❌ Twoje spotkanie nr { $number } ({ $when }, { $place }) zostało odwołane przez: { $actor }. Mieszkańcy dostają wiadomość o odwołaniu.
       *[changed] ✏️ Twoje spotkanie nr { $number } zostało zmienione przez: { $actor }. Teraz: { $when }, { $place }. Mieszkańcy dostają wiadomość o zmianie.
    }
community-meeting-cancelled-attend = To spotkanie ({ $when }) zostało odwołane — nie odbędzie się.

community-office-hours = 🕒 <b>Najbliższe dyżury:</b>
    { $slots }
community-office-hours-slot = • { $weekday ->
        [0] pon.
        [1] wt.
        [2] śr.
        [3] czw.
        [4] pt.
        [5] sob.
       *[6] niedz.
    } { $date }, { $start }–{ $end }
community-office-hours-slot-place = • { $weekday ->
        [0] pon.
        [1] wt.
        [2] śr.
        [3] czw.
        [4] pt.
        [5] sob.
       *[6] niedz.
    } { $date }, { $start }–{ $end }, { $place }

## Statystyki na debaty (/statystyki, python -m bot reports stats)

command-stats = Statystyki zgłoszeń jednostki (wykresy)
community-stats-coordinators-only = Statystyki są dla koordynatorów z połączonym kontem.
community-stats-bad-days = Podaj liczbę dni od 1 do { $max }, np. <code>/statystyki 30</code>.
community-stats-coming = 📊 Przygotowuję wykresy zgłoszeń Twojej jednostki z ostatnich { $days } dni: według kategorii, rejonów i gmin. Przyjdą za chwilę.
community-stats-all-units = wszystkie jednostki
community-stats-outside = poza rejonami
community-stats-unknown-gmina = { $station }: gmina nieznana
community-stats-title = Zgłoszenia { $since }–{ $until } · { $unit } · { $by ->
        [district] według rejonów
        [gmina] według gmin
       *[category] według kategorii
    } ({ $total })
community-stats-per-month = Zgłoszenia w kolejnych miesiącach
community-stats-per-group = Zgłoszenia i potwierdzone (odsetek potwierdzonych) — { $by ->
        [district] rejony
        [gmina] gminy
       *[category] kategorie
    }
community-stats-reports = zgłoszenia
community-stats-confirmed = potwierdzone
community-stats-medians = Mediana czasu od wysłania: do przyjęcia i do zamknięcia
community-stats-take = do przyjęcia
community-stats-close = do zamknięcia
community-stats-hours = godziny
community-stats-empty = Brak zgłoszeń w tym okresie
