# Чергування й терміни: відпустки та заміни, тихі години, ескалації, нагадування, підсумок дня,
# блокування користувачів.
# Telegram HTML only: <b>, <i>, <u>, <s>, <code>, <a href>.
# Button labels and fragments are plain text: no tags (see pl/operations.ftl).

## Who may

operations-officers-only = Ця команда доступна лише дільничним і координаторам, які пов’язали акаунт через запрошення.
operations-coordinators-only = Ця команда доступна лише координаторам підрозділу.

operations-btn-prev = ‹ Попередні
operations-btn-next = Наступні ›
operations-btn-details = 📄 Подробиці звернення

## Deadlines: escalation, reminders, overdue marks

operations-reason-overdue = ⏰ <b>Ескалація:</b> ніхто не прийняв це звернення у визначений час. Прийміть його або передайте дільничному.
operations-reason-absent = 🏖 <b>Надіслано черговим:</b> дільничний у відпустці й не має заступника.
operations-alert-substitute = 🔁 <i>Ви отримуєте це звернення як заступник: { $officers }.</i>
operations-reminder =
    ⏰ <b>Нагадування: { $reference }</b>
    Звернення чекає на перевірку вже { $days ->
        [one] { $days } день
        [few] { $days } дні
       *[other] { $days } днів
    } (статус: { $status }).
    { $category } — { $place }

    Подробиці й кнопки: <code>/zgloszenie { $reference }</code>
operations-overdue-status = { $status } ⏰ { $kind ->
        [take] чекає на прийняття
       *[verify] чекає на перевірку
    }

## The daily digest

operations-digest =
    📊 <b>Підсумок дня — { $station }</b> ({ $day })
    Останні 24 години: нові { $new }, підтверджені { $confirmed }, усунені { $eliminated }.
    Відкриті зараз: { $open }, з них прострочені: <b>{ $overdue }</b>.
operations-digest-line = • <code>{ $reference }</code> — { $category } — { $days ->
        [one] { $days } день
        [few] { $days } дні
       *[other] { $days } днів
    }, { $kind ->
        [take] не прийняте
       *[verify] не перевірене
    }
operations-digest-more = … і ще { $count } прострочених: /zgloszenia

## Leave and substitutes: /urlop, /zastepstwa

operations-leave-mine = { $count ->
        [0] 🏖 <b>Ваші відпустки:</b> у вас немає запланованої відсутності.
       *[other] 🏖 <b>Ваші відпустки</b> (поточні й заплановані):
    }
operations-leave-station = { $count ->
        [0] 🏖 <b>Відпустки в підрозділі:</b> ні в кого немає запланованої відсутності.
       *[other] 🏖 <b>Відпустки в підрозділі</b> (поточні й заплановані):
    }
operations-leave-line = • { $officer }: { $start } – { $end }, { $has_substitute ->
        [yes] заміняє { $substitute }
       *[no] без заміни
    }
operations-leave-btn-add = ➕ Додати відпустку
operations-leave-btn-pick = ➕ Внести відпустку поліцейському
operations-leave-btn-cancel = ✖ Скасувати: { $officer }, { $start } – { $end }
operations-leave-btn-none = Без заміни
operations-leave-officer = { $name }
operations-leave-who = Кому внести відпустку? Виберіть поліцейського. /cancel — скасувати.
operations-leave-dates-ask = { $own ->
        [yes] Вкажіть дні відпустки,
       *[no] Вкажіть дні відпустки: { $officer },
    } напр. <code>1.12-14.12</code> або <code>24.12</code> (один день). Дати включно. /cancel — скасувати.
operations-leave-dates-bad = { $problem ->
        [invalid] Такого дня немає в календарі.
        [order] Кінець відпустки припадає раніше за її початок.
        [past] Ця відпустка вже закінчилася — вкажіть поточні або майбутні дні.
        [too_long] Один запис може охоплювати щонайбільше { $days } днів.
       *[format] Не можу розпізнати ці дати.
    }
operations-leave-overlap = { $officer } вже має відпустку в цей час: { $start } – { $end }. Вкажіть інші дні або спершу скасуйте ту відпустку.
operations-leave-substitute-ask = Відпустка: { $officer }, { $start } – { $end }. { $candidates ->
        [0] Зараз ніхто в підрозділі не може заміняти (заступник має мати пов’язаний акаунт і не бути тоді у відпустці). Зберегти без заміни? Сповіщення з дільниці тоді отримають чергові й координатори.
       *[other] Хто заміняє? Заступник отримуватиме сповіщення з дільниці й зможе діяти щодо звернень.
    }
operations-leave-use-buttons = Виберіть відповідь кнопкою під повідомленням або напишіть /cancel.
operations-leave-saved = ✅ Збережено: { $officer }, відпустка { $start } – { $end }, { $has_substitute ->
        [yes] заміняє { $substitute }. Заступника повідомлено.
       *[no] без заміни. Сповіщення з дільниці отримають чергові й координатори.
    }
