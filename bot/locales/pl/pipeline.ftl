# Operational notices of the update pipeline (sent to the ops chat).
ops-update-failed = ⚠️ Nie udało się obsłużyć aktualizacji { $update_id } mimo kilku prób. Błąd: <code>{ $error }</code>
ops-polling-failing = ⚠️ Od { $minutes } min bot nie może pobierać wiadomości z Telegrama ({ $error }).
