# The first conversation: welcome, main menu, help, privacy notice, language choice, and the
# notices of the gatekeeper and the error handler. Telegram HTML only: <b>, <i>, <u>, <s>, <code>, <a href>.

## Welcome and main menu

home-welcome =
    <b>Razem dla bezpieczeństwa</b> — bot Komendy Miejskiej Policji w Koninie.

    Tutaj zgłosisz zagrożenie w swojej okolicy (np. niebezpieczne miejsce, dewastację, dzikie wysypisko), znajdziesz swojego dzielnicowego i sprawdzisz, co dzieje się z Twoimi zgłoszeniami.

    <b>To nie jest numer alarmowy.</b> Zgłoszenia dzielnicowi sprawdzają w ciągu kilku dni. Jeśli coś dzieje się teraz i zagraża życiu, zdrowiu lub mieniu, dzwoń:
    🚨 <b>112</b> — numer alarmowy
    👮 <b>997</b> — Policja
    🏙 <b>986</b> — Straż Miejska

    Co chcesz zrobić?
home-menu = Co chcesz zrobić?
menu-report = ⚠️ Zgłoś zagrożenie
menu-lookup = 👮 Mój dzielnicowy
menu-mine = 📋 Moje zgłoszenia
menu-help = ❓ Pomoc

## Help and privacy

home-help =
    <b>Jak korzystać z bota</b>

    • <b>Zgłoś zagrożenie</b> — opisz problem w okolicy i wskaż miejsce (lokalizacja albo adres). Możesz dołączyć { $photos ->
        [one] jedno zdjęcie
       *[other] do { $photos } zdjęć
    }. Zgłoszenie może być anonimowe.
    • <b>Mój dzielnicowy</b> — podaj adres, a pokażę Twojego dzielnicowego i dane kontaktowe.
    • <b>Moje zgłoszenia</b> — sprawdź, co dzieje się z Twoimi zgłoszeniami.

    Polecenia:
    /start — menu główne
    /zglos — zgłoś zagrożenie
    /dzielnicowy — znajdź swojego dzielnicowego
    /moje — Twoje zgłoszenia i ich status
    /powiadomienia — wiadomości i spotkania z Twojego rejonu (subskrypcja)
    /pomoc — ta pomoc
    /jezyk — zmiana języka (polski, українська, English)
    /prywatnosc — jak chronimy Twoje dane
    /anuluj — przerwanie bieżącej rozmowy

    W nagłym wypadku nie pisz tutaj — dzwoń pod <b>112</b> (Policja: 997, Straż Miejska: 986).
home-privacy =
    <b>Prywatność i Twoje dane</b>

    <b>Administrator danych:</b> { $controller }
    <b>Inspektor ochrony danych:</b> { $dpo }

    <b>Co zapisujemy:</b> Twój identyfikator w Telegramie, wybrany język, postęp rozmowy oraz treść zgłoszeń (kategoria, miejsce, opis, zdjęcia). Numer telefonu — tylko jeśli sam go udostępnisz.
    <b>Kto co widzi:</b> zgłoszenia czytają dzielnicowi i koordynatorzy Policji w Koninie. Przy zgłoszeniu anonimowym nie widzą, kto je wysłał. Twój telefon zobaczą tylko za Twoją zgodą i tylko po naciśnięciu „pokaż telefon” — każde takie wyświetlenie jest rejestrowane.
    <b>Zdjęcia</b> zapisujemy na nowo, bez metadanych (m.in. bez współrzędnych GPS i danych aparatu).
    <b>Jak długo:</b> zgłoszenie — { $report_days ->
        [one] { $report_days } dzień
       *[other] { $report_days } dni
    } od zamknięcia, potem jest anonimizowane; niedokończony szkic — { $draft_days ->
        [one] { $draft_days } dzień
       *[other] { $draft_days } dni
    }; odebrane wiadomości w surowej postaci — { $inbox_hours } godz.
    <b>Twoje prawa:</b> dostęp do danych, ich sprostowanie, usunięcie lub ograniczenie przetwarzania, sprzeciw oraz skarga do Prezesa Urzędu Ochrony Danych Osobowych. W sprawach danych pisz do inspektora ochrony danych.

    Wiadomości przechodzą przez serwery Telegrama; ich przetwarzanie przez Telegram opisują zasady Telegrama.

