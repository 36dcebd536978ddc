# Notices to the ops chat about sending (bot/pipeline/alerts.py): one per incident, not per message.
ops-outbox-failed = ⚠️ Не вдалося надіслати повідомлень: { $count }. Подробиці: <code>python -m bot outbox status</code>; надіслати повторно: <code>python -m bot outbox retry</code>.
ops-outbox-late = ⚠️ Повідомлень чекають на надсилання: { $count }, найстаріше — { $minutes } хв. { $telegram ->
    [unreachable] Telegram недоступний; бот повторює спроби й нічого не втрачає.
   *[other] Перевірте <code>python -m bot health</code>.
}
ops-updates-late = ⚠️ Повідомлень від мешканців чекають на обробку: { $count }, найстаріше — { $minutes } хв. Перевірте <code>python -m bot health</code>.
