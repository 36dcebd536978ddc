# Notices to the ops chat about sending (bot/pipeline/alerts.py): one per incident, not per message.
ops-outbox-failed = ⚠️ Messages that could not be sent: { $count }. Details: <code>python -m bot outbox status</code>; to send them again: <code>python -m bot outbox retry</code>.
ops-outbox-late = ⚠️ Messages waiting to be sent: { $count }, the oldest for { $minutes } min. { $telegram ->
    [unreachable] Telegram cannot be reached; the bot keeps trying and loses nothing.
   *[other] Check <code>python -m bot health</code>.
}
ops-updates-late = ⚠️ Messages from residents waiting to be handled: { $count }, the oldest for { $minutes } min. Check <code>python -m bot health</code>.
