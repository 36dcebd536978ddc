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
