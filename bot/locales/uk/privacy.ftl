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

## Ваші права: копія даних (/my_data) і видалення (/delete_my_data)

command-my-data = Копія всіх моїх даних (файл)
command-delete-my-data = Видалити мої дані
privacy-notice-more =
    <b>Найпізніше:</b> кожне звернення анонімізується через { $max_days } днів після надсилання, навіть якщо його ніхто не закрив; обліковий запис без звернень видаляємо через { $user_days } днів після вашого останнього повідомлення.
    <b>Ваші права тут, у чаті:</b> /my_data — копія всього, що бот про вас зберігає (файл JSON і версія для читання); /delete_my_data — видалення ваших даних (звернення залишаються в поліції, але вже без зв’язку з вами).
privacy-data-coming = 📄 Готую копію ваших даних — за мить ви отримаєте два файли: JSON (для комп’ютера) і текст (для читання). Видачу копії записуємо в журнал подій.
privacy-data-filename = moi-dani
privacy-data-caption-json = Копія ваших даних (JSON), станом на { $at }.
privacy-data-caption-text = Копія ваших даних для читання, станом на { $at }. Фото звернень — у файлі JSON.
privacy-data-title = Дані, які бот «Разом для безпеки» зберігає про вас, — станом на { $at }
privacy-data-controller = Адміністратор даних: { $controller }. Інспектор із захисту даних: { $dpo }.
privacy-data-account = Обліковий запис
privacy-data-telegram-id = Ідентифікатор у Telegram
privacy-data-language = Мова
privacy-data-role = Роль
privacy-data-blocked = Заблоковано координатором
privacy-data-first-contact = Перше повідомлення
privacy-data-last-contact = Останнє повідомлення
privacy-data-conversation = Незавершена розмова (чернетка)
privacy-data-none = немає
privacy-data-reports = Ваші звернення: { $count }
privacy-data-place = Місце
privacy-data-description = Опис
privacy-data-anonymous = Анонімне
privacy-data-photos = Фото
privacy-data-identity = Ваші дані у зверненні (ім’я, телефон)
privacy-data-followed = Звернення, за якими ви стежите («Я теж це бачу»): { $count }
privacy-data-messages = Повідомлення
privacy-data-messages-count = Збережені отримані повідомлення (у сирому вигляді, не довше кількох десятків годин): { $received }; повідомлення вам у черзі або нещодавно надіслані: { $sent }. Повний зміст — у файлі JSON.
privacy-data-audit = Записи в журналі подій, що стосуються вас: { $count }
privacy-data-yes = так
privacy-data-no = ні
privacy-data-footer = Видалення даних: /delete_my_data. Виправлення, обмеження, заперечення: напишіть інспекторові із захисту даних. Ви також маєте право подати скаргу до Голови Управління захисту персональних даних (UODO).
privacy-erase-question =
    <b>Видалити ваші дані?</b>

    Видалимо: ваш обліковий запис у боті (ідентифікатор у Telegram, мову), незавершену чернетку, стеження за зверненнями, ваше ім’я й телефон у зверненнях, нотатки дільничних для вас і збережені повідомлення.
    Залишаться в поліції, але вже без жодного зв’язку з вами: самі звернення (категорія, місце, опис, фото, статус), бо це службова документація.

    Після цього ви більше не отримуватимете сповіщень про статус своїх звернень, а «Мої звернення» будуть порожні. Це не можна скасувати.
privacy-erase-yes = 🗑 Так, видалити мої дані
privacy-erase-no = Ні, залишити
privacy-erase-kept = Гаразд, я нічого не видалив.
privacy-erased = 🗑 Ваші дані видалено. Звернення залишаються в поліції без зв’язку з вами. Якщо ви напишете сюди знову, почнемо з нуля. Якщо зараз щось загрожує життю, здоров’ю чи майну, телефонуйте 112.
privacy-erase-officer = Обліковий запис поліцейського відключає адміністратор бота (python -m bot officers revoke). Щодо персональних даних напишіть інспекторові із захисту даних.
