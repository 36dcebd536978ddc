# Дільничні в житті громади: новини дільниці (підписка), оголошення, зустрічі.
# Telegram HTML: <b>, <i>, <code>, <a href>. Підписи кнопок — звичайний текст.

command-notifications = Новини моєї дільниці
community-subscribe-button = 🔔 Новини цієї дільниці
community-unsubscribe-button = 🔕 Відписатися від новин дільниці
community-unsubscribe-from = 🔕 Відписатися: { $district }
community-subscribed =
    🔔 Готово: ви отримуватимете тут новини від дільничних дільниці <b>{ $district }</b> — оголошення, попередження (наприклад, про хвилю шахрайських дзвінків) і запрошення на зустрічі.
    Відписатися можна будь-коли: кнопкою під кожною такою новиною або в /notifications. Ми зберігаємо лише те, що ви підписані на цю дільницю, — доки ви не відпишетеся або не скористаєтеся /delete_my_data.
community-already-subscribed = 🔔 Ви вже отримуєте новини дільниці <b>{ $district }</b>.
community-unsubscribed = 🔕 Ви більше не отримуватимете новин дільниці <b>{ $district }</b>. Підписатися знову можна з картки дільничного (/officer).
community-district-gone = Цієї дільниці вже немає в довіднику. Знайдіть свого дільничного: /officer.
community-no-subscriptions = Ви не отримуєте новин жодної дільниці. Знайдіть свого дільничного (/officer) і натисніть на його картці «🔔 Новини цієї дільниці»: ви отримуватимете оголошення, попередження і запрошення на зустрічі з мешканцями.
community-subscriptions = 🔔 Ви отримуєте новини від дільничних: <b>{ $districts }</b>. Кнопка нижче відписує від дільниці.
community-button-gone = Ця кнопка вже неактуальна — я нічого не змінив.
community-privacy-notice = <b>Новини дільниці:</b> якщо ви підписані, ми зберігаємо, яка це дільниця (і на які зустрічі ви збираєтеся), — доки ви не відпишетеся (/notifications) або не скористаєтеся /delete_my_data.
privacy-data-subscriptions = Новини дільниць (підписки): { $count }
privacy-data-meetings = Зустрічі, на які ви збираєтеся: { $count }

## Оголошення та зустрічі (/ogloszenie, /ogloszenia)

command-announce = Оголошення або зустріч для мешканців
command-announcements = Мої оголошення і хто прийде
community-officers-only = Ця команда — для дільничних і координаторів із прив’язаним обліковим записом.
community-announce-no-district = За вами не закріплено дільниці, тож оголошення нема кому надіслати. Координатор може писати всьому підрозділу.
community-announce-kind = 📢 Що ви хочете передати мешканцям, підписаним на новини дільниці?
community-kind-news = 📰 Новина
community-kind-warning = ⚠️ Попередження
community-kind-meeting = 📅 Зустріч
community-announce-meeting-kind = Яка це зустріч?
community-meeting-kind = { $meeting ->
        [council] 🏛 Сесія ради
        [office_hours] 🕒 Прийом дільничного
       *[debate] 🗣 Громадські дебати
    }
community-announce-audience = Кому?
community-audience-option = { $whole ->
        [all] 🌐 Усі підрозділи (повіт)
        [s] 🏢 Увесь підрозділ: { $name }
       *[d] 📍 { $name }
    }
community-announce-text = Напишіть текст польською (до { $max } символів). Так його побачать мешканці.
community-announce-translation = { $lang ->
        [uk] Переклад українською? Введіть його або пропустіть — тоді україномовні мешканці отримають польський текст.
       *[en] Переклад англійською? Введіть його або пропустіть — тоді англомовні мешканці отримають польський текст.
    }
community-announce-skip = ⏭ Пропустити
community-announce-when = Коли? Введіть дату й час, наприклад <code>{ $example }</code>.
community-announce-bad-when = Не розпізнаю цю дату, або вона вже минула. Введіть дату й час зустрічі протягом найближчого року, наприклад <code>{ $example }</code>.
community-announce-place = Де? Введіть місце, наприклад «Будинок культури Oskard, вул. Energetyka 3, зала 12».
community-announce-pin = Додайте мітку на мапі: надішліть геолокацію (📎 → Геопозиція) або пропустіть.
community-announce-use-buttons = Будь ласка, дайте відповідь на запитання вище (текстом або кнопкою).
community-announce-too-long = Задовго: { $length } символів, максимум { $max }. Скоротіть, будь ласка, і надішліть ще раз.
community-announce-preview = 👀 Попередній перегляд — так це побачать мешканці:
community-announce-confirm = Надіслати { $count ->
        [one] { $count } особі
       *[other] { $count } особам
    }, підписаним на ці новини? Переклади: { $translations }. Новини надсилаються поступово, у темпі, який дозволяє Telegram.
