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
