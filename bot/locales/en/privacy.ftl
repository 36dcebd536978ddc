# Privacy and security: "I see it too" without distances, reopen limits, blocking residents who
# confirmed a report, residents' rights (GDPR/RODO).
# Telegram HTML only: <b>, <i>, <u>, <s>, <code>, <a href>.
# Fragments (privacy-duplicate-nearby, privacy-history-follower) must be plain text: no tags.

## "I see it too"

privacy-duplicate-nearby = close by

## "Still happening"

privacy-reopen-limit-report = Report <code>{ $reference }</code> has been reopened { $count ->
        [one] once
       *[other] { $count } times
    } already. If the problem goes on, please send a new report: /report
privacy-reopen-limit-user = { $max ->
        [one] One report was
       *[other] { $max } reports were
    } reopened from your account today — that is the most a day allows. If the problem goes on, please send a new report: /report

## History and blocking (for coordinators)

privacy-history-follower = resident #{ $number }
# Named operations-history-* so that the officers' history finds it (queries.py).
operations-history-resident_confirmed = confirmation (“I see it too”)
privacy-ban-no-follower = Report { $reference } has no resident #{ $number } (the number from the report's history).
privacy-blocked-follower = 🚫 Resident #{ $number } of report { $reference } is blocked. They get one polite message; their further messages are ignored. To undo: <code>/odblokuj { $reference } #{ $number }</code>
privacy-unblocked-follower = ✅ Resident #{ $number } of report { $reference } is unblocked; they were told they may write again.

## Your rights: a copy of your data (/my_data) and erasure (/delete_my_data)

command-my-data = A copy of all my data (file)
command-delete-my-data = Delete my data
privacy-notice-more =
    <b>At the latest:</b> every report is anonymised { $max_days } days after it was sent, even if nobody closed it; an account without reports is deleted { $user_days } days after your last message.
    <b>Your rights, right here in the chat:</b> /my_data — a copy of everything the bot keeps about you (a JSON file and a version to read); /delete_my_data — erasure of your data (reports stay with the police, but no longer linked to you).
privacy-data-coming = 📄 Preparing a copy of your data — you will get two files in a moment: JSON (for a computer) and text (to read). Handing out a copy is recorded in the audit log.
privacy-data-filename = my-data
privacy-data-caption-json = A copy of your data (JSON), as of { $at }.
privacy-data-caption-text = A copy of your data to read, as of { $at }. The reports' photos are in the JSON file.
privacy-data-title = The data the "Razem dla bezpieczeństwa" bot keeps about you — as of { $at }
privacy-data-controller = Data controller: { $controller }. Data protection officer: { $dpo }.
privacy-data-account = Account
privacy-data-telegram-id = Telegram user id
privacy-data-language = Language
privacy-data-role = Role
privacy-data-blocked = Blocked by a coordinator
privacy-data-first-contact = First message
privacy-data-last-contact = Last message
privacy-data-conversation = Conversation in progress (unfinished draft)
privacy-data-none = none
privacy-data-reports = Your reports: { $count }
privacy-data-place = Place
privacy-data-description = Description
privacy-data-anonymous = Anonymous
privacy-data-photos = Photos
privacy-data-identity = Your details on the report (name, phone)
privacy-data-followed = Reports you follow ("I see it too"): { $count }
privacy-data-messages = Messages
privacy-data-messages-count = Received messages kept (raw, for at most a few dozen hours): { $received }; messages to you waiting or recently sent: { $sent }. Their full content is in the JSON file.
privacy-data-audit = Audit log entries about you: { $count }
privacy-data-yes = yes
privacy-data-no = no
privacy-data-footer = Erasure: /delete_my_data. Rectification, restriction, objection: write to the data protection officer. You may also complain to the President of the Personal Data Protection Office (UODO).
privacy-erase-question =
    <b>Delete your data?</b>

    We will delete: your account in the bot (Telegram user id, language), any unfinished draft, the reports you follow, your name and phone on your reports, officers' notes to you and the stored messages.
    Kept by the police, but no longer linked to you in any way: the reports themselves (category, place, description, photos, status), as they are official records.

    Afterwards you will no longer hear about your reports' status, and "My reports" will be empty. This cannot be undone.
privacy-erase-yes = 🗑 Yes, delete my data
privacy-erase-no = No, keep it
privacy-erase-kept = All right, nothing was deleted.
privacy-erased = 🗑 Your data has been deleted. Reports stay with the police, no longer linked to you. If you write here again, we start from scratch. If life, health or property is in danger now, call 112.
privacy-erase-officer = An officer's account is unlinked by the bot's administrator (python -m bot officers revoke). For personal data matters, write to the data protection officer.