community-translation-name = { $lang ->
        [uk] українська
       *[en] англійська
    }
community-translations-none = немає
community-announce-send = ✅ Надіслати
community-announce-cancel = ✖️ Скасувати
community-announce-cancelled = Скасовано — нічого не надіслано.
community-announce-sent = ✅ Оголошення № { $number } поставлено в чергу: { $count ->
        [one] { $count } особа
        [few] { $count } особи
       *[other] { $count } осіб
    }. Скільки людей його отримали і хто прийде: /ogloszenia.
community-news = 📰 <b>Новина від дільничного</b> — { $whole ->
        [all] усі підрозділи
       *[other] { $area }
    }

    { $text }
community-warning = ⚠️ <b>Попередження від поліції</b> — { $whole ->
        [all] усі підрозділи
       *[other] { $area }
    }

    { $text }
community-meeting = 📅 <b>{ $meeting ->
        [council] Сесія ради за участю дільничного
        [office_hours] Прийом дільничного
       *[debate] Громадські дебати
    }</b> — { $whole ->
        [all] усі підрозділи
       *[other] { $area }
    }

    { $text }

    🗓 <b>Коли:</b> { $when }
    📍 <b>Де:</b> { $place }
community-meeting-map = 🗺 <a href="{ $url }">Місце на мапі</a>
community-signature = — { $author }
community-attend-button = ✋ Прийду
community-withdraw-button = Все ж не прийду
community-attending = ✋ Записано: зустріч { $when }, { $place }. За день до неї я нагадаю.
community-not-attending = Добре, ми не рахуємо вас на зустрічі { $when }.
community-meeting-over = Ця зустріч уже відбулася ({ $when }).
community-reminder = ⏰ <b>Нагадування: завтра { $meeting ->
        [council] сесія ради
        [office_hours] прийом дільничного
       *[debate] громадські дебати
    }</b> — { $area }
    🗓 { $when }
    📍 { $place }

    { $text }
community-reminder-officer = ⏰ Завтра { $when }: { $meeting ->
        [council] сесія ради
        [office_hours] прийом
       *[debate] дебати
    }, { $place }. Записалися: { $count }.
community-list-empty = Оголошень ще немає. Нове: /ogloszenie.
community-list = 📢 <b>Останні оголошення</b>
    { $lines }
community-list-line = • № { $number } · { $when } · { $kind ->
        [meeting] зустріч
        [warning] попередження
       *[news] новина
    } · { $whole ->
        [all] усі підрозділи
       *[other] { $area }
    } · надіслано: { $recipients }{ $kind ->
        [meeting] {" "}· прийде: { $coming }
       *[other] {""}
    }{ $cancelled ->
        [yes] {" "}· скасовано
       *[no] {""}
    }

## Зміна і скасування зустрічі (/spotkania)

command-meetings = Мої найближчі зустрічі: хто прийде, зміна, скасування
community-meeting-card = 📅 <b>Зустріч № { $number }</b>: { $meeting ->
        [council] сесія ради
        [office_hours] прийом дільничного
       *[debate] громадські дебати
    } — { $whole ->
        [all] усі підрозділи
       *[other] { $area }
    }
    🗓 { $when } · 📍 { $place }
    { $state ->
        [cancelled] ❌ <b>Скасовано.</b> Мешканці отримують сповіщення про скасування.
        [over] Відбулася. Записалися: { $coming }.
       *[open] 📨 Поставлено в чергу: { $recipients ->
            [one] { $recipients } особа
            [few] { $recipients } особи
           *[other] { $recipients } осіб
        } · ✋ прийде: <b>{ $coming }</b>
    }
community-meeting-change-button = ✏️ Змінити час або місце
community-meeting-cancel-button = ❌ Скасувати зустріч
community-meetings = 📅 Найближчі зустрічі ({ $count }). Під кожною: зміна часу чи місця і скасування; кількість «прийду» оновлюється сама.
community-meetings-none = Найближчих зустрічей немає. Нова: /ogloszenie → 📅 Зустріч.
community-meeting-cancel-confirm = Скасувати зустріч № { $number } ({ $when }, { $place })? Усі, хто отримав запрошення, і ті, хто записався, отримають сповіщення про скасування — поступово, як і саме запрошення. Нагадування не буде.
community-meeting-cancel-yes = ❌ Так, скасувати
community-meeting-cancel-no = ↩️ Ні, залишити
community-meeting-kept = Добре — зустріч залишається без змін.
community-meeting-cancel-done = ❌ Зустріч № { $number } скасовано. Сповіщення про скасування в черзі: { $count ->
        [one] { $count } особа
        [few] { $count } особи
       *[other] { $count } осіб
    }.
