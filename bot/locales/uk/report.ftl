# Повідомити про загрозу (/report) і Мої звернення (/my).
# Telegram HTML only: <b>, <i>, <u>, <s>, <code>, <a href>.
# Fragments (keys used inside other texts: report-day-*, report-time-*, report-status-*,
# report-group-*, report-when-text-*, report-summary-*, report-duplicate-line/
# -same-street, mine-report-button, mine-event-*) and button labels must be plain text: no tags.

## Shared pieces

report-label = { $text }
report-back = ⬅️ Назад
report-skip = Пропустити
report-keep = Залишити без змін
report-start-over = 🗑 Видалити його й почати заново
report-continuing = У вас є незавершене звернення (<b>{ $what }</b>) — продовжуємо з того місця, де ви зупинилися. Можна також видалити його й почати заново.
report-not-open = Ця форма звернення вже закрита. Нове звернення можна почати командою /report.
report-edited = Бачу, що ви відредагували попереднє повідомлення. Редагування не змінює збережених відповідей — наприкінці, у підсумку, кожне поле можна змінити кнопкою «Змінити».
report-too-long = У цьому повідомленні { $length } символів, а ліміт — { $max }. Скоротіть його, будь ласка, і надішліть ще раз — нічого з уже введеного не втрачено.

## Hints after a message of the wrong kind

report-hint-buttons = Будь ласка, виберіть один із варіантів під запитанням.
report-description-kept = 📝 Я зберіг це як опис звернення (його можна змінити перед надсиланням). Тепер, будь ласка, виберіть відповідь під запитанням.
report-hint-text = Тут потрібне звичайне текстове повідомлення.
report-hint-where = Надішліть геолокацію (кнопка нижче або 📎 → Геопозиція, щоб вибрати будь-яке місце на карті) або введіть адресу, наприклад <i>Kolejowa 12</i>.
report-hint-date = Введіть дату, наприклад <i>25.11</i>, або виберіть кнопку.
report-hint-photos = Надішліть фото (як фото або як файл-зображення) або натисніть кнопку нижче, щоб продовжити.
report-hint-phone = Поділитися номером можна кнопкою «Поділитися моїм номером» нижче — так ми знаємо, що це ваш номер. Або виберіть «Без телефону».

## 1. Emergency first

report-danger-question =
    <b>Повідомити про загрозу</b>

    Спершу найважливіше: <b>чи хтось зараз у небезпеці</b> або відбувається щось, що загрожує життю, здоров’ю чи майну?

    Якщо так — одразу телефонуйте на <b>112</b>. Цей бот не викликає допомогу.
report-danger-yes = 🚨 Так, зараз
report-danger-no = Ні, це не надзвичайна ситуація
report-emergency =
    🚨 <b>Телефонуйте зараз на 112</b> (єдиний номер екстреної допомоги) або <b>997</b> (поліція).

    Цей бот не призначений для виклику допомоги — звернення ми читаємо протягом кількох днів. Коли буде безпечно, ви зможете описати проблему тут: /report

## 2. What

report-category-question = <b>Чого стосується звернення?</b> Виберіть групу:
report-category-pick = <b>{ $group }</b> — виберіть вид загрози:
report-category-other = ✏️ Інше
report-category-other-question = Коротко опишіть, чого стосується загроза (до { $max } символів). Подробиці додасте за хвилину.
report-group-road = 🚗 Дороги й рух
report-group-order = 🚨 Громадський порядок
report-group-environment = 🌳 Природа й тварини
report-group-water_rail = 🌊 Вода й залізниця
report-group-people = 🤝 Люди, які потребують допомоги
report-group-other = ✏️ Інше

## 3. Where

report-where-question =
    <b>Де?</b>

    • натисніть «📍 Надіслати мою геолокацію», якщо ви на місці,
    • або 📎 → Геопозиція і виберіть будь-яку точку на карті,
    • або введіть адресу, наприклад <i>Kolejowa 12</i>.
report-where-share = 📍 Надіслати мою геолокацію
report-where-type = ✍️ Введу адресу
report-where-type-hint = Введіть вулицю й номер будинку, наприклад <i>Kolejowa 12</i> або <i>al. 1 Maja 5</i>.
report-where-found = 📍 { $place } — дільниця: { $district }
report-where-not-found = Не знайшов цієї адреси в переліку вулиць Коніна. Перевірте написання, додайте номер будинку або надішліть геолокацію.
report-where-too-long = Це задовго як для адреси. Введіть лише вулицю й номер будинку, наприклад <i>Kolejowa 12</i>, або надішліть геолокацію.
report-where-outside =
    Це місце поза територією, яку в цьому боті обслуговує Міська комендатура поліції в Коніні.

    Про загрозу в іншому місці можна повідомити на <a href="https://mapy.geoportal.gov.pl/iMapLite/KMZBPublic.html">Національній карті загроз безпеці (KMZB)</a>, а свого дільничного знайти в поліцейському застосунку «Moja Komenda». У надзвичайній ситуації телефонуйте на 112.

    Якщо ви мали на увазі місце в Коніні, вкажіть його ще раз.
