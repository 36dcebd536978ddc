# Dyżury i terminy: urlopy i zastępstwa, cisza nocna, eskalacje, przypomnienia, podsumowanie dnia,
# blokowanie użytkowników.
# Telegram HTML only: <b>, <i>, <u>, <s>, <code>, <a href>.
# Button labels (operations-btn-*, operations-*-btn-*, operations-leave-officer,
# operations-quiet-preset) and fragments (operations-overdue-status, operations-history-*) are
# plain text: no tags.

## Who may

operations-officers-only = To polecenie jest dostępne tylko dla dzielnicowych i koordynatorów, którzy połączyli konto przez zaproszenie.
operations-coordinators-only = To polecenie jest dostępne tylko dla koordynatorów jednostki.

operations-btn-prev = ‹ Poprzednie
operations-btn-next = Następne ›
operations-btn-details = 📄 Szczegóły zgłoszenia

## Deadlines: escalation, reminders, overdue marks

operations-reason-overdue = ⏰ <b>Eskalacja:</b> nikt nie przyjął tego zgłoszenia w wyznaczonym czasie. Przyjmij je albo przekaż dzielnicowemu.
operations-reason-absent = 🏖 <b>Wysłane do dyżurnych:</b> dzielnicowy rejonu jest na urlopie i nie ma zastępcy.
operations-alert-substitute = 🔁 <i>Dostajesz to zgłoszenie jako zastępca: { $officers }.</i>
operations-reminder =
    ⏰ <b>Przypomnienie: { $reference }</b>
    Zgłoszenie czeka na weryfikację od { $days ->
        [one] { $days } dnia
       *[other] { $days } dni
    } (status: { $status }).
    { $category } — { $place }

    Szczegóły i przyciski: <code>/zgloszenie { $reference }</code>
operations-overdue-status = { $status } ⏰ { $kind ->
        [take] czeka na przyjęcie
       *[verify] czeka na weryfikację
    }

## The daily digest

operations-digest =
    📊 <b>Podsumowanie dnia — { $station }</b> ({ $day })
    Ostatnie 24 godziny: nowe { $new }, potwierdzone { $confirmed }, wyeliminowane { $eliminated }.
    Otwarte teraz: { $open }, w tym po terminie: <b>{ $overdue }</b>.
operations-digest-line = • <code>{ $reference }</code> — { $category } — { $days ->
        [one] { $days } dzień
       *[other] { $days } dni
    }, { $kind ->
        [take] nieprzyjęte
       *[verify] niezweryfikowane
    }
operations-digest-more = … i jeszcze { $count } po terminie: /zgloszenia

## Leave and substitutes: /urlop, /zastepstwa

operations-leave-mine = { $count ->
        [0] 🏖 <b>Twoje urlopy:</b> nie masz zaplanowanej nieobecności.
       *[other] 🏖 <b>Twoje urlopy</b> (bieżące i zaplanowane):
    }
operations-leave-station = { $count ->
        [0] 🏖 <b>Urlopy w jednostce:</b> nikt nie ma zaplanowanej nieobecności.
       *[other] 🏖 <b>Urlopy w jednostce</b> (bieżące i zaplanowane):
    }
operations-leave-line = • { $officer }: { $start } – { $end }, { $has_substitute ->
        [yes] zastępuje { $substitute }
       *[no] bez zastępstwa
    }
operations-leave-btn-add = ➕ Dodaj urlop
operations-leave-btn-pick = ➕ Wpisz urlop funkcjonariuszowi
operations-leave-btn-cancel = ✖ Odwołaj: { $officer }, { $start } – { $end }
operations-leave-btn-none = Bez zastępstwa
operations-leave-officer = { $name }
operations-leave-who = Komu wpisać urlop? Wybierz funkcjonariusza. /anuluj — rezygnacja.
operations-leave-dates-ask = { $own ->
        [yes] Podaj dni urlopu,
       *[no] Podaj dni urlopu: { $officer },
    } np. <code>1.12-14.12</code> albo <code>24.12</code> (jeden dzień). Daty są włącznie. /anuluj — rezygnacja.
operations-leave-dates-bad = { $problem ->
        [invalid] Taki dzień nie istnieje w kalendarzu.
        [order] Koniec urlopu wypada przed jego początkiem.
        [past] Ten urlop już się skończył — podaj bieżące albo przyszłe dni.
        [too_long] Jeden wpis może obejmować najwyżej { $days } dni.
       *[format] Nie rozpoznaję tych dat.
    }
operations-leave-overlap = { $officer } ma już urlop w tym czasie: { $start } – { $end }. Podaj inne dni albo najpierw odwołaj tamten urlop.
operations-leave-substitute-ask = Urlop: { $officer }, { $start } – { $end }. { $candidates ->
        [0] Nikt w jednostce nie może teraz zastąpić (zastępca musi mieć połączone konto i nie być wtedy na urlopie). Zapisać bez zastępstwa? Alerty z rejonu trafią wtedy do dyżurnych i koordynatorów.
       *[other] Kto zastępuje? Zastępca dostanie alerty z rejonu i będzie mógł działać w sprawie zgłoszeń.
    }
operations-leave-use-buttons = Wybierz odpowiedź przyciskiem pod wiadomością albo napisz /anuluj.
operations-leave-saved = ✅ Zapisane: { $officer }, urlop { $start } – { $end }, { $has_substitute ->
        [yes] zastępuje { $substitute }. Zastępca dostał wiadomość.
       *[no] bez zastępstwa. Alerty z rejonu trafią do dyżurnych i koordynatorów.
    }
