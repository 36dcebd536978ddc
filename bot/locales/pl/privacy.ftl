# Prywatność i bezpieczeństwo: „Też to widzę” bez odległości, limity wznowień, blokowanie
# mieszkańców, którzy potwierdzili zgłoszenie, prawa mieszkańców (RODO).
# Telegram HTML only: <b>, <i>, <u>, <s>, <code>, <a href>.
# Fragments (privacy-duplicate-nearby, privacy-history-follower) must be plain text: no tags.

## „Też to widzę”

privacy-duplicate-nearby = niedaleko

## „Nadal występuje”

privacy-reopen-limit-report = Zgłoszenie <code>{ $reference }</code> wznawiano już { $count ->
        [one] raz
        [few] { $count } razy
       *[other] { $count } razy
    }. Jeśli problem nadal występuje, wyślij, proszę, nowe zgłoszenie: /zglos
privacy-reopen-limit-user = Dziś wznowiono już { $max ->
        [one] jedno zgłoszenie
        [few] { $max } zgłoszenia
       *[other] { $max } zgłoszeń
    } z Twojego konta — tyle można w ciągu doby. Jeśli problem nadal występuje, wyślij nowe zgłoszenie: /zglos

## Historia i blokowanie (dla koordynatorów)

privacy-history-follower = mieszkaniec #{ $number }
# Named operations-history-* so that the officers' history finds it (queries.py).
operations-history-resident_confirmed = potwierdzenie („Też to widzę”)
privacy-ban-no-follower = Zgłoszenie { $reference } nie ma mieszkańca #{ $number } (numer z historii zgłoszenia).
privacy-blocked-follower = 🚫 Zablokowano mieszkańca #{ $number } ze zgłoszenia { $reference }. Dostanie jedną uprzejmą informację, a jego kolejne wiadomości będą pomijane. Cofnięcie: <code>/odblokuj { $reference } #{ $number }</code>
privacy-unblocked-follower = ✅ Odblokowano mieszkańca #{ $number } ze zgłoszenia { $reference }. Dostał wiadomość, że znowu może pisać.

## Twoje prawa: kopia danych (/moje_dane) i usunięcie (/usun_dane)

command-my-data = Kopia wszystkich moich danych (plik)
command-delete-my-data = Usuń moje dane
privacy-notice-more =
    <b>Najpóźniej:</b> każde zgłoszenie jest anonimizowane { $max_days } dni po wysłaniu, nawet jeśli nikt go nie zamknął; konto bez zgłoszeń usuwamy { $user_days } dni po Twojej ostatniej wiadomości.
    <b>Twoje prawa tutaj, w czacie:</b> /moje_dane — kopia wszystkiego, co bot o Tobie przechowuje (plik JSON i wersja do czytania); /usun_dane — usunięcie Twoich danych (zgłoszenia zostają w Policji, ale już bez powiązania z Tobą).
privacy-data-coming = 📄 Przygotowuję kopię Twoich danych — za chwilę dostaniesz dwa pliki: JSON (dla komputera) i tekst (do czytania). Wydanie kopii odnotowujemy w dzienniku zdarzeń.
privacy-data-filename = moje-dane
privacy-data-caption-json = Kopia Twoich danych (JSON), stan na { $at }.
privacy-data-caption-text = Kopia Twoich danych do czytania, stan na { $at }. Zdjęcia zgłoszeń są w pliku JSON.
privacy-data-title = Dane, które bot „Razem dla bezpieczeństwa” przechowuje o Tobie — stan na { $at }
privacy-data-controller = Administrator danych: { $controller }. Inspektor ochrony danych: { $dpo }.
privacy-data-account = Konto
privacy-data-telegram-id = Identyfikator w Telegramie
privacy-data-language = Język
privacy-data-role = Rola
privacy-data-blocked = Zablokowane przez koordynatora
privacy-data-first-contact = Pierwsza wiadomość
privacy-data-last-contact = Ostatnia wiadomość
privacy-data-conversation = Rozmowa w toku (niedokończony szkic)
privacy-data-none = brak
privacy-data-reports = Twoje zgłoszenia: { $count }
privacy-data-place = Miejsce
privacy-data-description = Opis
privacy-data-anonymous = Anonimowe
privacy-data-photos = Zdjęcia
privacy-data-identity = Twoje dane przy zgłoszeniu (nazwa, telefon)
privacy-data-followed = Zgłoszenia, które obserwujesz („Też to widzę”): { $count }
privacy-data-messages = Wiadomości
privacy-data-messages-count = Zapisane odebrane wiadomości (surowe, najwyżej kilkadziesiąt godzin): { $received }; wiadomości do Ciebie w kolejce lub niedawno wysłane: { $sent }. Pełna treść jest w pliku JSON.
privacy-data-audit = Wpisy w dzienniku zdarzeń, które Cię dotyczą: { $count }
privacy-data-yes = tak
privacy-data-no = nie
privacy-data-footer = Usunięcie danych: /usun_dane. Sprostowanie, ograniczenie, sprzeciw: napisz do inspektora ochrony danych. Masz też prawo wnieść skargę do Prezesa Urzędu Ochrony Danych Osobowych.
privacy-erase-question =
    <b>Usunąć Twoje dane?</b>

    Usuniemy: Twoje konto w bocie (identyfikator w Telegramie, język), niedokończony szkic, obserwowanie zgłoszeń, Twoje imię i telefon przy zgłoszeniach, notatki dzielnicowych do Ciebie oraz zapisane wiadomości.
    Zostaną w Policji, ale już bez żadnego powiązania z Tobą: same zgłoszenia (kategoria, miejsce, opis, zdjęcia, status), bo są dokumentacją służbową.

    Potem nie dostaniesz już informacji o statusie swoich zgłoszeń, a „Moje zgłoszenia” będą puste. Tego nie da się cofnąć.
privacy-erase-yes = 🗑 Tak, usuń moje dane
privacy-erase-no = Nie, zostaw
privacy-erase-kept = Dobrze, niczego nie usunąłem.
privacy-erased = 🗑 Twoje dane zostały usunięte. Zgłoszenia zostają w Policji bez powiązania z Tobą. Jeśli napiszesz tu znowu, zaczniemy od zera. Gdy coś zagraża życiu, zdrowiu lub mieniu teraz, dzwoń pod 112.
privacy-erase-officer = Konto funkcjonariusza odłącza administrator bota (python -m bot officers revoke). W sprawie danych osobowych napisz do inspektora ochrony danych.
