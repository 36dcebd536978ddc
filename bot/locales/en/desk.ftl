# The officer's desk: live report views, comments, roles, duty groups, help.
# Button labels, popups (desk-refused-*) and fragments are plain text: no tags.

## Views of a report (alert, card, history)

desk-view-retired = <i>A newer view of this report is below — it has the current buttons.</i>
officers-btn-comment = 📝 Add a comment
desk-btn-back = ‹ Back
desk-btn-less = ‹ Previous districts

## Refusals (a popup on the button)

desk-refused-not-officer = These buttons are for district officers, coordinators and duty officers who linked their account with an invite.
desk-refused-no-district = Report { $reference } lies outside the station's districts — coordinators and duty officers handle it.
desk-refused-other-district = Report { $reference } concerns the district: { $district }. Its officers, their substitutes and the station's coordinators and duty officers may act on it.
desk-refused-other-station = Report { $reference } belongs to another station: { $station }.

## A comment on a closed report

desk-comment-ask = Write a comment on report <b>{ $reference }</b>. It goes into the report's history and to the reporter. /cancel — cancel.
desk-comment-sent = 📝 Comment on { $reference } saved in the history and sent to the reporter.
desk-comment-kept = 📝 Comment on { $reference } saved in the history (the reporter can no longer be told).
desk-resident-comment =
    📝 <b>A comment from the police</b> on your report { $reference }:

    { $note }
desk-history-comment = comment: “{ $note }”

## After linking: what was waiting

desk-waiting = 📥 <b>Waiting for you: { $total }</b> — open reports of your district that went to the duty officers before you linked your account. Open each one to take it over:

## Roles and duty groups (set with python -m bot officers)

desk-role-changed = 👮 Your role in the bot is now: <b>{ $role ->
        [coordinator] coordinator
        [duty] duty officer
       *[officer] district officer
    }</b>. Your commands: /help.
desk-role-announce =
    🔐 <b>Role changed</b>
    { $officer } ({ $code }): { $previous ->
        [coordinator] coordinator
        [duty] duty officer
       *[officer] district officer
    } → { $role ->
        [coordinator] coordinator
        [duty] duty officer
       *[officer] district officer
    }.
desk-group-disabled = This group is no longer a duty group ({ $station }): no more alerts will come here, and the buttons of earlier alerts are gone.
desk-group-enabled = ✅ This group is a duty group again ({ $station }): alerts the district officer cannot receive will come here.

## Help for officers

desk-help-command = /{ $command } — { $description }
desk-help-officer =
    👮 <b>Your service commands</b>
    { $commands }

    Alerts come with buttons that always show what can be done now: take, verify, confirm, hand over. The card from /zgloszenie has the same buttons.
desk-help-coordinator =
    👮 <b>Your service commands</b> (you see every report of the station)
    { $commands }

    Alerts come with buttons that always show what can be done now: take, verify, confirm, hand over. The card from /zgloszenie has the same buttons.

## Withdrawn by the reporter (status)

officers-status-withdrawn = Withdrawn by the reporter
officers-resident-state-withdrawn = withdrawn
report-status-withdrawn = withdrawn

## The thread: the officer's question, the resident's answer and additions

desk-btn-reply = ✍️ Reply
desk-note-reply-open = ✍️ You can reply right away: your next message (text or a photo) goes to { $by ->
        [district] the district officer
       *[police] the police
    }. I wait for it { $hours } h; later, reply with the “Reply” button.
desk-note-reply-later = ✍️ To reply, press “Reply” (first finish or cancel what you are writing now).
desk-followup-ask-reply = ✍️ Write your reply about <b>{ $reference }</b> — text or a photo (at most { $max }). It goes only to { $by ->
        [district] the district officer
       *[police] the police
    }. When you are done, press “Done”.
desk-followup-ask-info = ➕ What would you like to add to report <b>{ $reference }</b>? Write text or send a photo (at most { $max }). When you are done, press “Done”.
desk-followup-sent = ✅ Passed on to { $by ->
        [district] the district officer
       *[police] the police
    } (report { $reference }). You can add something else or press “Done”.
desk-followup-photo-sent = ✅ The photo is attached to report { $reference } and passed on to { $by ->
        [district] the district officer
       *[police] the police
    }. You can add something else or press “Done”.
desk-followup-too-long = That message is too long (at most { $limit } characters). Please shorten it and send it again.
desk-followup-photos-limit = { $max } photos have already been added to this report — I cannot take more. You can still add text.
desk-followup-not-a-photo = I could not read that photo. Please send it again as a photo (JPEG, PNG or WebP).
desk-btn-followup-done = ✅ Done
desk-followup-done = Thank you. Everything is with report { $reference }; its history is in “My reports” (/my).
desk-followup-closed = The time to reply has passed. To add something to a report, open it in “My reports” (/my).
desk-followup-report-closed = Report { $reference } is already closed ({ $status }) — it cannot be added to. If the problem persists, report it again: /report.
desk-followup-busy = You have an unfinished report. Finish or stop it (/cancel), then press “Reply” again.
desk-followup-hint = I am waiting for text or a photo for report { $reference }. When you are done, press “Done”.
desk-btn-add-info = ➕ Add information or a photo
desk-btn-withdraw = 🗑 Withdraw the report
desk-withdraw-ask = Withdraw report <b>{ $reference }</b>? The police will stop working on it. This cannot be undone.
desk-btn-withdraw-yes = Yes, withdraw
desk-btn-withdraw-no = No, keep it
desk-withdrawn = Report <b>{ $reference }</b> has been withdrawn. If life, health or property is in danger, call 112.
desk-withdraw-kept = All right, the report stays.
desk-resident-withdrawn = Report <b>{ $reference }</b>, where you pressed “I see it too”, was withdrawn by the person who sent it. If the problem persists, you can report it again: /report.
desk-mine-police = { $at } — police: “{ $note }”
desk-mine-you = { $at } — you:{ $has_text ->
        [yes] {" "}“{ $note }”
       *[no] {""}
    }{ $photos ->
        [0] {""}
       *[other] {" "}(photos: { $photos })
    }

## The thread on the police side

desk-officer-resident-said =
    💬 <b>{ $kind ->
        [reply] The reporter's answer
       *[info] New information from the reporter
    }</b> about { $reference }:{ $has_text ->
        [yes] {"\u000A\u000A"}{ $text }
       *[no] {""}
    }{ $photos ->
        [0] {""}
       *[other] {"\u000A"}📷 Photos: { $photos }
    }
desk-btn-open-report = 📋 Show the report
desk-officer-withdrawn = ↩️ Report <b>{ $reference }</b> was withdrawn by the reporter. No need to work on it any more.
desk-alert-resident-said = 💬 <b>From the reporter</b> (messages: { $count }, latest { $at }):{ $has_text ->
        [yes] {" "}“{ $note }”
       *[no] {""}
    }{ $photos ->
        [0] {""}
       *[other] {" "}📷 { $photos }
    }
desk-history-resident_reply = the reporter's answer{ $has_text ->
        [yes] : “{ $note }”
       *[no] {""}
    }{ $photos ->
        [0] {""}
       *[other] {" "}(photos: { $photos })
    }
desk-history-resident_info = information from the reporter{ $has_text ->
        [yes] : “{ $note }”
       *[no] {""}
    }{ $photos ->
        [0] {""}
       *[other] {" "}(photos: { $photos })
    }
