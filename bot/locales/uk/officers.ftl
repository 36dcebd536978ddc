# Дільничні та координатори: запрошення, сповіщення про звернення, статуси, /zgloszenia.
# Telegram HTML only: <b>, <i>, <u>, <s>, <code>, <a href>.
# Button labels, popups and fragments are plain text: no tags (see pl/officers.ftl).

## Invites and linking

officers-invite-invalid = Це посилання-запрошення недійсне, вже використане або прострочене. Попросіть адміністратора про нове.
officers-invite-locked = Забагато невдалих спроб використати запрошення з цього акаунта. Зверніться до адміністратора бота.
officers-invite-other-officer = Цей акаунт уже пов’язаний з іншим поліцейським. Якщо це помилка, попросіть адміністратора від’єднати його (officers revoke).
officers-linked =
    ✅ <b>Акаунт пов’язано.</b> { $officer }, { $role ->
        [coordinator] тепер ви координатор у цьому боті.
        [duty] тепер ви черговий у цьому боті.
       *[officer] тепер ви дільничний у цьому боті.
    }

    { $districts ->
        [none] Підрозділ: { $station }
       *[other] Дільниці: { $districts }
    }

    { $role ->
        [officer] Нові звернення з вашої дільниці надходитимуть сюди як сповіщення з кнопками.
       *[other] Сюди надходитимуть ескалації та звернення, які не може отримати дільничний{ $role ->
            [coordinator] , а щоранку — підсумок дня.
           *[other] .
        }
    } Відкриті звернення: /zgloszenia, подробиці одного: /zgloszenie KN-2026-000123. Команди: /help.
officers-linked-announce =
    🔐 <b>Нове прив’язування акаунта</b>
    { $officer } ({ $code }, { $role ->
        [coordinator] координатор
        [duty] черговий
       *[officer] дільничний
    }, { $station }) — акаунт Telegram <code>{ $account }</code>.{ $replaced ->
        [yes] {" "}Попередній акаунт цього поліцейського від’єднано.
       *[no] {""}
    }
    Якщо ніхто цього не доручав, від’єднайте акаунт: <code>python -m bot officers revoke { $code }</code>
officers-group-link-private = Це посилання призначене для додавання бота до чергової групи. Відкрийте його та виберіть групу, а не пишіть тут.
officers-group-registered = ✅ Ця група тепер чергова: { $station }. Сюди надходитимуть сповіщення про звернення, які не може отримати дільничний.
officers-group-announce =
    🔐 <b>Нова чергова група</b>
    Групу «{ $group }» зареєстровано для підрозділу: { $station }. Реєстрація: { $officer }.

## The alert

officers-alert =
    🚨 <b>Звернення { $reference }</b>
    <b>Категорія:</b> { $category }
    <b>Коли:</b> { $when }
    <b>Місце:</b> { $place } (дільниця: { $district })
    <b>«Я теж це бачу»:</b> { $confirmations }
officers-alert-description = <b>Опис:</b> { $description }
officers-alert-anonymous = <i>Анонімне звернення — дані заявника не показуються.</i>
officers-alert-named = <i>Неанонімне звернення — заявник вказав свої дані.</i>
officers-alert-reporter = <b>Заявник:</b> { $name }
officers-alert-reassigned = <i>Передано з дільниці: { $from }</i>
officers-alert-sent-at = (надіслано { $at })
officers-alert-status = <b>Статус:</b> { $status }
officers-alert-status-by = <b>Статус:</b> { $status } — { $officer }, { $at }
officers-alert-photos = Фото до звернення { $reference }

officers-reason-no_district = ⚠️ <b>Надіслано черговим:</b> місце поза відомими дільницями.
officers-reason-no_officer = ⚠️ <b>Надіслано черговим:</b> на дільниці немає активного дільничного.
officers-reason-not_linked = ⚠️ <b>Надіслано черговим:</b> дільничний ще не пов’язав акаунт із ботом.
officers-reason-unreachable = ⚠️ <b>Надіслано черговим:</b> дільничний заблокував бота і не отримає сповіщення.
officers-reason-reopened = 🔁 <b>Знову відкрито:</b> заявник пише, що проблема не зникла.

officers-status-new = Нове
officers-status-taken = Прийняте
officers-status-verifying = На перевірці
officers-status-confirmed = Підтверджене
officers-status-not_confirmed = Непідтверджене
officers-status-eliminated = Усунене
officers-status-forwarded = Передане
officers-status-reopened = Знову відкрите

officers-body-city_guard = Міська варта (Straż Miejska)
officers-body-road_manager = Розпорядник дороги
officers-body-other = Інша установа

officers-btn-take = ✋ Беру
officers-btn-verify = 🔍 Перевіряю
officers-btn-confirm = ✅ Підтверджено
officers-btn-notconf = ❌ Непідтверджене
officers-btn-elim = 🏁 Усунено
officers-btn-fwd = ↪️ Передати установі
officers-btn-move = 🗺 Інша дільниця
officers-btn-note = ✉️ Нотатка для заявника
officers-btn-phone = 📞 Показати телефон
officers-btn-more = Більше дільниць ›
officers-district = { $name }

officers-forward-choose = Кому передати звернення { $reference }? Це остаточний статус — заявник отримає інформацію.
officers-reassign-choose = До якої дільниці передати звернення { $reference }? Тамтешній дільничний отримає сповіщення.
officers-sure-notconf = Позначити звернення { $reference } як непідтверджене? Заявник одразу отримає цю інформацію.
officers-sure-elim = Позначити звернення { $reference } як усунене? Заявник одразу отримає цю інформацію.
officers-btn-sure-notconf = ❌ Так, непідтверджене
officers-btn-sure-elim = 🏁 Так, усунено

