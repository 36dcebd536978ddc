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
