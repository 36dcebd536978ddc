# Duty and deadlines: leave and substitutes, quiet hours, escalations, reminders, the daily digest,
# blocking users.
# Telegram HTML only: <b>, <i>, <u>, <s>, <code>, <a href>.
# Button labels and fragments are plain text: no tags (see pl/operations.ftl).

## Who may

operations-officers-only = This command is only for district officers and coordinators who linked their account with an invite.
operations-coordinators-only = This command is only for the unit's coordinators.

operations-btn-prev = ‹ Previous
operations-btn-next = Next ›
operations-btn-details = 📄 Report details

## Deadlines: escalation, reminders, overdue marks

operations-reason-overdue = ⏰ <b>Escalation:</b> nobody took this report in time. Take it or hand it to a district officer.
operations-reason-absent = 🏖 <b>Sent to the duty officers:</b> the district's officer is on leave without a substitute.
operations-alert-substitute = 🔁 <i>You get this report as the substitute for: { $officers }.</i>
operations-reminder =
    ⏰ <b>Reminder: { $reference }</b>
    The report has been waiting to be verified for { $days ->
        [one] { $days } day
       *[other] { $days } days
    } (status: { $status }).
    { $category } — { $place }

    Details and buttons: <code>/zgloszenie { $reference }</code>
operations-overdue-status = { $status } ⏰ { $kind ->
        [take] waiting to be taken
       *[verify] waiting to be verified
    }

## The daily digest

operations-digest =
    📊 <b>Daily digest — { $station }</b> ({ $day })
    Last 24 hours: new { $new }, confirmed { $confirmed }, eliminated { $eliminated }.
    Open now: { $open }, overdue: <b>{ $overdue }</b>.
operations-digest-line = • <code>{ $reference }</code> — { $category } — { $days ->
        [one] { $days } day
       *[other] { $days } days
    }, { $kind ->
        [take] not taken
       *[verify] not verified
    }
operations-digest-more = … and { $count } more overdue: /zgloszenia

## Leave and substitutes: /urlop, /zastepstwa

operations-leave-mine = { $count ->
        [0] 🏖 <b>Your leave:</b> you have no absence planned.
       *[other] 🏖 <b>Your leave</b> (current and planned):
    }
operations-leave-station = { $count ->
        [0] 🏖 <b>Leave in the unit:</b> nobody has an absence planned.
       *[other] 🏖 <b>Leave in the unit</b> (current and planned):
    }
operations-leave-line = • { $officer }: { $start } – { $end }, { $has_substitute ->
        [yes] substitute: { $substitute }
       *[no] no substitute
    }
operations-leave-btn-add = ➕ Add leave
operations-leave-btn-pick = ➕ Enter an officer's leave
operations-leave-btn-cancel = ✖ Cancel: { $officer }, { $start } – { $end }
operations-leave-btn-none = No substitute
operations-leave-officer = { $name }
operations-leave-who = Whose leave? Choose the officer. /cancel — stop.
operations-leave-dates-ask = { $own ->
        [yes] Send the days of leave,
       *[no] Send the days of leave for { $officer },
    } e.g. <code>1.12-14.12</code> or <code>24.12</code> (one day). Both dates are included. /cancel — stop.
operations-leave-dates-bad = { $problem ->
        [invalid] There is no such day in the calendar.
        [order] The leave ends before it starts.
        [past] This leave is already over — send current or future days.
        [too_long] One entry can cover at most { $days } days.
       *[format] I cannot read these dates.
    }
operations-leave-overlap = { $officer } already has leave then: { $start } – { $end }. Send other days or cancel that leave first.
operations-leave-substitute-ask = Leave: { $officer }, { $start } – { $end }. { $candidates ->
        [0] Nobody in the unit can stand in now (a substitute needs a linked account and must not be on leave then). Save without a substitute? The district's alerts then go to the duty officers and coordinators.
       *[other] Who stands in? The substitute gets the district's alerts and may act on its reports.
    }
operations-leave-use-buttons = Choose with a button under the message, or send /cancel.
operations-leave-saved = ✅ Saved: { $officer }, leave { $start } – { $end }, { $has_substitute ->
        [yes] substitute: { $substitute }. They have been told.
       *[no] no substitute. The district's alerts go to the duty officers and coordinators.
    }
