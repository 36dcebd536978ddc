# Operational notices of the update pipeline (sent to the ops chat).
ops-update-failed = ⚠️ Update { $update_id } could not be handled despite several tries. Error: <code>{ $error }</code>
ops-polling-failing = ⚠️ The bot has not been able to fetch messages from Telegram for { $minutes } min ({ $error }).
