# Приватність і безпека: «Я теж це бачу» без відстаней, ліміти на повторне відкриття, блокування
# мешканців, які підтвердили звернення, права мешканців (RODO).
# Telegram HTML only: <b>, <i>, <u>, <s>, <code>, <a href>.
# Fragments (privacy-duplicate-nearby, privacy-history-follower) must be plain text: no tags.

## «Я теж це бачу»

privacy-duplicate-nearby = неподалік

## «Досі триває»

privacy-reopen-limit-report = Звернення <code>{ $reference }</code> вже знову відкривали { $count ->
        [one] { $count } раз
        [few] { $count } рази
       *[other] { $count } разів
    }. Якщо проблема не зникла, надішліть, будь ласка, нове звернення: /report
privacy-reopen-limit-user = Сьогодні з вашого облікового запису вже знову відкрили { $max ->
        [one] { $max } звернення
        [few] { $max } звернення
       *[other] { $max } звернень
    } — це максимум на добу. Якщо проблема не зникла, надішліть нове звернення: /report

## Історія та блокування (для координаторів)

privacy-history-follower = мешканець #{ $number }
# Named operations-history-* so that the officers' history finds it (queries.py).
operations-history-resident_confirmed = підтвердження («Я теж це бачу»)
privacy-ban-no-follower = У зверненні { $reference } немає мешканця #{ $number } (номер з історії звернення).
privacy-blocked-follower = 🚫 Заблоковано мешканця #{ $number } зі звернення { $reference }. Він отримає одне ввічливе сповіщення, а все, що надішле далі, буде пропущено. Скасування: <code>/odblokuj { $reference } #{ $number }</code>
privacy-unblocked-follower = ✅ Розблоковано мешканця #{ $number } зі звернення { $reference }. Йому надіслано сповіщення, що він знову може писати.
