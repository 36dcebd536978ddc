# District officers and coordinators: invites, report alerts, statuses, /zgloszenia.
# Telegram HTML only: <b>, <i>, <u>, <s>, <code>, <a href>.
# Button labels, popups and fragments are plain text: no tags (see pl/officers.ftl).

## Invites and linking

officers-invite-invalid = This invite link is invalid, already used or expired. Ask the administrator for a new one.
officers-invite-locked = Too many failed invite attempts from this account. Please contact the bot's administrator.
officers-invite-other-officer = This account is already linked to another officer. If that is a mistake, ask the administrator to unlink it (officers revoke).
officers-linked =
    ✅ <b>Account linked.</b> { $officer }, { $role ->
        [coordinator] you are now a coordinator in this bot.
        [duty] you are now a duty officer in this bot.
       *[officer] you are now a district officer in this bot.
    }

    { $districts ->
        [none] Unit: { $station }
       *[other] Districts: { $districts }
    }

    { $role ->
        [officer] New reports from your district will arrive here as alerts with buttons.
       *[other] Escalations and the reports a district officer cannot receive will arrive here{ $role ->
            [coordinator] , and every morning the day's digest.
           *[other] .
        }
    } Open reports: /zgloszenia, details of one: /zgloszenie KN-2026-000123. Commands: /help.
officers-linked-announce =
    🔐 <b>New account link</b>
    { $officer } ({ $code }, { $role ->
        [coordinator] coordinator
        [duty] duty officer
       *[officer] district officer
    }, { $station }) — Telegram account <code>{ $account }</code>.{ $replaced ->
        [yes] {" "}This officer's previous account was unlinked.
       *[no] {""}
    }
    If nobody asked for this, unlink the account: <code>python -m bot officers revoke { $code }</code>
officers-group-link-private = This link adds the bot to a duty group. Open it and choose the group instead of writing here.
officers-group-registered = ✅ This group is now a duty group: { $station }. Alerts that the district officer cannot receive will come here.
officers-group-announce =
    🔐 <b>New duty group</b>
    The group “{ $group }” was registered for: { $station }. Registered by: { $officer }.

## The alert

officers-alert =
    🚨 <b>Report { $reference }</b>
    <b>Category:</b> { $category }
    <b>When:</b> { $when }
    <b>Where:</b> { $place } (district: { $district })
    <b>“I see it too”:</b> { $confirmations }
officers-alert-description = <b>Description:</b> { $description }
officers-alert-anonymous = <i>Anonymous report — the reporter's details are not shown.</i>
officers-alert-named = <i>Named report — the reporter gave their details.</i>
officers-alert-reporter = <b>Reporter:</b> { $name }
officers-alert-reassigned = <i>Handed over from district: { $from }</i>
officers-alert-sent-at = (sent { $at })
officers-alert-status = <b>Status:</b> { $status }
officers-alert-status-by = <b>Status:</b> { $status } — { $officer }, { $at }
officers-alert-photos = Photos of report { $reference }

officers-reason-no_district = ⚠️ <b>Sent to the duty officers:</b> the place is outside every known district.
officers-reason-no_officer = ⚠️ <b>Sent to the duty officers:</b> the district has no active officer.
officers-reason-not_linked = ⚠️ <b>Sent to the duty officers:</b> the district's officer has not linked an account yet.
officers-reason-unreachable = ⚠️ <b>Sent to the duty officers:</b> the district's officer blocked the bot and will not get the alert.
officers-reason-reopened = 🔁 <b>Reopened:</b> the reporter says the problem is still there.

officers-status-new = New
officers-status-taken = Taken
officers-status-verifying = Being verified
officers-status-confirmed = Confirmed
officers-status-not_confirmed = Not confirmed
officers-status-eliminated = Eliminated
officers-status-forwarded = Forwarded
officers-status-reopened = Reopened

officers-body-city_guard = City Guard (Straż Miejska)
officers-body-road_manager = Road manager
officers-body-other = Another body

officers-btn-take = ✋ I'll take it
officers-btn-verify = 🔍 Verifying
officers-btn-confirm = ✅ Confirmed
officers-btn-notconf = ❌ Not confirmed
officers-btn-elim = 🏁 Eliminated
officers-btn-fwd = ↪️ Hand over
officers-btn-move = 🗺 Other district
officers-btn-note = ✉️ Note to the reporter
officers-btn-phone = 📞 Show phone
officers-btn-more = More districts ›
officers-district = { $name }

officers-forward-choose = Who should report { $reference } go to? This is final — the reporter will be told.
officers-reassign-choose = Which district should report { $reference } go to? Its officer will get the alert.
officers-sure-notconf = Mark report { $reference } as not confirmed? The reporter will be told at once.
officers-sure-elim = Mark report { $reference } as eliminated? The reporter will be told at once.
officers-btn-sure-notconf = ❌ Yes, not confirmed
officers-btn-sure-elim = 🏁 Yes, eliminated