community-meeting-already-cancelled = Зустріч № { $number } ({ $when }) уже скасовано.
community-meeting-keep = ⏭ Без змін
community-meeting-change-when = ✏️ Зміна зустрічі № { $number }. Час зараз: <b>{ $when }</b>. Введіть новий час (наприклад <code>{ $example }</code>) або залиште без змін.
community-meeting-bad-when = Не розпізнаю цю дату, або вона вже минула. Введіть новий час протягом найближчого року, наприклад <code>{ $when }</code>, або натисніть «⏭ Без змін».
community-meeting-change-place = Місце зараз: <b>{ $place }</b>. Введіть нове місце або залиште без змін.
community-meeting-change-confirm = Зустріч № { $number } після зміни:
    🗓 { $when }{ $moved ->
        [yes] {" "}(новий час)
       *[no] {""}
    }
    📍 { $place }{ $replaced ->
        [yes] {" "}(нове місце)
       *[no] {""}
    }
    Зберегти і повідомити тих, хто отримав запрошення (і тих, хто записався)? Записані залишаються записаними.
community-meeting-change-save = ✅ Зберегти і повідомити
community-meeting-unchanged = Нічого не змінюється — зустріч залишається як була.
community-meeting-change-done = ✅ Зустріч № { $number } змінено. Сповіщення про зміну в черзі: { $count ->
        [one] { $count } особа
        [few] { $count } особи
       *[other] { $count } осіб
    }.
community-meeting-cancelled = ❌ <b>Скасовано: { $meeting ->
        [council] сесія ради за участю дільничного
        [office_hours] прийом дільничного
       *[debate] громадські дебати
    }</b> — { $whole ->
        [all] усі підрозділи
       *[other] { $area }
    }
    🗓 { $when }
    📍 { $place }
    Зустріч не відбудеться. Перепрошуємо.
community-meeting-changed = 📅 <b>Зміна: { $meeting ->
        [council] сесія ради за участю дільничного
        [office_hours] прийом дільничного
       *[debate] громадські дебати
    }</b> — { $whole ->
        [all] усі підрозділи
       *[other] { $area }
    }
    🗓 <b>Коли:</b> { $when }{ $moved ->
        [no] {""}
       *[yes] {" "}(замість { $was_when })
    }
    📍 <b>Де:</b> { $place }{ $replaced ->
        [no] {""}
       *[yes] {" "}(замість: { $was_place })
    }
    { $coming ->
        [yes] ✋ Ваш запис чинний.{ $remind ->
            [yes] {" "}Я нагадаю за день.
           *[no] {""}
        }
       *[no] Прийдете? Натисніть «✋ Прийду».
    }
community-meeting-changed-by = { $change ->
        [cancelled] ❌ Вашу зустріч № { $number } ({ $when }, { $place }) скасовано. Хто скасував: { $actor }. Мешканці отримують сповіщення про скасування.
       *[changed] ✏️ Вашу зустріч № { $number } змінено. Хто змінив: { $actor }. Тепер: { $when }, { $place }. Мешканці отримують сповіщення про зміну.
    }
community-meeting-cancelled-attend = Цю зустріч ({ $when }) скасовано — вона не відбудеться.

community-office-hours = 🕒 <b>Найближчі години прийому:</b>
    { $slots }
community-office-hours-slot = • { $weekday ->
        [0] пн
        [1] вт
        [2] ср
        [3] чт
        [4] пт
        [5] сб
       *[6] нд
    } { $date }, { $start }–{ $end }
community-office-hours-slot-place = • { $weekday ->
        [0] пн
        [1] вт
        [2] ср
        [3] чт
        [4] пт
        [5] сб
       *[6] нд
    } { $date }, { $start }–{ $end }, { $place }

## Статистика для дебатів (/statystyki, python -m bot reports stats)

command-stats = Статистика звернень підрозділу (графіки)
community-stats-coordinators-only = Статистика — для координаторів із прив’язаним обліковим записом.
community-stats-bad-days = Вкажіть кількість днів від 1 до { $max }, наприклад <code>/statystyki 30</code>.
community-stats-coming = 📊 Готую графіки звернень вашого підрозділу за останні { $days } днів: за категоріями, дільницями і гмінами. Надійдуть за мить.
community-stats-all-units = усі підрозділи
community-stats-outside = поза дільницями
community-stats-unknown-gmina = { $station }: гміна невідома
community-stats-title = Звернення { $since }–{ $until } · { $unit } · { $by ->
        [district] за дільницями
        [gmina] за гмінами
       *[category] за категоріями
    } ({ $total })
community-stats-per-month = Звернення за місяцями
community-stats-per-group = Звернення і підтверджені (частка підтверджених) — { $by ->
        [district] дільниці
        [gmina] гміни
       *[category] категорії
    }
community-stats-reports = звернення
community-stats-confirmed = підтверджені
community-stats-medians = Медіана часу від надсилання: до прийняття і до закриття
community-stats-take = до прийняття
community-stats-close = до закриття
community-stats-hours = години
community-stats-empty = У цей період звернень немає
