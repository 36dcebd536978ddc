# Biurko funkcjonariusza: widoki zgłoszeń na żywo, komentarze, role, grupy dyżurne, pomoc.
# Etykiety przycisków (officers-btn-comment, desk-btn-*), okienka (desk-refused-*) i fragmenty
# (desk-history-*, desk-help-command) to zwykły tekst bez znaczników.

## Widoki zgłoszenia (alert, karta, historia)

desk-view-retired = <i>Nowszy widok tego zgłoszenia jest niżej — tam są aktualne przyciski.</i>
officers-btn-comment = 📝 Dodaj komentarz
desk-btn-back = ‹ Wróć
desk-btn-less = ‹ Poprzednie rejony

## Odmowy (okienko na przycisku)

desk-refused-not-officer = Te przyciski są tylko dla dzielnicowych, koordynatorów i dyżurnych, którzy połączyli konto przez zaproszenie.
desk-refused-no-district = Zgłoszenie { $reference } leży poza rejonami jednostki — zajmują się nim koordynatorzy i dyżurni.
desk-refused-other-district = Zgłoszenie { $reference } dotyczy rejonu: { $district }. Działać mogą jego dzielnicowi, ich zastępcy oraz koordynatorzy i dyżurni jednostki.
desk-refused-other-station = Zgłoszenie { $reference } należy do innej jednostki: { $station }.

## Komentarz do zamkniętego zgłoszenia

desk-comment-ask = Napisz komentarz do zgłoszenia <b>{ $reference }</b>. Trafi do historii zgłoszenia i do zgłaszającego. /anuluj — rezygnacja.
desk-comment-sent = 📝 Komentarz do { $reference } zapisany w historii i wysłany zgłaszającemu.
desk-comment-kept = 📝 Komentarz do { $reference } zapisany w historii (zgłaszającego nie da się już powiadomić).
desk-resident-comment =
    📝 <b>Komentarz policji</b> do Twojego zgłoszenia { $reference }:

    { $note }
desk-history-comment = komentarz: „{ $note }”

## Po połączeniu konta: to, co czekało

desk-waiting = 📥 <b>Czekały na Ciebie: { $total }</b> — otwarte zgłoszenia Twojego rejonu, które trafiły do dyżurnych przed połączeniem Twojego konta. Otwórz każde, żeby je przejąć:

## Role i grupy dyżurne (ustawiane poleceniami python -m bot officers)

desk-role-changed = 👮 Twoja rola w bocie to teraz: <b>{ $role ->
        [coordinator] koordynator
        [duty] dyżurny
       *[officer] dzielnicowy
    }</b>. Twoje polecenia: /pomoc.
desk-role-announce =
    🔐 <b>Zmiana roli</b>
    { $officer } ({ $code }): { $previous ->
        [coordinator] koordynator
        [duty] dyżurny
       *[officer] dzielnicowy
    } → { $role ->
        [coordinator] koordynator
        [duty] dyżurny
       *[officer] dzielnicowy
    }.
desk-group-disabled = Ta grupa nie jest już grupą dyżurną ({ $station }): nie będą tu przychodzić alerty, a przyciski w dawnych alertach zniknęły.
desk-group-enabled = ✅ Ta grupa znów jest grupą dyżurną ({ $station }): trafią tu alerty, których nie może odebrać dzielnicowy rejonu.

## Pomoc dla funkcjonariuszy

desk-help-command = /{ $command } — { $description }
desk-help-officer =
    👮 <b>Twoje polecenia służbowe</b>
    { $commands }

    Alerty przychodzą z przyciskami, które zawsze pokazują to, co można zrobić teraz: przyjąć, weryfikować, potwierdzić, przekazać. Te same przyciski ma karta zgłoszenia z /zgloszenie.
desk-help-coordinator =
    👮 <b>Twoje polecenia służbowe</b> (widzisz wszystkie zgłoszenia jednostki)
    { $commands }

    Alerty przychodzą z przyciskami, które zawsze pokazują to, co można zrobić teraz: przyjąć, weryfikować, potwierdzić, przekazać. Te same przyciski ma karta zgłoszenia z /zgloszenie.

## Wycofane przez zgłaszającego (status)

officers-status-withdrawn = Wycofane przez zgłaszającego
officers-resident-state-withdrawn = wycofane
report-status-withdrawn = wycofane

## Wątek: pytanie dzielnicowego, odpowiedź i uzupełnienia mieszkańca

desk-btn-reply = ✍️ Odpowiedz
desk-note-reply-open = ✍️ Możesz odpowiedzieć od razu: Twoja następna wiadomość (tekst albo zdjęcie) trafi { $by ->
        [district] do dzielnicowego
       *[police] do policji
    }. Czekam na nią { $hours } godz.; później odpowiesz przyciskiem „Odpowiedz”.
desk-note-reply-later = ✍️ Żeby odpowiedzieć, naciśnij „Odpowiedz” (najpierw dokończ albo anuluj to, co teraz piszesz).
desk-followup-ask-reply = ✍️ Napisz odpowiedź w sprawie <b>{ $reference }</b> — tekst albo zdjęcie (najwyżej { $max }). Trafi tylko { $by ->
        [district] do dzielnicowego
       *[police] do policji
    }. Gdy skończysz, naciśnij „Gotowe”.