## Outside any flow

home-unknown-text =
    Nie rozumiem tej wiadomości. Wybierz, proszę, jedną z opcji poniżej.
    Jeśli coś dzieje się teraz i komuś grozi niebezpieczeństwo, dzwoń pod <b>112</b>.
home-unknown-command = Nie znam tego polecenia. Listę poleceń pokaże /pomoc.
home-unknown-media = { $kind ->
        [sticker] Naklejki są miłe, ale tutaj ich nie odczytam.
        [voice] Nie odsłuchuję wiadomości głosowych — napisz, proszę, tekstem.
        [video] Nie odtwarzam filmów — napisz, proszę, tekstem.
       *[other] Tego rodzaju wiadomości nie potrafię tutaj odczytać.
    }
home-unknown-contact = Nie potrzebuję teraz Twojego numeru telefonu i go nie zapisałem.
home-cancelled = Przerwano. Niedokończone dane zostały usunięte.
home-nothing-to-cancel = Nie było nic do przerwania.
home-resume-offer = Masz niedokończone zgłoszenie: <b>{ $what }</b>. Chcesz je dokończyć czy usunąć i zacząć od nowa?
home-resume-continue = ▶️ Kontynuuj
home-resume-discard = 🗑 Usuń je i zacznij od nowa
home-draft-expired = Twój niedokończony szkic czekał dłużej niż { $days ->
        [one] { $days } dzień
       *[other] { $days } dni
    } i został usunięty.
home-flow-waiting = Rozpoczęta rozmowa na Ciebie czeka: wyślij /start, aby do niej wrócić.

## Language

# The language's own name, shown on its button in every language.
language-native = Polski
language-option = { $name }
language-option-current = ✓ { $name }
language-choose-first =
    Dzień dobry! Wybierz język rozmowy.
    <i>Оберіть мову розмови · Choose your language</i>

    W nagłym wypadku dzwoń pod <b>112</b>.
language-choose = Wybierz język rozmowy:
language-set = Gotowe — rozmawiamy po polsku.

## Commands in Telegram's menu (plain text, at most 256 characters)

command-start = Menu główne
command-help = Pomoc i lista poleceń
command-language = Zmień język
command-privacy = Prywatność i Twoje dane
command-cancel = Przerwij bieżącą rozmowę

## Gatekeeper

gate-group-private = W grupach nie przyjmuję zgłoszeń. Napisz do mnie prywatnie: <a href="{ $link }">{ $link }</a>. W nagłym wypadku dzwoń pod <b>112</b>.
gate-open-private = 💬 Napisz do bota
gate-blocked = To konto nie może już korzystać z tego bota. Jeśli to pomyłka, skontaktuj się z Komendą Miejską Policji w Koninie. W nagłym wypadku dzwoń pod <b>112</b>.
gate-flood = Wysyłasz bardzo dużo wiadomości naraz — zwolnij, proszę. Przez chwilę pominę kolejne wiadomości. Jeśli coś dzieje się teraz, dzwoń pod <b>112</b>.
gate-edited = Nie czytam poprawionych wiadomości. Wyślij, proszę, poprawiony tekst jako nową wiadomość.

## For the ops chat (no personal data)

ops-handler-error = ⚠️ Błąd podczas obsługi aktualizacji { $update_id }: <code>{ $error }</code>. Szczegóły są w logach.
command-report = Zgłoś zagrożenie
command-mine = Moje zgłoszenia i ich status
