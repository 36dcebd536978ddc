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
