# Operational notices of the update pipeline (sent to the ops chat).
ops-update-failed = ⚠️ Не вдалося обробити оновлення { $update_id } навіть після кількох спроб. Помилка: <code>{ $error }</code>
ops-polling-failing = ⚠️ Уже { $minutes } хв бот не може отримувати повідомлення з Telegram ({ $error }).