operations-leave-cancelled = ✖ Відпустку скасовано: { $officer }, { $start } – { $end }. Сповіщення знову надходять дільничному.
operations-leave-cancel-already = Цю відпустку ({ $officer }, { $start } – { $end }) уже скасовано.
operations-leave-cancel-over = Ця відпустка ({ $officer }, { $start } – { $end }) уже закінчилася — нема чого скасовувати.
operations-substitute-assigned =
    🔁 <b>Заміна:</b> з { $start } до { $end } ви заміняєте: { $officer }.
    Дільниці: { $districts }
    У цей час сповіщення з цих дільниць надходитимуть вам, і ви можете діяти щодо звернень.
operations-substitute-cancelled = ✖ Заміну скасовано: { $officer } не буде у відпустці { $start } – { $end }.
operations-leave-set-for-you = 🏖 Координатор вніс вам відпустку: { $start } – { $end }, { $has_substitute ->
        [yes] заміняє { $substitute }.
       *[no] без заміни.
    } У цей час ви не отримуватимете сповіщень.
operations-leave-cancelled-for-you = ✖ Координатор скасував вашу відпустку { $start } – { $end }. Сповіщення з дільниці знову надходять вам.
operations-leave-cancel-announce = ✖ Відпустку скасовано: { $officer }, { $start } – { $end }. Сповіщення з дільниці знову отримує { $officer }.
operations-leave-announce = 🏖 Відпустка: { $officer }, { $start } – { $end }, { $has_substitute ->
        [yes] заміняє { $substitute }.
       *[no] без заміни — сповіщення з дільниці отримають чергові й координатори.
    }

## Quiet hours: /cisza

operations-quiet-ask = { $state ->
        [on] 🌙 <b>Тихі години:</b> { $start }–{ $end }. У цей час сповіщення надходять без звуку.
       *[off] 🌙 <b>Тихі години вимкнено:</b> сповіщення завжди надходять зі звуком.
    }
    Виберіть години або напишіть свої, напр. <code>21:30-6:30</code>. Ескалації черговим завжди надходять зі звуком.
operations-quiet-preset = { $start }–{ $end }
operations-quiet-btn-off = 🔔 Вимкнути тихі години
operations-quiet-bad = Не можу розпізнати ці години. Напишіть, напр., <code>22-7</code> або <code>22:30-6:30</code>.
operations-quiet-saved = 🌙 Збережено: з { $start } до { $end } сповіщення надходять без звуку. Ескалації — завжди зі звуком.
operations-quiet-off = 🔔 Тихі години вимкнено: сповіщення завжди надходять зі звуком.
# Typed words that turn quiet hours off (any language counts); comma-separated, never shown.
operations-quiet-off-words = off, вимкнути, вимкни, вимкнено, ні, немає

## Blocking: /blokuj, /odblokuj

operations-ban-usage = Вкажіть номер звернення цієї особи, напр. <code>/{ $command } KN-2026-000123</code>. Особу, яка лише підтвердила звернення («Я теж це бачу»), вкажіть номером з історії: <code>/{ $command } KN-2026-000123 #2</code>. Наприкінці можна дописати причину.
operations-ban-unknown = Не знайшов звернення { $reference }.
operations-ban-not-yours = Звернення { $reference } не належить до вашого підрозділу.
operations-ban-nobody = Звернення { $reference } вже неможливо пов’язати з особою, яка його надіслала.
operations-ban-not-resident = Особа зі звернення { $reference } — працівник поліції; такий акаунт від’єднує адміністратор (officers revoke).
operations-blocked = 🚫 Заблоковано особу, яка надіслала звернення { $reference }. Вона отримає одне ввічливе повідомлення, а її наступні повідомлення пропускатимуться. Скасування: <code>/odblokuj { $reference }</code>
operations-unblocked = ✅ Розблоковано особу, яка надіслала звернення { $reference }. Вона отримала повідомлення, що знову може писати.
operations-unblocked-resident = ✅ Ви знову можете користуватися ботом «Разом для безпеки». Напишіть /start, щоб побачити меню. Якщо зараз є загроза життю, здоров’ю чи майну, телефонуйте 112.

## Report history lines

operations-history-escalated = ескалація черговим і координаторам (термін прийняття минув)
operations-history-reminded = нагадування про перевірку (термін минув)
operations-history-report_anonymised = дані заявника видалено після строку зберігання
operations-history-user_blocked = заявника заблоковано
operations-history-user_unblocked = заявника розблоковано

## Command menu

command-leave = Моя відпустка і заміна
command-quiet = Тихі години: сповіщення без звуку
command-station-leave = Відпустки й заміни в підрозділі
command-block = Заблокувати заявника (номер звернення)
command-unblock = Розблокувати заявника (номер звернення)
