# Report a threat (/zglos, /report) and My reports (/moje, /my).
# Telegram HTML only: <b>, <i>, <u>, <s>, <code>, <a href>.
# Fragments (keys used inside other texts: report-day-*, report-time-*, report-status-*,
# report-group-*, report-when-text-*, report-summary-*, report-duplicate-line/
# -same-street, mine-report-button, mine-event-*) and button labels must be plain text: no tags.

## Shared pieces

report-label = { $text }
report-back = ⬅️ Back
report-skip = Skip
report-keep = Keep as it is
report-start-over = 🗑 Delete it and start over
report-continuing = You have an unfinished report (<b>{ $what }</b>) — let's continue where you left off. You can also delete it and start over.
report-not-open = This report form is already closed. Start a new report with /report.
report-edited = I see you edited an earlier message. Edits don't change the answers already saved — at the end, in the summary, you can change any field with "Change".
report-too-long = This message has { $length } characters and the limit is { $max }. Please shorten it and send it again — nothing you entered so far is lost.

## Hints after a message of the wrong kind

report-hint-buttons = Please choose one of the options under the question.
report-description-kept = 📝 I've kept that as the report's description (you can change it before sending). Now please choose an answer under the question.
report-hint-text = I need a plain text message here.
report-hint-where = Send a location (the button below, or 📎 → Location to pick any point on the map) or type an address, e.g. <i>Kolejowa 12</i>.
report-hint-date = Type a date, e.g. <i>25.11</i>, or choose a button.
report-hint-photos = Send a photo (as a photo or an image file) or press the button below to go on.
report-hint-phone = Share your number with the "Share my number" button below — that way we know it is your own. Or choose "No phone".

## 1. Emergency first

report-danger-question =
    <b>Report a threat</b>

    First things first: <b>is anyone in danger right now</b>, or is something happening that threatens life, health or property?

    If so, call <b>112</b> straight away. This bot does not call for help.
report-danger-yes = 🚨 Yes, right now
report-danger-no = No, it's not an emergency
report-emergency =
    🚨 <b>Call 112 now</b> (emergency number) or <b>997</b> (Police).

    This bot is not for calling for help — reports are read within a few days. Once you are safe, you can describe the problem here: /report

## 2. What

report-category-question = <b>What is the report about?</b> Choose a group:
report-category-pick = <b>{ $group }</b> — choose the kind of threat:
report-category-other = ✏️ Other
report-category-other-question = Say briefly what the threat is (up to { $max } characters). You can add details in a moment.
report-group-road = 🚗 Roads and traffic
report-group-order = 🚨 Public order
report-group-environment = 🌳 Nature and animals
report-group-water_rail = 🌊 Water and railways
report-group-people = 🤝 People in need
report-group-other = ✏️ Other

## 3. Where

report-where-question =
    <b>Where?</b>

    • press "📍 Send my location" if you are there,
    • or 📎 → Location and pick any point on the map,
    • or type an address, e.g. <i>Kolejowa 12</i>.
report-where-share = 📍 Send my location
report-where-type = ✍️ I'll type an address
report-where-type-hint = Type the street and house number, e.g. <i>Kolejowa 12</i> or <i>al. 1 Maja 5</i>.
report-where-found = 📍 { $place } — district: { $district }
report-where-not-found = I couldn't find that address in Konin's list of streets. Check the spelling, add the house number, or send a location.
report-where-too-long = That is too long for an address. Type just the street and house number, e.g. <i>Kolejowa 12</i>, or send a location.
report-where-outside =
    This place is outside the area the Municipal Police Headquarters in Konin covers in this bot.

    You can report a threat elsewhere on the <a href="https://mapy.geoportal.gov.pl/iMapLite/KMZBPublic.html">National Safety Threat Map (KMZB)</a>, and find your district officer in the Police app "Moja Komenda". In an emergency, call 112.

    If you meant a place in Konin, please point to it again.