## Presses

officers-done = { $reference }: { $status }
officers-reassigned = { $reference } handed over: { $name }
officers-refused-invalid = This button is out of date or invalid.
officers-refused-status = The status changed meanwhile (now: { $status }). The buttons under the report are up to date now.
officers-phone-sent = I sent you the number in a private message.
officers-phone-unavailable = The reporter did not agree to share the number.
officers-phone-withdrawn = The reporter's number for { $reference } is no longer available.
officers-write-first = Please write to the bot privately first (/start) so that I can answer you.
officers-note-private = Write the note in our private chat.
officers-note-nobody = This report cannot be traced back to the person who sent it.
officers-note-ask = Write a note for the reporter of <b>{ $reference }</b>. Only the reporter gets it. /cancel to give up.
officers-note-too-long = A note can have at most { $limit } characters. Please shorten it and send it again.
officers-note-sent = ✉️ Note about { $reference } sent to the reporter.

## Residents are told

officers-resident-taken = 👮 { $by ->
        [district] A district officer has
       *[police] The police have
    } taken your report <b>{ $reference }</b>. We will let you know what they find.
officers-resident-verifying = 🔍 { $by ->
        [district] The district officer is
       *[police] The police are
    } checking your report <b>{ $reference }</b> on site.
officers-resident-confirmed = ✅ Report <b>{ $reference }</b> has been confirmed. The police will act on it.
officers-resident-not_confirmed =
    Report <b>{ $reference }</b> was not confirmed — no threat was found during the check.

    If the problem is still there, press “Still happening”. If life, health or property is in danger right now, call 112.
officers-resident-eliminated =
    🏁 The threat in report <b>{ $reference }</b> has been eliminated. Thank you for reporting!

    If the problem comes back, press “Still happening”. If life, health or property is in danger right now, call 112.
officers-resident-forwarded = ↪️ Report <b>{ $reference }</b> has been handed over to { $body ->
        [city_guard] the City Guard (Straż Miejska, phone 986)
        [road_manager] the road manager
       *[other] the responsible body
    }, which will take it from here.
officers-resident-reassigned = 🗺 Report <b>{ $reference }</b> has been handed to the officer of the right district.
officers-resident-reopened = 🔁 Report <b>{ $reference }</b> has been reopened — someone said the problem is still there.
officers-resident-note =
    ✉️ <b>Message from { $by ->
        [district] the district officer
       *[police] the police
    }</b> about { $reference }:

    { $note }
officers-btn-reopen = 🔁 Still happening

officers-resident-state-new = new
officers-resident-state-taken = taken
officers-resident-state-verifying = being verified
officers-resident-state-confirmed = confirmed
officers-resident-state-not_confirmed = not confirmed
officers-resident-state-eliminated = eliminated
officers-resident-state-forwarded = handed over to another body
officers-resident-state-reopened = reopened

officers-reopen-done = 🔁 Thank you. Report <b>{ $reference }</b> is back with the district officer. If life, health or property is in danger right now, call 112.
officers-reopen-not-now = Report <b>{ $reference }</b> does not need reopening — its status is: { $status }.
officers-reopen-invalid = This button is out of date. You can check your reports under “My reports”.

## /zgloszenia, /zgloszenie

officers-only = This command is only for district officers and coordinators who linked their account with an invite.
officers-details-usage = Give the report's number, e.g. <code>/zgloszenie KN-2026-000123</code>.
officers-report-unknown = I could not find report { $reference }.
officers-list-empty = 🎉 No open reports in your district.
officers-list = <b>Open reports: { $total }</b> ({ $pages ->
        [1] {""}
       *[other] page { $page } of { $pages },{" "}
    }oldest first)
officers-list-line = • <b>{ $reference }</b> — { $category } — { $status } — { $days ->
        [0] today
        [one] { $days } day
       *[other] { $days } days
    } — { $place }
officers-list-open = { $reference }
officers-list-prev = ‹ Previous
officers-list-next = Next ›
officers-history = <b>History of report { $reference }</b>
officers-history-more = … (earlier entries: { $count })
officers-history-line = • { $at } — { $action ->
        [status] { $status }
        [reassigned] handed to another district
        [reopened] reopened
        [note] note to the reporter: “{ $note }”
        [phone_revealed] reporter's phone shown
        [report_created] report sent
       *[other] { $action }
    } ({ $who })
officers-history-reporter = reporter

## Command menu

command-officer-list = Open reports of my districts or unit
command-officer-details = Details and history of a report (number)
