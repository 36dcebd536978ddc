# A chat that does not drown the resident: photos and albums, what is sent outside a
# conversation, an unfinished report kept aside. Telegram HTML only: <b>, <i>, <u>, <s>,
# <code>, <a href>. Button labels are plain text.

## Photos and captions

report-caption-kept = ✍️ Підпис до фото ми додали до опису.
report-caption-too-long = Підпис до фото не вмістився в опис (щонайбільше { $max } символів) — опис можна змінити в підсумку.
report-photos-kept-describe = 🖼 Фото збережено ({ $count } з { $max }) — ми додамо його до звернення. Тепер <b>опишіть, що відбувається</b>, або натисніть «Пропустити».

## Sent outside a conversation: kept, with the offer to report with it

offer-kept-photos = 🖼 { $count ->
        [one] Ваше фото збережено.
       *[other] Ваші фото збережено ({ $count }).
    }
offer-kept-place = 📍 { $place } — дільниця: { $district }
offer-kept-text = ✍️ Ваше повідомлення: <i>{ $text }</i>
offer-question = Хочете повідомити про загрозу? Надіслане одразу ввійде до звернення. Якщо комусь загрожує небезпека зараз, телефонуйте <b>112</b>.
offer-report = ⚠️ Повідомити про загрозу з цим
offer-officer = 👮 Показати дільничного цього місця
offer-drop = ✖️ Ні, дякую
offer-dropped = Гаразд, нічого не збережено.

## An unfinished report: what it holds, kept aside during /dzielnicowy, cancelled only when sure

report-draft-point = точка на карті
report-draft-photos = { $count } фото
report-draft-description = з описом
report-draft-empty = ще без відповідей
report-parked = 📝 Ваше незавершене звернення (<b>{ $what }</b>) чекає — завершити його можна командою /report.
report-resumed = { $placed ->
        [yes] 📝 Повертаємося до вашого незавершеного звернення — з цим місцем.
       *[no] 📝 Повертаємося до вашого незавершеного звернення. Місце залишилося тим, яке ви вказали раніше; змінити його можна в підсумку.
    }
report-cancel-question = Точно скасувати звернення? Нічого не буде надіслано, а введені відповіді (<b>{ $what }</b>) буде видалено.
report-cancel-yes = 🗑 Так, видалити звернення
report-cancel-no = ⬅️ Ні, повернутися до підсумку
