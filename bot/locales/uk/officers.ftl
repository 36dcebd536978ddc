# Дільничні та координатори: запрошення, сповіщення про повідомлення, статуси, /zgloszenia.
# Telegram HTML only: <b>, <i>, <u>, <s>, <code>, <a href>.
# Button labels, popups and fragments are plain text: no tags (see pl/officers.ftl).

## Invites and linking

officers-invite-invalid = Це посилання-запрошення недійсне, вже використане або прострочене. Попросіть адміністратора про нове.
officers-invite-locked = Забагато невдалих спроб використати запрошення з цього акаунта. Зверніться до адміністратора бота.
officers-invite-other-officer = Цей акаунт уже пов’язаний з іншим поліцейським. Якщо це помилка, попросіть адміністратора від’єднати його (officers revoke).
officers-linked =
    ✅ <b>Акаунт пов’язано.</b> { $officer }, { $role ->
        [coordinator] тепер ви координатор у цьому боті.
       *[officer] тепер ви дільничний у цьому боті.
    }

    Дільниці: { $districts }

    Нові повідомлення з вашої дільниці надходитимуть сюди як сповіщення з кнопками. Відкриті повідомлення: /zgloszenia, подробиці одного: /zgloszenie KN-2026-000123.
officers-linked-announce =
    🔐 <b>Нове прив’язування акаунта</b>
    { $officer } ({ $code }, { $role ->
        [coordinator] координатор
       *[officer] дільничний
    }, { $station }) — акаунт Telegram <code>{ $account }</code>.{ $replaced ->
        [yes] {" "}Попередній акаунт цього поліцейського від’єднано.
       *[no] {""}
    }
    Якщо ніхто цього не доручав, від’єднайте акаунт: <code>python -m bot officers revoke { $code }</code>
officers-group-link-private = Це посилання призначене для додавання бота до чергової групи. Відкрийте його та виберіть групу, а не пишіть тут.
officers-group-registered = ✅ Ця група тепер чергова: { $station }. Сюди надходитимуть сповіщення про повідомлення, які не може отримати дільничний.
officers-group-announce =
    🔐 <b>Нова чергова група</b>
    { $officer } зареєстрував(ла) групу «{ $group }» для підрозділу: { $station }.

## The alert

officers-alert =
    🚨 <b>Повідомлення { $reference }</b>
    <b>Категорія:</b> { $category }
    <b>Коли:</b> { $when }
    <b>Місце:</b> { $place } (дільниця: { $district })
    <b>«Я теж це бачу»:</b> { $confirmations }
officers-alert-description = <b>Опис:</b> { $description }
officers-alert-anonymous = <i>Анонімне повідомлення — дані заявника не показуються.</i>
officers-alert-named = <i>Неанонімне повідомлення — заявник вказав свої дані.</i>
officers-alert-reporter = <b>Заявник:</b> { $name }
officers-alert-reassigned = <i>Передано з дільниці: { $from }</i>
officers-alert-sent-at = (надіслано { $at })
officers-alert-status = <b>Статус:</b> { $status }
officers-alert-status-by = <b>Статус:</b> { $status } — { $officer }, { $at }
officers-alert-photos = Фото до повідомлення { $reference }

officers-reason-no_district = ⚠️ <b>Надіслано черговим:</b> місце поза відомими дільницями.
officers-reason-no_officer = ⚠️ <b>Надіслано черговим:</b> на дільниці немає активного дільничного.
officers-reason-not_linked = ⚠️ <b>Надіслано черговим:</b> дільничний ще не пов’язав акаунт із ботом.
officers-reason-unreachable = ⚠️ <b>Надіслано черговим:</b> дільничний заблокував бота і не отримає сповіщення.
officers-reason-reopened = 🔁 <b>Відновлено:</b> заявник пише, що проблема не зникла.

officers-status-new = Нове
officers-status-taken = Прийняте
officers-status-verifying = На перевірці
officers-status-confirmed = Підтверджене
officers-status-not_confirmed = Не підтверджене
officers-status-eliminated = Усунене
officers-status-forwarded = Передане
officers-status-reopened = Відновлене

officers-body-city_guard = Міська варта (Straż Miejska)
officers-body-road_manager = Розпорядник дороги
officers-body-other = Інша установа

officers-btn-take = ✋ Беру
officers-btn-verify = 🔍 Перевіряю
officers-btn-confirm = ✅ Підтверджено
officers-btn-notconf = ❌ Не підтверджено
officers-btn-elim = 🏁 Усунено
officers-btn-fwd = ↪️ Передати установі
officers-btn-move = 🗺 Інша дільниця
officers-btn-note = ✉️ Нотатка для заявника
officers-btn-phone = 📞 Показати телефон
officers-btn-more = Більше дільниць ›
officers-district = { $name }

officers-forward-choose = Кому передати повідомлення { $reference }? Це остаточний статус — заявник отримає інформацію.
officers-reassign-choose = До якої дільниці передати повідомлення { $reference }? Тамтешній дільничний отримає сповіщення.

## Presses

