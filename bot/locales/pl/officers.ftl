# Dzielnicowi i koordynatorzy: zaproszenia, alerty o zgłoszeniach, statusy, /zgloszenia.
# Telegram HTML only: <b>, <i>, <u>, <s>, <code>, <a href>.
# Button labels (officers-btn-*, officers-district, officers-list-open/-prev/-next), popups
# (officers-done, officers-reassigned, officers-refused-*, officers-phone-sent/-unavailable,
# officers-write-first, officers-note-private, officers-note-nobody) and fragments
# (officers-status-*, officers-body-*, officers-resident-state-*, officers-history-reporter,
# officers-alert-sent-at) are plain text: no tags.

## Invites and linking

officers-invite-invalid = Ten link zaproszenia jest nieprawidłowy, został już użyty albo wygasł. Poproś administratora o nowy.
officers-invite-locked = Zbyt wiele nieudanych prób użycia zaproszenia z tego konta. Skontaktuj się z administratorem bota.
officers-invite-other-officer = To konto jest już powiązane z innym funkcjonariuszem. Jeśli to pomyłka, poproś administratora o odłączenie (officers revoke).
officers-linked =
    ✅ <b>Konto powiązane.</b> { $officer }, { $role ->
        [coordinator] Twoja rola w tym bocie: koordynator.
        [duty] Twoja rola w tym bocie: dyżurny.
       *[officer] Twoja rola w tym bocie: dzielnicowy.
    }

    { $districts ->
        [none] Jednostka: { $station }
       *[other] Rejony: { $districts }
    }

    { $role ->
        [officer] Nowe zgłoszenia z Twojego rejonu przyjdą tutaj jako alerty z przyciskami.
       *[other] Tutaj przyjdą eskalacje i zgłoszenia, których nie może odebrać dzielnicowy rejonu{ $role ->
            [coordinator] , a co rano podsumowanie dnia.
           *[other] .
        }
    } Otwarte zgłoszenia: /zgloszenia, szczegóły jednego: /zgloszenie KN-2026-000123. Polecenia: /pomoc.
officers-linked-announce =
    🔐 <b>Nowe powiązanie konta</b>
    { $officer } ({ $code }, { $role ->
        [coordinator] koordynator
        [duty] dyżurny
       *[officer] dzielnicowy
    }, { $station }) — konto Telegram <code>{ $account }</code>.{ $replaced ->
        [yes] {" "}Poprzednie konto tego funkcjonariusza zostało odłączone.
       *[no] {""}
    }
    Jeśli nikt tego nie zlecał, odłącz konto: <code>python -m bot officers revoke { $code }</code>
officers-group-link-private = Ten link służy do dodania bota do grupy dyżurnej. Otwórz go i wybierz grupę, zamiast pisać tutaj.
officers-group-registered = ✅ Ta grupa jest teraz grupą dyżurną: { $station }. Trafią tu alerty o zgłoszeniach, których nie może odebrać dzielnicowy rejonu.
officers-group-announce =
    🔐 <b>Nowa grupa dyżurna</b>
    Grupę „{ $group }” zarejestrowano dla jednostki: { $station }. Rejestracja: { $officer }.

## The alert

officers-alert =
    🚨 <b>Zgłoszenie { $reference }</b>
    <b>Kategoria:</b> { $category }
    <b>Kiedy:</b> { $when }
    <b>Miejsce:</b> { $place } (rejon: { $district })
    <b>„Też to widzę”:</b> { $confirmations }
officers-alert-description = <b>Opis:</b> { $description }
officers-alert-anonymous = <i>Zgłoszenie anonimowe — dane zgłaszającego nie są widoczne.</i>
officers-alert-named = <i>Zgłoszenie imienne — zgłaszający podał swoje dane.</i>
officers-alert-reporter = <b>Zgłaszający:</b> { $name }
officers-alert-reassigned = <i>Przekazane z rejonu: { $from }</i>
officers-alert-sent-at = (wysłane { $at })
officers-alert-status = <b>Status:</b> { $status }
officers-alert-status-by = <b>Status:</b> { $status } — { $officer }, { $at }
officers-alert-photos = Zdjęcia do zgłoszenia { $reference }

