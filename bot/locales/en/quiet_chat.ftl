# A chat that does not drown the resident: photos and albums, what is sent outside a
# conversation, an unfinished report kept aside. Telegram HTML only: <b>, <i>, <u>, <s>,
# <code>, <a href>. Button labels are plain text.

## Photos and captions

report-caption-kept = ✍️ We added the photo's caption to the description.
report-caption-too-long = The photo's caption did not fit into the description (at most { $max } characters) — you can change the description in the summary.
report-photos-kept-describe = 🖼 Photo saved ({ $count } of { $max }) — it will be part of the report. Now <b>describe what is happening</b>, or press "Skip".

## Sent outside a conversation: kept, with the offer to report with it

offer-kept-photos = 🖼 { $count ->
        [one] I have your photo.
       *[other] I have your { $count } photos.
    }
offer-kept-place = 📍 { $place } — district: { $district }
offer-kept-text = ✍️ Your message: <i>{ $text }</i>
offer-question = Would you like to report a threat? What you sent goes straight into the report. If someone is in danger right now, call <b>112</b>.
offer-report = ⚠️ Report a threat with this
offer-officer = 👮 Show this place's district officer
offer-drop = ✖️ No, thanks
offer-dropped = All right, nothing was kept.

## An unfinished report: what it holds, kept aside during /dzielnicowy, cancelled only when sure

report-draft-point = a point on the map
report-draft-photos = { $count ->
        [one] 1 photo
       *[other] { $count } photos
    }
report-draft-description = with a description
report-draft-empty = no answers yet
report-parked = 📝 Your unfinished report (<b>{ $what }</b>) is waiting — finish it later with /report.
report-resumed = { $placed ->
        [yes] 📝 Back to your unfinished report — with this place.
       *[no] 📝 Back to your unfinished report. The place stays as given before; you can change it in the summary.
    }
report-cancel-question = Cancel the report for sure? Nothing will be sent, and your answers (<b>{ $what }</b>) will be deleted.
report-cancel-yes = 🗑 Yes, delete the report
report-cancel-no = ⬅️ No, back to the summary