report-where-street-only = This street belongs to several districts. Type it with the house number, e.g. <i>Kolejowa 12</i>, or choose the section:
report-where-pick = Which address do you mean?
report-place-kept = Place unchanged.

## Similar reports nearby ("I see it too")

report-duplicates =
    <b>There are already similar open reports nearby:</b>

    { $reports }

    If it is the same problem, press "I see it too" — the district officer will see that more people report it, and you will be told about changes. No new report is needed.
report-duplicate-line = { $number }. { $category } — { $where }, { $days ->
        [0] today
        [1] yesterday
       *[other] { $days } days ago
    }, status: { $status }
report-duplicate-same-street = same street
report-duplicate-same = 👀 I see it too (no. { $number })
report-duplicate-new = It's something else — carry on
report-duplicate-closed = That report has just been closed. Here is the current list:
report-confirmed = 👀 Thank you! We added your confirmation to report <code>{ $reference }</code>. I'll let you know when its status changes.
report-confirmed-already = You already confirmed report <code>{ $reference }</code> — you follow it and will be told about changes.

## 4. When

report-when-question = <b>When does it happen?</b> (optional)
report-when-now = Now
report-when-today = Earlier today
report-when-other-day = Another day
report-when-recurring = It keeps happening
report-when-skip = Don't know / skip
report-when-date-question = Which day? Type a date, e.g. <i>25.11</i>, or choose:
report-when-yesterday = Yesterday
report-when-2-days = The day before
report-date-format = I don't understand that date. Type the day and month, e.g. <i>25.11</i> or <i>25.11.2026</i>.
report-date-future = That date ({ $day }) is in the future. Give the day it happened; yesterday, for example, is <i>{ $example }</i>.
report-date-taken = 📅 Date taken: <b>{ $day }</b>.
report-date-too-old = That was more than a year ago — this form doesn't take such events. Give a date within the last year.
report-when-days-question = On which days of the week? Tick the days and press "Done", or pick a shortcut.
report-day-on = ✅ { $day }
report-day-off = { $day }
report-days-all = Every day
report-days-weekdays = Mon–Fri
report-days-weekend = Weekend
report-days-done = Done
report-days-none = Tick at least one day.
report-when-time-question = At what time of day?
report-time-morning = in the morning (6–12)
report-time-afternoon = in the afternoon (12–18)
report-time-evening = in the evening (18–22)
report-time-night = at night (22–6)
report-time-unknown = time unknown
report-time-dont-know = Don't know
report-day-0 = Mon
report-day-1 = Tue
report-day-2 = Wed
report-day-3 = Thu
report-day-4 = Fri
report-day-5 = Sat
report-day-6 = Sun
report-when-text-now = now
report-when-text-today = today, { $time }
report-when-text-day = { $day }, { $time }
report-when-text-recurring = keeps happening: { $days }; { $time }
report-when-days-all = every day
report-when-days-weekdays = Mon–Fri
report-when-days-weekend = at weekends
report-when-text-unknown = not given

## 5. Description

report-description-question = <b>Describe what is happening</b> (optional, up to { $max } characters): what you see, how often, any distinguishing features (e.g. the colour of a car). Please don't give other people's personal data.

## 6. Photos

report-photos-question = <b>Photos</b> (optional): you can send up to { $max } photos, each up to { $megabytes } MB. Before storing them we remove their metadata, including GPS coordinates and camera details. Added: { $count } of { $max }.
report-photo-added = 🖼 Photo saved ({ $count } of { $max }). Send another or press "Done".
report-photos-done = ✅ Done
report-photos-none = No photos — go on
report-photos-clear = 🗑 Remove added photos
report-photos-limit = You can add at most { $max } photos — the extra ones were not saved.
report-photo-too-big = This photo is larger than { $megabytes } MB and was not saved. Please send a smaller one.
report-photos-refused = Photo no. { $positions } could not be read (it is not an image or the file is too large), so we removed it. You can send another one or go on.