operations-leave-cancelled = ✖ Leave cancelled: { $officer }, { $start } – { $end }. Alerts go to the district officer again.
operations-leave-cancel-already = This leave ({ $officer }, { $start } – { $end }) was already cancelled.
operations-leave-cancel-over = This leave ({ $officer }, { $start } – { $end }) is already over — nothing to cancel.
operations-substitute-assigned =
    🔁 <b>Substitute:</b> from { $start } to { $end } you stand in for { $officer }.
    Districts: { $districts }
    During that time their districts' alerts come to you and you may act on the reports.
operations-substitute-cancelled = ✖ Substitute no longer needed: { $officer } will not be on leave { $start } – { $end }.
operations-leave-set-for-you = 🏖 A coordinator entered your leave: { $start } – { $end }, { $has_substitute ->
        [yes] substitute: { $substitute }.
       *[no] no substitute.
    } You will get no alerts during that time.
operations-leave-cancelled-for-you = ✖ A coordinator cancelled your leave { $start } – { $end }. Your district's alerts come to you again.
operations-leave-cancel-announce = ✖ Leave cancelled: { $officer }, { $start } – { $end }. The district's alerts go to { $officer } again.
operations-leave-announce = 🏖 Leave: { $officer }, { $start } – { $end }, { $has_substitute ->
        [yes] substitute: { $substitute }.
       *[no] no substitute — the district's alerts go to the duty officers and coordinators.
    }

## Quiet hours: /cisza

operations-quiet-ask = { $state ->
        [on] 🌙 <b>Quiet hours:</b> { $start }–{ $end }. Alerts arrive without sound then.
       *[off] 🌙 <b>Quiet hours are off:</b> alerts always arrive with sound.
    }
    Choose the hours or type your own, e.g. <code>21:30-6:30</code>. Escalations to the duty officers always arrive with sound.
operations-quiet-preset = { $start }–{ $end }
operations-quiet-btn-off = 🔔 Turn quiet hours off
operations-quiet-bad = I cannot read these hours. Type e.g. <code>22-7</code> or <code>22:30-6:30</code>.
operations-quiet-saved = 🌙 Saved: from { $start } to { $end } alerts arrive without sound. Escalations always with sound.
operations-quiet-off = 🔔 Quiet hours off: alerts always arrive with sound.
# Typed words that turn quiet hours off (any language counts); comma-separated, never shown.
operations-quiet-off-words = off, turn off, no, none

## Blocking: /blokuj, /odblokuj

operations-ban-usage = Send the reference of one of the person's reports, e.g. <code>/{ $command } KN-2026-000123</code>. A resident who only confirmed it ("I see it too") is named by their number in the history: <code>/{ $command } KN-2026-000123 #2</code>. You may add a reason at the end.
operations-ban-unknown = I found no report { $reference }.
operations-ban-not-yours = Report { $reference } does not belong to your unit.
operations-ban-nobody = Report { $reference } can no longer be linked to the person who sent it.
operations-ban-not-resident = The person behind report { $reference } is an officer — an administrator unlinks their account (officers revoke).
operations-blocked = 🚫 The person who sent report { $reference } is blocked. They get one polite message; their further messages are ignored. To undo: <code>/odblokuj { $reference }</code>
operations-unblocked = ✅ The person who sent report { $reference } is unblocked. They were told they can write again.
operations-unblocked-resident = ✅ You can use the "Together for safety" bot again. Send /start to see the menu. If life, health or property is in danger now, call 112.

## Report history lines

operations-history-escalated = escalated to the duty officers and coordinators (not taken in time)
operations-history-reminded = reminder to verify (deadline passed)
operations-history-report_anonymised = reporter's data deleted after the retention period
operations-history-user_blocked = reporter blocked
operations-history-user_unblocked = reporter unblocked

## Command menu

command-leave = My leave and substitute
command-quiet = Quiet hours: alerts without sound
command-station-leave = Leave and substitutes in the unit
command-block = Block a reporter (report reference)
command-unblock = Unblock a reporter (report reference)
