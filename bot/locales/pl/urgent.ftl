# Urgent categories (categories.csv: urgent): danger to life or health happening now.
# Telegram HTML only: <b>, <i>, <u>, <s>, <code>, <a href>. The contact name is plain text.

report-urgent =
    🚨 <b>To może być nagły wypadek.</b> Jeśli komuś teraz grozi niebezpieczeństwo — człowiek na mrozie, tonący, pożar, przemoc — <b>dzwoń pod 112</b>. Numer jest poniżej: dotknij go, aby zadzwonić.

    Zgłoszenie możesz potem dokończyć, ale dzielnicowy przeczyta je dopiero w ciągu kilku dni — na pomoc teraz nie czekaj tutaj.
report-urgent-contact-name = 112 — numer alarmowy
report-sent-urgent =
    ✅ <b>Zgłoszenie wysłane.</b> Numer: <code>{ $reference }</code>

    Trafi do dzielnicowego Twojego rejonu. Jeśli komuś grozi niebezpieczeństwo teraz, nie czekaj na odpowiedź — <b>dzwoń pod 112</b>. O każdej zmianie statusu napiszemy tutaj (/moje).