## 7. Anonymous or not

report-anonymous-question =
    <b>Who will see your details?</b>

    🕶 <b>Anonymously</b> — the district officer and coordinators see only the report, the place and the photos. They don't see who sent it. The bot remembers the report is yours only to tell you about status changes and to show it in "My reports".

    🙋 <b>With my details</b> — the district officer will see that the report comes from you. If you share your phone number, they can call you back to ask about details; they see the number only after pressing "show phone", and every such view is recorded.
report-anonymous-yes = 🕶 Anonymously
report-anonymous-no = 🙋 With my details
report-phone-question = May the district officer call you back? Press "Share my number" — only the police officers handling the report will see it. By sharing it you agree to be contacted about this matter. You can also go on without a phone number.
report-phone-share = 📞 Share my number
report-phone-skip = No phone
report-phone-saved = 📞 Thank you, number saved.
report-phone-skipped = All right, no phone.
report-phone-not-own = That is not your number. We can only save your own — press "Share my number" or choose "No phone".

## 8. Summary

report-summary =
    <b>Check your report</b>

    <b>What:</b> { $category }
    <b>Where:</b> { $place }
    <b>District:</b> { $district }
    <b>When:</b> { $when }
    <b>Description:</b> { $description }
    <b>Photos:</b> { $photos }
    <b>Sender:</b> { $who }
report-summary-none = none
report-summary-anonymous = anonymous
report-summary-named = with your details, no phone
report-summary-named-phone = with your details, phone { $phone }
report-send = ✅ Send
report-change = ✏️ Change a field
report-cancel = ✖️ Cancel
report-cancelled = Report cancelled, nothing was sent. In an emergency, call 112.
report-edit-question = What would you like to change?
report-edit-category = What (category)
report-edit-where = Where
report-edit-when = When
report-edit-description = Description
report-edit-photos = Photos
report-edit-anonymous = Anonymity and phone

## Sent

report-sent =
    ✅ <b>Report sent.</b> Reference: <code>{ $reference }</code>

    What happens next: { $by ->
        [district] the officer of your district
       *[police] the police
    } will usually read it within { $read_days ->
        [one] { $read_days } day
       *[other] { $read_days } days
    } and check it on the spot within about { $verify_days ->
        [one] { $verify_days } day
       *[other] { $verify_days } days
    }. I'll write here whenever its status changes; you'll find all your reports in "My reports" (/my).

    If the situation becomes dangerous, call 112.
report-my-reports = 📋 My reports
report-limit-reached = You have already sent the maximum number of reports in the last 24 hours. You can send the next one after { $until }. In an emergency, call 112.
report-limit-reached-draft = You have already sent the maximum number of reports in the last 24 hours. This report is kept as a draft (for { $days } days) — you can send it after { $until }. In an emergency, call 112.

## Statuses

report-status-new = new
report-status-taken = taken
report-status-verifying = being verified
report-status-confirmed = confirmed
report-status-not_confirmed = not confirmed
report-status-eliminated = eliminated
report-status-forwarded = handed to another body
report-status-reopened = reopened

## My reports

mine-list = <b>Your reports</b> ({ $count }). Choose one to see its history:
mine-empty = You have no reports yet.
mine-start-report = ⚠️ Report a threat
mine-report-button = { $reference } · { $date } · { $status }
mine-newer = ⬅️ Newer
mine-older = Older ➡️
mine-back = ⬅️ My reports
mine-report =
    <b>Report <code>{ $reference }</code></b>

    <b>What:</b> { $category }
    <b>Where:</b> { $place }
    <b>Sent:</b> { $created }
    <b>Status:</b> { $status }
    <b>Confirmations by other residents:</b> { $confirmations }

    <b>History:</b>
    { $history }
mine-event-created = { $at } — sent
mine-event-status = { $at } — { $status }