report-where-street-only = Ця вулиця належить до кількох дільниць. Введіть її з номером будинку, наприклад <i>Kolejowa 12</i>, або виберіть відрізок:
report-where-pick = Яку адресу ви маєте на увазі?
report-place-kept = Місце без змін.

## Similar reports nearby ("I see it too")

report-duplicates =
    <b>Поблизу вже є схожі відкриті звернення:</b>

    { $reports }

    Якщо йдеться про ту саму проблему, натисніть «Я теж це бачу» — дільничний побачить, що про це повідомляє більше людей, а ви отримуватимете інформацію про зміни. Нове звернення не знадобиться.
report-duplicate-line = { $number }. { $category } — { $where }, { $days ->
        [0] сьогодні
        [1] вчора
        [one] { $days } день тому
        [few] { $days } дні тому
       *[other] { $days } днів тому
    }, статус: { $status }
report-duplicate-same-street = та сама вулиця
report-duplicate-same = 👀 Я теж це бачу (№ { $number })
report-duplicate-new = Це інше — повідомляю далі
report-duplicate-closed = Це звернення щойно закрили. Ось актуальний список:
report-confirmed = 👀 Дякуємо! Ми додали ваше підтвердження до звернення <code>{ $reference }</code>. Ми повідомимо вас, коли зміниться його статус.
report-confirmed-already = Ви вже підтвердили звернення <code>{ $reference }</code> — ви стежите за ним і отримаєте інформацію про зміни.

## 4. When

report-when-question = <b>Коли це відбувається?</b> (необов’язково)
report-when-now = Зараз
report-when-today = Раніше сьогодні
report-when-other-day = Іншого дня
report-when-recurring = Повторюється
report-when-skip = Не знаю / пропустити
report-when-date-question = Якого дня? Введіть дату, наприклад <i>25.11</i>, або виберіть:
report-when-yesterday = Учора
report-when-2-days = Позавчора
report-date-format = Не розумію цієї дати. Введіть день і місяць, наприклад <i>25.11</i> або <i>25.11.2026</i>.
report-date-future = Ця дата ({ $day }) в майбутньому. Вкажіть день, коли це сталося; наприклад, учора — це <i>{ $example }</i>.
report-date-taken = 📅 Приймаю дату: <b>{ $day }</b>.
report-date-too-old = Це було понад рік тому — такі події ця форма не приймає. Вкажіть дату за останній рік.
report-when-days-question = У які дні тижня? Позначте дні й натисніть «Готово» або виберіть варіант.
report-day-on = ✅ { $day }
report-day-off = { $day }
report-days-all = Щодня
report-days-weekdays = Пн–Пт
report-days-weekend = Вихідні
report-days-done = Готово
report-days-none = Позначте принаймні один день.
report-when-time-question = У яку пору доби?
report-time-morning = вранці (6–12)
report-time-afternoon = удень (12–18)
report-time-evening = увечері (18–22)
report-time-night = уночі (22–6)
report-time-unknown = пора невідома
report-time-dont-know = Не знаю
report-day-0 = Пн
report-day-1 = Вт
report-day-2 = Ср
report-day-3 = Чт
report-day-4 = Пт
report-day-5 = Сб
report-day-6 = Нд
report-when-text-now = зараз
report-when-text-today = сьогодні, { $time }
report-when-text-day = { $day }, { $time }
report-when-text-recurring = повторюється: { $days }; { $time }
report-when-days-all = щодня
report-when-days-weekdays = Пн–Пт
report-when-days-weekend = у вихідні
report-when-text-unknown = не вказано

## 5. Description

report-description-question = <b>Опишіть, що відбувається</b> (необов’язково, до { $max } символів): що ви бачите, як часто, чи є прикмети (наприклад, колір авто). Не вказуйте персональних даних інших людей.

## 6. Photos

report-photos-question = <b>Фото</b> (необов’язково): можна надіслати до { $max } фото, кожне до { $megabytes } МБ. Перед збереженням ми видаляємо з них метадані, зокрема GPS-координати й дані камери. Додано: { $count } з { $max }.
report-photo-added = 🖼 Фото збережено ({ $count } з { $max }). Надішліть ще або натисніть «Готово».
report-photos-done = ✅ Готово
report-photos-none = Без фото — далі
report-photos-clear = 🗑 Видалити додані фото
report-photos-limit = Можна додати щонайбільше { $max } фото — наступні не збережено.
report-photo-too-big = Це фото більше за { $megabytes } МБ, тому його не збережено. Надішліть менше.
report-photos-refused = Не вдалося прочитати фото № { $positions } (це не зображення або файл завеликий), тому ми його видалили. Можна надіслати інше або продовжити.