officers-reason-no_district = ⚠️ <b>Wysłane do dyżurnych:</b> miejsce leży poza znanymi rejonami.
officers-reason-no_officer = ⚠️ <b>Wysłane do dyżurnych:</b> rejon nie ma aktywnego dzielnicowego.
officers-reason-not_linked = ⚠️ <b>Wysłane do dyżurnych:</b> dzielnicowy rejonu nie połączył jeszcze konta z botem.
officers-reason-unreachable = ⚠️ <b>Wysłane do dyżurnych:</b> dzielnicowy rejonu zablokował bota i nie otrzyma alertu.
officers-reason-reopened = 🔁 <b>Wznowione:</b> zgłaszający pisze, że problem nadal występuje.

officers-status-new = Nowe
officers-status-taken = Przyjęte
officers-status-verifying = W weryfikacji
officers-status-confirmed = Potwierdzone
officers-status-not_confirmed = Niepotwierdzone
officers-status-eliminated = Wyeliminowane
officers-status-forwarded = Przekazane
officers-status-reopened = Wznowione

officers-body-city_guard = Straż Miejska
officers-body-road_manager = Zarządca drogi
officers-body-other = Inna instytucja

officers-btn-take = ✋ Przyjmuję
officers-btn-verify = 🔍 Weryfikuję
officers-btn-confirm = ✅ Potwierdzone
officers-btn-notconf = ❌ Niepotwierdzone
officers-btn-elim = 🏁 Wyeliminowane
officers-btn-fwd = ↪️ Przekaż instytucji
officers-btn-move = 🗺 Inny rejon
officers-btn-note = ✉️ Notatka dla zgłaszającego
officers-btn-phone = 📞 Pokaż telefon
officers-btn-more = Więcej rejonów ›
officers-district = { $name }

officers-forward-choose = Komu przekazać zgłoszenie { $reference }? To status końcowy — zgłaszający dostanie informację.
officers-reassign-choose = Do którego rejonu przekazać zgłoszenie { $reference }? Tamtejszy dzielnicowy dostanie alert.
officers-sure-notconf = Oznaczyć zgłoszenie { $reference } jako niepotwierdzone? Zgłaszający dostanie tę informację od razu.
officers-sure-elim = Oznaczyć zgłoszenie { $reference } jako wyeliminowane? Zgłaszający dostanie tę informację od razu.
officers-btn-sure-notconf = ❌ Tak, niepotwierdzone
officers-btn-sure-elim = 🏁 Tak, wyeliminowane

## Presses

officers-done = { $reference }: { $status }
officers-reassigned = { $reference } przekazane: { $name }
officers-refused-invalid = Ten przycisk jest nieaktualny albo nieprawidłowy.
officers-refused-status = Status zmienił się w międzyczasie (teraz: { $status }). Przyciski pod zgłoszeniem są już odświeżone.
officers-phone-sent = Numer wysłałem Ci w prywatnej wiadomości.
officers-phone-unavailable = Zgłaszający nie zgodził się na udostępnienie numeru.
officers-phone-withdrawn = Numer zgłaszającego w sprawie { $reference } nie jest już dostępny.
officers-write-first = Napisz najpierw do bota prywatnie (/start), żebym mógł Ci odpowiedzieć.
officers-note-private = Napisz notatkę w prywatnej rozmowie ze mną.
officers-note-nobody = Tego zgłoszenia nie można powiązać z osobą, która je wysłała.
officers-note-ask = Napisz notatkę dla zgłaszającego w sprawie <b>{ $reference }</b>. Dostanie ją tylko osoba zgłaszająca. /anuluj — rezygnacja.
officers-note-too-long = Notatka może mieć najwyżej { $limit } znaków. Skróć ją, proszę, i wyślij jeszcze raz.
officers-note-sent = ✉️ Notatka w sprawie { $reference } wysłana do zgłaszającego.

## Residents are told

officers-resident-taken = 👮 Twoje zgłoszenie <b>{ $reference }</b> zostało przyjęte { $by ->
        [district] przez dzielnicowego
       *[police] przez policję
    }. Damy Ci znać, co ustalimy.
officers-resident-verifying = 🔍 { $by ->
        [district] Dzielnicowy sprawdza
       *[police] Policja sprawdza
    } na miejscu Twoje zgłoszenie <b>{ $reference }</b>.
