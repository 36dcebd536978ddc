# Notices to the ops chat about sending (bot/pipeline/alerts.py): one per incident, not per message.
ops-outbox-failed = ⚠️ Nie udało się wysłać wiadomości: { $count }. Szczegóły: <code>python -m bot outbox status</code>; ponowne wysłanie: <code>python -m bot outbox retry</code>.
ops-outbox-late = ⚠️ Wiadomości czekają na wysłanie: { $count }, najstarsza od { $minutes } min. { $telegram ->
    [unreachable] Telegram jest nieosiągalny; bot ponawia próby i niczego nie gubi.
   *[other] Sprawdź <code>python -m bot health</code>.
}
ops-updates-late = ⚠️ Wiadomości od mieszkańców czekają na obsługę: { $count }, najstarsza od { $minutes } min. Sprawdź <code>python -m bot health</code>.