officers-done = { $reference }: { $status }
officers-reassigned = { $reference } передано: { $name }
officers-refused-invalid = Ця кнопка застаріла або недійсна.
officers-refused-role = Це може зробити лише дільничний цієї дільниці або координатор підрозділу.
officers-refused-status = Статус тим часом змінився (зараз: { $status }). Сповіщення показує актуальні кнопки.
officers-phone-sent = Номер я надіслав вам в особисті повідомлення.
officers-phone-unavailable = Заявник не погодився показувати свій номер.
officers-phone-withdrawn = Номер заявника щодо { $reference } більше недоступний.
officers-write-first = Спочатку напишіть боту в особисті (/start), щоб я міг вам відповісти.
officers-note-private = Напишіть нотатку в особистій розмові зі мною.
officers-note-nobody = Це повідомлення не можна пов’язати з людиною, яка його надіслала.
officers-note-ask = Напишіть нотатку для заявника щодо <b>{ $reference }</b>. Її отримає лише заявник. /anuluj — скасувати.
officers-note-too-long = Нотатка може мати щонайбільше { $limit } символів. Скоротіть її, будь ласка, і надішліть ще раз.
officers-note-sent = ✉️ Нотатку щодо { $reference } надіслано заявнику.

## Residents are told

officers-resident-taken = 👮 Ваше повідомлення <b>{ $reference }</b> прийняв дільничний. Повідомимо, що він з’ясує.
officers-resident-verifying = 🔍 Дільничний перевіряє на місці ваше повідомлення <b>{ $reference }</b>.
officers-resident-confirmed = ✅ Повідомлення <b>{ $reference }</b> підтверджено. Поліція вживе заходів.
officers-resident-not_confirmed =
    Повідомлення <b>{ $reference }</b> не підтвердилося — під час перевірки загрози не виявлено.

    Якщо проблема не зникла, натисніть «Досі триває». Якщо зараз щось загрожує життю, здоров’ю чи майну, телефонуйте 112.
officers-resident-eliminated =
    🏁 Загрозу з повідомлення <b>{ $reference }</b> усунено. Дякуємо за повідомлення!

    Якщо проблема повернулася, натисніть «Досі триває». Якщо зараз щось загрожує життю, здоров’ю чи майну, телефонуйте 112.
officers-resident-forwarded = ↪️ Повідомлення <b>{ $reference }</b> передано { $body ->
        [city_guard] Міській варті (Straż Miejska, тел. 986)
        [road_manager] розпоряднику дороги
       *[other] відповідній установі
    }, яка займеться ним далі.
officers-resident-reassigned = 🗺 Повідомлення <b>{ $reference }</b> передано дільничному відповідної дільниці.
officers-resident-reopened = 🔁 Повідомлення <b>{ $reference }</b> відновлено — хтось повідомив, що проблема не зникла.
officers-resident-note =
    ✉️ <b>Повідомлення від дільничного</b> щодо { $reference }:

    { $note }
officers-btn-reopen = 🔁 Досі триває

officers-resident-state-new = нове
officers-resident-state-taken = прийняте дільничним
officers-resident-state-verifying = на перевірці
officers-resident-state-confirmed = підтверджене
officers-resident-state-not_confirmed = не підтверджене
officers-resident-state-eliminated = усунене
officers-resident-state-forwarded = передане іншій установі
officers-resident-state-reopened = відновлене

officers-reopen-done = 🔁 Дякуємо. Повідомлення <b>{ $reference }</b> повернулося до дільничного. Якщо зараз щось загрожує життю, здоров’ю чи майну, телефонуйте 112.
officers-reopen-not-now = Повідомлення <b>{ $reference }</b> не потрібно відновлювати — його статус: { $status }.
officers-reopen-invalid = Ця кнопка застаріла. Свої повідомлення можна переглянути в меню «Мої повідомлення».

## /zgloszenia, /zgloszenie

officers-only = Ця команда доступна лише дільничним і координаторам, які пов’язали акаунт через запрошення.
officers-details-usage = Вкажіть номер повідомлення, напр. <code>/zgloszenie KN-2026-000123</code>.
officers-report-unknown = Не знайшов повідомлення { $reference }.
officers-report-not-yours = Повідомлення { $reference } не належить до вашої дільниці чи підрозділу.
officers-list-empty = 🎉 На вашій дільниці немає відкритих повідомлень.
officers-list = <b>Відкриті повідомлення: { $total }</b> (сторінка { $page } з { $pages }, найстаріші спочатку)
officers-list-line = • <b>{ $reference }</b> — { $category } — { $status } — { $days ->
        [0] сьогодні
        [one] { $days } день
        [few] { $days } дні
       *[other] { $days } днів
    } — { $place }
officers-list-open = { $reference }
officers-list-prev = ‹ Попередні
officers-list-next = Наступні ›
officers-history = <b>Історія повідомлення { $reference }</b>
officers-history-more = … (попередні записи: { $count })
officers-history-line = • { $at } — { $action ->
        [status] { $status }
        [reassigned] передано до іншої дільниці
        [reopened] відновлено
        [note] нотатка для заявника: «{ $note }»
        [phone_revealed] показано телефон заявника
        [report_created] повідомлення надіслано
       *[other] { $action }
    } ({ $who })
officers-history-reporter = заявник

## Command menu

command-officer-list = Відкриті повідомлення моєї дільниці
command-officer-details = Подробиці та історія повідомлення (номер)