officers-resident-confirmed = ✅ Zgłoszenie <b>{ $reference }</b> zostało potwierdzone. Policja podejmie działania.
officers-resident-not_confirmed =
    Zgłoszenie <b>{ $reference }</b> nie zostało potwierdzone — w czasie sprawdzania nie stwierdzono zagrożenia.

    Jeśli problem nadal występuje, naciśnij „Nadal występuje”. Gdy coś zagraża życiu, zdrowiu lub mieniu teraz, dzwoń pod 112.
officers-resident-eliminated =
    🏁 Zagrożenie ze zgłoszenia <b>{ $reference }</b> zostało wyeliminowane. Dziękujemy za zgłoszenie!

    Jeśli problem wrócił, naciśnij „Nadal występuje”. Gdy coś zagraża życiu, zdrowiu lub mieniu teraz, dzwoń pod 112.
officers-resident-forwarded = ↪️ Zgłoszenie <b>{ $reference }</b> przekazano { $body ->
        [city_guard] Straży Miejskiej (tel. 986)
        [road_manager] zarządcy drogi
       *[other] właściwej instytucji
    }, która zajmie się nim dalej.
officers-resident-reassigned = 🗺 Zgłoszenie <b>{ $reference }</b> przekazano dzielnicowemu właściwego rejonu.
officers-resident-reopened = 🔁 Zgłoszenie <b>{ $reference }</b> zostało wznowione — ktoś zgłosił, że problem nadal występuje.
officers-resident-note =
    ✉️ <b>Wiadomość { $by ->
        [district] od dzielnicowego
       *[police] od policji
    }</b> w sprawie { $reference }:

    { $note }
officers-btn-reopen = 🔁 Nadal występuje

officers-resident-state-new = nowe
officers-resident-state-taken = przyjęte
officers-resident-state-verifying = w weryfikacji
officers-resident-state-confirmed = potwierdzone
officers-resident-state-not_confirmed = niepotwierdzone
officers-resident-state-eliminated = wyeliminowane
officers-resident-state-forwarded = przekazane innej instytucji
officers-resident-state-reopened = wznowione

officers-reopen-done = 🔁 Dziękujemy. Zgłoszenie <b>{ $reference }</b> wróciło do dzielnicowego. Jeśli coś zagraża życiu, zdrowiu lub mieniu teraz, dzwoń pod 112.
officers-reopen-not-now = Zgłoszenia <b>{ $reference }</b> nie trzeba wznawiać — jego status to: { $status }.
officers-reopen-invalid = Ten przycisk jest nieaktualny. Swoje zgłoszenia sprawdzisz w menu „Moje zgłoszenia”.

## /zgloszenia, /zgloszenie

officers-only = To polecenie jest dostępne tylko dla dzielnicowych i koordynatorów, którzy połączyli konto przez zaproszenie.
officers-details-usage = Podaj numer zgłoszenia, np. <code>/zgloszenie KN-2026-000123</code>.
officers-report-unknown = Nie znalazłem zgłoszenia { $reference }.
officers-list-empty = 🎉 Brak otwartych zgłoszeń w Twoim rejonie.
officers-list = <b>Otwarte zgłoszenia: { $total }</b> ({ $pages ->
        [1] {""}
       *[other] strona { $page } z { $pages },{" "}
    }najstarsze najpierw)
officers-list-line = • <b>{ $reference }</b> — { $category } — { $status } — { $days ->
        [0] dziś
        [one] { $days } dzień
       *[other] { $days } dni
    } — { $place }
officers-list-open = { $reference }
officers-list-prev = ‹ Poprzednie
officers-list-next = Następne ›
officers-history = <b>Historia zgłoszenia { $reference }</b>
officers-history-more = … (wcześniejsze wpisy: { $count })
officers-history-line = • { $at } — { $action ->
        [status] { $status }
        [reassigned] przekazane do innego rejonu
        [reopened] wznowione
        [note] notatka dla zgłaszającego: „{ $note }”
        [phone_revealed] wyświetlono telefon zgłaszającego
        [report_created] zgłoszenie wysłane
       *[other] { $action }
    } ({ $who })
officers-history-reporter = zgłaszający

## Command menu

command-officer-list = Otwarte zgłoszenia moich rejonów lub jednostki
command-officer-details = Szczegóły i historia zgłoszenia (numer)
