# Partner institutions (partners.csv): their chat's invite, the reports officers forward to them,
# their answers, and what officers and residents are told. Telegram HTML only: <b>, <i>, <u>,
# <s>, <code>, <a href>. Button labels (partners-btn-*, partners-forward-to), states
# (partners-state-*) and popups (partners-refused*, partners-thanks-*) are plain text.

partners-linked = ✅ This chat now belongs to: <b>{ $name }</b>. Reports the police forward will arrive here, without the reporters' details. Each one has buttons: Accepted, Done, Not ours.
partners-linked-announce = 🔗 A partner institution's chat was linked: { $name } ({ $code }), chat "{ $chat }". If this is a mistake, issue a new invite: python -m bot partners invite { $code }.

partners-forward-choose = Where should report { $reference } go? The partner institutions of this gmina get it in their chat (without the reporter's details) and answer with buttons.
partners-forward-to = 🏛 { $name }

partners-report =
    🏛 <b>A report forwarded by the police: <code>{ $reference }</code></b>

    <b>What:</b> { $category }
    <b>Where:</b> { $place }
    <b>Gmina:</b> { $gmina }
    <b>When:</b> { $when }

    The reporter's details stay with the police. Answer with a button: the reporter and the district officer will be told.
partners-report-description = <b>Description:</b> { $description }

partners-btn-acc = ✅ Accepted
partners-btn-done = 🏁 Done
partners-btn-no = ↩️ Not ours

partners-state-sent = waiting for an answer
partners-state-accepted = accepted
partners-state-done = done
partners-state-not_ours = not yours (back with the police)

partners-refused = This button does not belong to this chat or is invalid. Nothing was changed.
partners-refused-state = { $reference }: this answer cannot be given any more (now: { $state }).
partners-thanks-acc = { $reference }: accepted. Thank you — press "Done" when it is dealt with.
partners-thanks-done = { $reference }: done. Thank you, the reporter will be told.
partners-thanks-no = { $reference }: back with the police. Thank you.

partners-resident-forwarded = ↪️ Report <b>{ $reference }</b> was handed to: <b>{ $name }</b>. We will let you know when they answer.
partners-resident-accepted = 🏛 <b>{ $name }</b> has accepted your report <b>{ $reference }</b> and will deal with it.
partners-resident-done = 🏁 <b>{ $name }</b> says the matter of report <b>{ $reference }</b> has been dealt with. If the problem continues, press the button below.
partners-resident-not-ours = 🔁 <b>{ $name }</b> does not handle such matters — report <b>{ $reference }</b> is back with the district officer.

partners-reason-partner_silent = ⏰ <b>Escalation:</b> the institution this report was handed to did not answer in time. Contact them or take the matter over.
partners-reason-partner_declined = ↩️ <b>Back from the institution:</b> it answered "Not ours". The report is yours again.

partners-history-partner_accepted = { $name }: accepted
partners-history-partner_done = { $name }: done
partners-history-partner_not_ours = { $name }: not ours
partners-history-partner_escalated = { $name } did not answer: escalated to the coordinators