desk-followup-ask-info = ➕ Co chcesz dopisać do zgłoszenia <b>{ $reference }</b>? Napisz tekst albo wyślij zdjęcie (najwyżej { $max }). Gdy skończysz, naciśnij „Gotowe”.
desk-followup-sent = ✅ Przekazano { $by ->
        [district] dzielnicowemu
       *[police] policji
    } (zgłoszenie { $reference }). Możesz dopisać coś jeszcze albo nacisnąć „Gotowe”.
desk-followup-photo-sent = ✅ Zdjęcie dołączone do zgłoszenia { $reference } i przekazane { $by ->
        [district] dzielnicowemu
       *[police] policji
    }. Możesz dodać coś jeszcze albo nacisnąć „Gotowe”.
desk-followup-too-long = To za długa wiadomość (najwyżej { $limit } znaków). Skróć ją, proszę, i wyślij jeszcze raz.
desk-followup-photos-limit = Do tego zgłoszenia dodano już { $max } zdjęcia — więcej nie przyjmę. Możesz dopisać tekst.
desk-followup-not-a-photo = Nie udało się odczytać tego zdjęcia. Wyślij je jeszcze raz jako zdjęcie (JPEG, PNG albo WebP).
desk-btn-followup-done = ✅ Gotowe
desk-followup-done = Dziękujemy. Wszystko jest przy zgłoszeniu { $reference }; historię zobaczysz w „Moje zgłoszenia” (/moje).
desk-followup-closed = Czas na odpowiedź minął. Żeby coś dopisać do zgłoszenia, otwórz je w „Moje zgłoszenia” (/moje).
desk-followup-report-closed = Zgłoszenie { $reference } jest już zamknięte ({ $status }) — nie da się go uzupełnić. Jeśli problem nadal występuje, zgłoś go ponownie: /zglos.
desk-followup-busy = Masz niedokończone zgłoszenie. Dokończ je albo przerwij (/anuluj), a potem naciśnij „Odpowiedz” jeszcze raz.
desk-followup-hint = Tu czekam na tekst albo zdjęcie do zgłoszenia { $reference }. Gdy skończysz, naciśnij „Gotowe”.
desk-btn-add-info = ➕ Dopisz informacje lub zdjęcie
desk-btn-withdraw = 🗑 Wycofaj zgłoszenie
desk-withdraw-ask = Wycofać zgłoszenie <b>{ $reference }</b>? Policja przestanie się nim zajmować. Tego nie da się cofnąć.
desk-btn-withdraw-yes = Tak, wycofaj
desk-btn-withdraw-no = Nie, zostaw
desk-withdrawn = Zgłoszenie <b>{ $reference }</b> zostało wycofane. Gdy coś zagraża życiu, zdrowiu lub mieniu, dzwoń pod 112.
desk-withdraw-kept = Dobrze, zgłoszenie zostaje.
desk-resident-withdrawn = Zgłoszenie <b>{ $reference }</b> (zaznaczone przez Ciebie jako „Też to widzę”) zostało wycofane przez osobę, która je wysłała. Jeśli problem nadal występuje, możesz zgłosić go ponownie: /zglos.
desk-mine-police = { $at } — policja: „{ $note }”
desk-mine-you = { $at } — Ty:{ $has_text ->
        [yes] {" "}„{ $note }”
       *[no] {""}
    }{ $photos ->
        [0] {""}
       *[other] {" "}(zdjęcia: { $photos })
    }

## Wątek po stronie policji

desk-officer-resident-said =
    💬 <b>{ $kind ->
        [reply] Odpowiedź zgłaszającego
       *[info] Nowe informacje od zgłaszającego
    }</b> w sprawie { $reference }:{ $has_text ->
        [yes] {"\u000A\u000A"}{ $text }
       *[no] {""}
    }{ $photos ->
        [0] {""}
       *[other] {"\u000A"}📷 Zdjęcia: { $photos }
    }
desk-btn-open-report = 📋 Pokaż zgłoszenie
desk-officer-withdrawn = ↩️ Zgłoszenie <b>{ $reference }</b> zostało wycofane przez zgłaszającego. Nie trzeba się już nim zajmować.
desk-alert-resident-said = 💬 <b>Od zgłaszającego</b> (wiadomości: { $count }, ostatnia { $at }):{ $has_text ->
        [yes] {" "}„{ $note }”
       *[no] {""}
    }{ $photos ->
        [0] {""}
       *[other] {" "}📷 { $photos }
    }
desk-history-resident_reply = odpowiedź zgłaszającego{ $has_text ->
        [yes] : „{ $note }”
       *[no] {""}
    }{ $photos ->
        [0] {""}
       *[other] {" "}(zdjęcia: { $photos })
    }
desk-history-resident_info = informacje od zgłaszającego{ $has_text ->
        [yes] : „{ $note }”
       *[no] {""}
    }{ $photos ->
        [0] {""}
       *[other] {" "}(zdjęcia: { $photos })
    }