## 7. Anonymous or not

report-anonymous-question =
    <b>Хто побачить ваші дані?</b>

    🕶 <b>Анонімно</b> — дільничний і координатори бачать лише зміст звернення, місце й фото. Вони не бачать, хто його надіслав. Бот пам’ятає, що звернення ваше, лише для того, щоб повідомляти вас про зміни статусу й показувати його в «Моїх зверненнях».

    🙋 <b>З моїми даними</b> — дільничний побачить, що звернення від вас. Якщо ви поділитеся номером телефону, він зможе передзвонити, щоб уточнити подробиці; номер він побачить лише після натискання «показати телефон», і кожен такий перегляд записується.
report-anonymous-yes = 🕶 Анонімно
report-anonymous-no = 🙋 З моїми даними
report-phone-question = Чи може дільничний вам передзвонити? Натисніть «Поділитися моїм номером» — номер побачать лише поліцейські, які займаються зверненням. Поділившись ним, ви погоджуєтеся на контакт у цій справі. Можна також продовжити без телефону.
report-phone-share = 📞 Поділитися моїм номером
report-phone-skip = Без телефону
report-phone-saved = 📞 Дякую, номер збережено.
report-phone-skipped = Гаразд, без телефону.
report-phone-not-own = Це не ваш номер. Ми можемо зберегти лише ваш власний — натисніть «Поділитися моїм номером» або виберіть «Без телефону».

## 8. Summary

report-summary =
    <b>Перевірте звернення</b>

    <b>Що:</b> { $category }
    <b>Де:</b> { $place }
    <b>Дільниця:</b> { $district }
    <b>Коли:</b> { $when }
    <b>Опис:</b> { $description }
    <b>Фото:</b> { $photos }
    <b>Відправник:</b> { $who }
report-summary-none = немає
report-summary-anonymous = анонімно
report-summary-named = з вашими даними, без телефону
report-summary-named-phone = з вашими даними, телефон { $phone }
report-send = ✅ Надіслати
report-change = ✏️ Змінити поле
report-cancel = ✖️ Скасувати
report-cancelled = Звернення скасовано, нічого не надіслано. У надзвичайній ситуації телефонуйте на 112.
report-edit-question = Що ви хочете змінити?
report-edit-category = Що (категорія)
report-edit-where = Де
report-edit-when = Коли
report-edit-description = Опис
report-edit-photos = Фото
report-edit-anonymous = Анонімність і телефон

## Sent

report-sent =
    ✅ <b>Звернення надіслано.</b> Номер: <code>{ $reference }</code>

    Що далі: { $by ->
        [district] дільничний вашої дільниці
       *[police] поліція
    } зазвичай прочитає його протягом { $read_days ->
        [one] { $read_days } дня
       *[other] { $read_days } днів
    }, а перевірить на місці приблизно за { $verify_days ->
        [one] { $verify_days } день
        [few] { $verify_days } дні
       *[other] { $verify_days } днів
    }. Про кожну зміну статусу я напишу тут; усі свої звернення ви побачите в «Моїх зверненнях» (/my).

    Якщо ситуація стане небезпечною, телефонуйте на 112.
report-my-reports = 📋 Мої звернення
report-limit-reached = За останні 24 години ви вже надіслали максимальну кількість звернень. Наступне можна надіслати після { $until }. У надзвичайній ситуації телефонуйте на 112.
report-limit-reached-draft = За останні 24 години ви вже надіслали максимальну кількість звернень. Це звернення збережено як чернетку (на { $days } дн.) — ви зможете надіслати його після { $until }. У надзвичайній ситуації телефонуйте на 112.

## Statuses

report-status-new = нове
report-status-taken = прийняте
report-status-verifying = на перевірці
report-status-confirmed = підтверджене
report-status-not_confirmed = непідтверджене
report-status-eliminated = усунене
report-status-forwarded = передане іншій установі
report-status-reopened = знову відкрите

## My reports

mine-list = <b>Ваші звернення</b> ({ $count }). Виберіть, щоб побачити історію:
mine-empty = У вас ще немає звернень.
mine-start-report = ⚠️ Повідомити про загрозу
mine-report-button = { $reference } · { $date } · { $status }
mine-newer = ⬅️ Новіші
mine-older = Старіші ➡️
mine-back = ⬅️ Мої звернення
mine-report =
    <b>Звернення <code>{ $reference }</code></b>

    <b>Що:</b> { $category }
    <b>Де:</b> { $place }
    <b>Надіслано:</b> { $created }
    <b>Статус:</b> { $status }
    <b>Підтвердження інших мешканців:</b> { $confirmations }

    <b>Історія:</b>
    { $history }
mine-event-created = { $at } — надіслано
mine-event-status = { $at } — { $status }
