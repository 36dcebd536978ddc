# Partner institutions (partners.csv): their chat's invite, the reports officers forward to them,
# their answers, and what officers and residents are told. Telegram HTML only: <b>, <i>, <u>,
# <s>, <code>, <a href>. Button labels (partners-btn-*, partners-forward-to), states
# (partners-state-*) and popups (partners-refused*, partners-thanks-*) are plain text.

partners-linked = ✅ Цей чат тепер належить: <b>{ $name }</b>. Сюди надходитимуть звернення, передані поліцією, без даних заявників. Під кожним є кнопки: Прийнято, Виконано, Не наше.
partners-linked-announce = 🔗 Прив’язано чат установи-партнера: { $name } ({ $code }), чат «{ $chat }». Якщо це помилка, видайте нове запрошення: python -m bot partners invite { $code }.

partners-forward-choose = Кому передати звернення { $reference }? Установи-партнери цієї ґміни отримають його у своєму чаті (без даних заявника) і дадуть відповідь кнопками.
partners-forward-to = 🏛 { $name }

partners-report =
    🏛 <b>Звернення, передане поліцією: <code>{ $reference }</code></b>

    <b>Що:</b> { $category }
    <b>Де:</b> { $place }
    <b>Ґміна:</b> { $gmina }
    <b>Коли:</b> { $when }

    Дані заявника залишаються в поліції. Дайте відповідь кнопкою: заявник і дільничний отримають інформацію.
partners-report-description = <b>Опис:</b> { $description }

partners-btn-acc = ✅ Прийнято
partners-btn-done = 🏁 Виконано
partners-btn-no = ↩️ Не наше

partners-state-sent = чекає на відповідь
partners-state-accepted = прийнято
partners-state-done = виконано
partners-state-not_ours = не ваше (повернуто до поліції)

partners-refused = Ця кнопка не стосується цього чату або недійсна. Нічого не змінено.
partners-refused-state = { $reference }: цю відповідь уже не можна дати (зараз: { $state }).
partners-thanks-acc = { $reference }: прийнято. Дякуємо — коли справу вирішено, натисніть «Виконано».
partners-thanks-done = { $reference }: виконано. Дякуємо, заявник отримає інформацію.
partners-thanks-no = { $reference }: повернуто до поліції. Дякуємо.

partners-resident-forwarded = ↪️ Звернення <b>{ $reference }</b> передано установі: <b>{ $name }</b>. Ми повідомимо, коли вона відповість.
partners-resident-accepted = 🏛 <b>{ $name }</b> прийняла ваше звернення <b>{ $reference }</b> і займеться ним.
partners-resident-done = 🏁 <b>{ $name }</b> повідомляє, що справу зі звернення <b>{ $reference }</b> вирішено. Якщо проблема залишається, натисніть кнопку нижче.
partners-resident-not-ours = 🔁 <b>{ $name }</b> не займається такими справами — звернення <b>{ $reference }</b> повернуто дільничному.

partners-reason-partner_silent = ⏰ <b>Ескалація:</b> установа, якій передано це звернення, не відповіла вчасно. Зв’яжіться з нею або візьміть справу на себе.
partners-reason-partner_declined = ↩️ <b>Повернуто від установи:</b> вона відповіла «Не наше». Звернення знову ваше.

partners-history-partner_accepted = { $name }: прийнято
partners-history-partner_done = { $name }: виконано
partners-history-partner_not_ours = { $name }: не наше
partners-history-partner_escalated = { $name } не відповідає: ескалація до координаторів