operations-leave-cancelled = ✖ Odwołany urlop: { $officer }, { $start } – { $end }. Alerty znowu trafiają do dzielnicowego.
operations-leave-cancel-already = Ten urlop ({ $officer }, { $start } – { $end }) został już odwołany.
operations-leave-cancel-over = Ten urlop ({ $officer }, { $start } – { $end }) już się skończył — nie ma czego odwoływać.
operations-substitute-assigned =
    🔁 <b>Zastępstwo:</b> od { $start } do { $end } zastępujesz: { $officer }.
    Rejony: { $districts }
    W tym czasie alerty z tych rejonów przyjdą do Ciebie i możesz działać w sprawie zgłoszeń.
operations-substitute-cancelled = ✖ Zastępstwo odwołane: { $officer } nie będzie na urlopie { $start } – { $end }.
operations-leave-set-for-you = 🏖 Koordynator wpisał Ci urlop: { $start } – { $end }, { $has_substitute ->
        [yes] zastępuje { $substitute }.
       *[no] bez zastępstwa.
    } W tym czasie nie będziesz dostawać alertów.
operations-leave-cancelled-for-you = ✖ Koordynator odwołał Twój urlop { $start } – { $end }. Alerty z rejonu znowu przychodzą do Ciebie.
operations-leave-cancel-announce = ✖ Urlop odwołany: { $officer }, { $start } – { $end }. Alerty z rejonu znowu otrzymuje { $officer }.
operations-leave-announce = 🏖 Urlop: { $officer }, { $start } – { $end }, { $has_substitute ->
        [yes] zastępuje { $substitute }.
       *[no] bez zastępstwa — alerty z rejonu trafią do dyżurnych i koordynatorów.
    }

## Quiet hours: /cisza

operations-quiet-ask = { $state ->
        [on] 🌙 <b>Cisza nocna:</b> { $start }–{ $end }. W tych godzinach alerty przychodzą bez dźwięku.
       *[off] 🌙 <b>Cisza nocna jest wyłączona:</b> alerty zawsze przychodzą z dźwiękiem.
    }
    Wybierz godziny albo napisz własne, np. <code>21:30-6:30</code>. Eskalacje do dyżurnych zawsze przychodzą z dźwiękiem.
operations-quiet-preset = { $start }–{ $end }
operations-quiet-btn-off = 🔔 Wyłącz ciszę nocną
operations-quiet-bad = Nie rozpoznaję tych godzin. Napisz np. <code>22-7</code> albo <code>22:30-6:30</code>.
operations-quiet-saved = 🌙 Zapisane: od { $start } do { $end } alerty przychodzą bez dźwięku. Eskalacje zawsze z dźwiękiem.
operations-quiet-off = 🔔 Cisza nocna wyłączona: alerty zawsze przychodzą z dźwiękiem.
# Typed instead of hours (or after /cisza), any of these words turns quiet hours off; words
# of every language count. Comma-separated, never shown.
operations-quiet-off-words = off, wyłącz, wylacz, nie, brak

## Blocking: /blokuj, /odblokuj

operations-ban-usage = Podaj numer zgłoszenia tej osoby, np. <code>/{ $command } KN-2026-000123</code>. Osobę, która tylko potwierdziła zgłoszenie („Też to widzę”), wskaż numerem z historii: <code>/{ $command } KN-2026-000123 #2</code>. Na końcu możesz dopisać powód.
operations-ban-unknown = Nie znalazłem zgłoszenia { $reference }.
operations-ban-not-yours = Zgłoszenie { $reference } nie należy do Twojej jednostki.
operations-ban-nobody = Zgłoszenia { $reference } nie da się już powiązać z osobą, która je wysłała.
operations-ban-not-resident = Osoba ze zgłoszenia { $reference } jest funkcjonariuszem — jej konto odłącza administrator (officers revoke).
operations-blocked = 🚫 Zablokowano osobę, która wysłała zgłoszenie { $reference }. Dostanie jedną uprzejmą informację, a jej kolejne wiadomości będą pomijane. Cofnięcie: <code>/odblokuj { $reference }</code>
operations-unblocked = ✅ Odblokowano osobę, która wysłała zgłoszenie { $reference }. Dostała wiadomość, że znowu może pisać.
operations-unblocked-resident = ✅ Możesz znowu korzystać z bota „Razem dla bezpieczeństwa”. Napisz /start, aby zobaczyć menu. Gdy coś zagraża życiu, zdrowiu lub mieniu teraz, dzwoń pod 112.

## Report history lines

operations-history-escalated = eskalacja do dyżurnych i koordynatorów (termin przyjęcia minął)
operations-history-reminded = przypomnienie o weryfikacji (termin minął)
operations-history-report_anonymised = dane zgłaszającego usunięte po okresie przechowywania
operations-history-user_blocked = zgłaszający zablokowany
operations-history-user_unblocked = zgłaszający odblokowany

## Command menu

command-leave = Mój urlop i zastępstwo
command-quiet = Cisza nocna: alerty bez dźwięku
command-station-leave = Urlopy i zastępstwa w jednostce
command-block = Zablokuj zgłaszającego (numer zgłoszenia)
command-unblock = Odblokuj zgłaszającego (numer zgłoszenia)