## Presses

officers-done = { $reference }: { $status }
officers-reassigned = { $reference } передано: { $name }
officers-refused-invalid = Ця кнопка застаріла або недійсна.
officers-refused-status = Статус тим часом змінився (зараз: { $status }). Кнопки під зверненням уже оновлено.
officers-phone-sent = Номер я надіслав вам в особисті повідомлення.
officers-phone-unavailable = Заявник не погодився показувати свій номер.
officers-phone-withdrawn = Номер заявника щодо { $reference } більше недоступний.
officers-write-first = Спочатку напишіть боту в особисті (/start), щоб я міг вам відповісти.
officers-note-private = Напишіть нотатку в особистій розмові зі мною.
officers-note-nobody = Це звернення не можна пов’язати з людиною, яка його надіслала.
officers-note-ask = Напишіть нотатку для заявника щодо <b>{ $reference }</b>. Її отримає лише заявник. /cancel — скасувати.
officers-note-too-long = Нотатка може мати щонайбільше { $limit } символів. Скоротіть її, будь ласка, і надішліть ще раз.
officers-note-sent = ✉️ Нотатку щодо { $reference } надіслано заявнику.

## Residents are told

officers-resident-taken = 👮 Ваше звернення <b>{ $reference }</b> { $by ->
        [district] прийняв дільничний
       *[police] прийняла поліція
    }. Ми повідомимо вас про результат.
officers-resident-verifying = 🔍 { $by ->
        [district] Дільничний перевіряє
       *[police] Поліція перевіряє
    } на місці ваше звернення <b>{ $reference }</b>.
officers-resident-confirmed = ✅ Звернення <b>{ $reference }</b> підтверджено. Поліція вживе заходів.
officers-resident-not_confirmed =
    Звернення <b>{ $reference }</b> не підтвердилося — під час перевірки загрози не виявлено.

    Якщо проблема не зникла, натисніть «Досі триває». Якщо зараз щось загрожує життю, здоров’ю чи майну, телефонуйте 112.
officers-resident-eliminated =
    🏁 Загрозу зі звернення <b>{ $reference }</b> усунено. Дякуємо за звернення!

    Якщо проблема повернулася, натисніть «Досі триває». Якщо зараз щось загрожує життю, здоров’ю чи майну, телефонуйте 112.
officers-resident-forwarded = ↪️ Звернення <b>{ $reference }</b> передано { $body ->
        [city_guard] Міській варті (Straż Miejska, тел. 986)
        [road_manager] розпоряднику дороги
       *[other] відповідній установі
    }, яка займеться ним далі.
officers-resident-reassigned = 🗺 Звернення <b>{ $reference }</b> передано дільничному відповідної дільниці.
officers-resident-reopened = 🔁 Звернення <b>{ $reference }</b> знову відкрито — хтось повідомив, що проблема не зникла.
officers-resident-note =
    ✉️ <b>Повідомлення { $by ->
        [district] від дільничного
       *[police] від поліції
    }</b> щодо { $reference }:

    { $note }
officers-btn-reopen = 🔁 Досі триває

officers-resident-state-new = нове
officers-resident-state-taken = прийняте
officers-resident-state-verifying = на перевірці
officers-resident-state-confirmed = підтверджене
officers-resident-state-not_confirmed = непідтверджене
officers-resident-state-eliminated = усунене
officers-resident-state-forwarded = передане іншій установі
officers-resident-state-reopened = знову відкрите

officers-reopen-done = 🔁 Дякуємо. Звернення <b>{ $reference }</b> повернулося до дільничного. Якщо зараз щось загрожує життю, здоров’ю чи майну, телефонуйте 112.
officers-reopen-not-now = Звернення <b>{ $reference }</b> не потрібно відкривати знову — його статус: { $status }.
officers-reopen-invalid = Ця кнопка застаріла. Свої звернення можна переглянути в меню «Мої звернення».

## /zgloszenia, /zgloszenie

officers-only = Ця команда доступна лише дільничним і координаторам, які пов’язали акаунт через запрошення.
officers-details-usage = Вкажіть номер звернення, напр. <code>/zgloszenie KN-2026-000123</code>.
officers-report-unknown = Не знайшов звернення { $reference }.
officers-list-empty = 🎉 На вашій дільниці немає відкритих звернень.
officers-list = <b>Відкриті звернення: { $total }</b> ({ $pages ->
        [1] {""}
       *[other] сторінка { $page } з { $pages },{" "}
    }найстаріші спочатку)
officers-list-line = • <b>{ $reference }</b> — { $category } — { $status } — { $days ->
        [0] сьогодні
        [one] { $days } день
        [few] { $days } дні
       *[other] { $days } днів
    } — { $place }
officers-list-open = { $reference }
officers-list-prev = ‹ Попередні
officers-list-next = Наступні ›
officers-history = <b>Історія звернення { $reference }</b>
officers-history-more = … (попередні записи: { $count })
officers-history-line = • { $at } — { $action ->
        [status] { $status }
        [reassigned] передано до іншої дільниці
        [reopened] знову відкрито
        [note] нотатка для заявника: «{ $note }»
        [phone_revealed] показано телефон заявника
        [report_created] звернення надіслано
       *[other] { $action }
    } ({ $who })
officers-history-reporter = заявник

## Command menu

command-officer-list = Відкриті звернення моїх дільниць або підрозділу
command-officer-details = Подробиці та історія звернення (номер)
