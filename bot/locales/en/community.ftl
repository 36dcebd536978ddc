# District officers in community life: district news (subscription), announcements, meetings.
# Telegram HTML: <b>, <i>, <code>, <a href>. Button labels are plain text.

command-notifications = News from my district
community-subscribe-button = 🔔 News from this district
community-unsubscribe-button = 🔕 Unsubscribe from this district's news
community-unsubscribe-from = 🔕 Unsubscribe: { $district }
community-subscribed =
    🔔 Done: you will get news from the district officers of <b>{ $district }</b> here — announcements, warnings (e.g. a wave of scam phone calls) and invitations to meetings.
    You can unsubscribe at any time: with the button under every such message or in /notifications. We keep only that you subscribed to this district — until you unsubscribe or use /delete_my_data.
community-already-subscribed = 🔔 You already get the news of <b>{ $district }</b>.
community-unsubscribed = 🔕 You will get no more news from <b>{ $district }</b>. You can subscribe again from the district officer's card (/officer).
community-district-gone = This district is no longer in the directory. Find your district officer: /officer.
community-no-subscriptions = You get no district's news. Find your district officer (/officer) and press "🔔 News from this district" on their card: you will get announcements, warnings and invitations to meetings with residents.
community-subscriptions = 🔔 You get news from the district officers of: <b>{ $districts }</b>. A button below unsubscribes from a district.
community-button-gone = This button is no longer valid — nothing was changed.
community-privacy-notice = <b>District news:</b> if you subscribe, we keep which district it is (and which meetings you plan to attend) — until you unsubscribe (/notifications) or use /delete_my_data.
privacy-data-subscriptions = District news (subscriptions): { $count }
privacy-data-meetings = Meetings you plan to attend: { $count }

## Announcements and meetings (/ogloszenie, /ogloszenia)

command-announce = An announcement or a meeting for residents
command-announcements = My announcements and who will come
community-officers-only = This command is for district officers and coordinators with a linked account.
community-announce-no-district = You have no district assigned, so there is nobody to send an announcement to. A coordinator can write to the whole station.
community-announce-kind = 📢 What do you want to tell the residents who subscribe to the district's news?
community-kind-news = 📰 News
community-kind-warning = ⚠️ Warning
community-kind-meeting = 📅 Meeting
community-announce-meeting-kind = What kind of meeting?
community-meeting-kind = { $meeting ->
        [council] 🏛 Council session
        [office_hours] 🕒 Officer's office hours
       *[debate] 🗣 Public debate
    }
community-announce-audience = To whom?
community-audience-option = { $whole ->
        [all] 🌐 All stations (powiat)
        [s] 🏢 Whole station: { $name }
       *[d] 📍 { $name }
    }
community-announce-text = Write the text in Polish (at most { $max } characters). Residents will see it like this.
community-announce-translation = { $lang ->
        [uk] A Ukrainian translation? Type it or skip — Ukrainian-speaking residents then get the Polish text.
       *[en] An English translation? Type it or skip — English-speaking residents then get the Polish text.
    }
community-announce-skip = ⏭ Skip
community-announce-when = When? Type the date and time, e.g. <code>{ $example }</code>.
community-announce-bad-when = I cannot read this date, or it has passed. Type the meeting's date and time within the next year, e.g. <code>{ $example }</code>.
community-announce-place = Where? Type the place, e.g. "Oskard cultural centre, Energetyka 3, room 12".
community-announce-pin = Add a pin on the map: send a location (📎 → Location) or skip.
community-announce-use-buttons = Please answer the question above (with text or a button).
community-announce-too-long = Too long: { $length } characters, at most { $max }. Please shorten it and send it again.
community-announce-preview = 👀 Preview — residents will see this:
community-announce-confirm = Send it to { $count ->
        [one] { $count } person
       *[other] { $count } people
    } subscribed to this news? Translations: { $translations }. Messages go out gradually, at the pace Telegram allows.
community-translation-name = { $lang ->
        [uk] Ukrainian
       *[en] English
    }
community-translations-none = none
community-announce-send = ✅ Send
community-announce-cancel = ✖️ Cancel
community-announce-cancelled = Cancelled — nothing was sent.
community-announce-sent = ✅ Announcement no. { $number } queued for { $count ->
        [one] { $count } person
       *[other] { $count } people
    }. How many got it and who will come: /ogloszenia.
community-news = 📰 <b>News from your district officer</b> — { $whole ->
        [all] all stations
       *[other] { $area }
    }

    { $text }
community-warning = ⚠️ <b>Police warning</b> — { $whole ->
        [all] all stations
       *[other] { $area }
    }

    { $text }
community-meeting = 📅 <b>{ $meeting ->
        [council] Council session with the district officer
        [office_hours] District officer's office hours
       *[debate] Public debate
    }</b> — { $whole ->
        [all] all stations
       *[other] { $area }
    }

    { $text }

    🗓 <b>When:</b> { $when }
    📍 <b>Where:</b> { $place }
community-meeting-map = 🗺 <a href="{ $url }">The place on the map</a>
community-signature = — { $author }
community-attend-button = ✋ I'll come
community-withdraw-button = I won't come after all
community-attending = ✋ Noted: the meeting on { $when }, { $place }. I will remind you the day before.
community-not-attending = All right, we no longer count you in for the meeting on { $when }.
community-meeting-over = This meeting has already taken place ({ $when }).
community-reminder = ⏰ <b>Reminder: tomorrow, { $meeting ->
        [council] council session
        [office_hours] district officer's office hours
       *[debate] public debate
    }</b> — { $area }
    🗓 { $when }
    📍 { $place }

    { $text }
community-reminder-officer = ⏰ Tomorrow { $when }: { $meeting ->
        [council] council session
        [office_hours] office hours
       *[debate] debate
    }, { $place }. Said they will come: { $count }.
community-list-empty = No announcements yet. A new one: /ogloszenie.
community-list = 📢 <b>Latest announcements</b>
    { $lines }
community-list-line = • no. { $number } · { $when } · { $kind ->
        [meeting] meeting
        [warning] warning
       *[news] news
    } · { $whole ->
        [all] all stations
       *[other] { $area }
    } · sent to: { $recipients }{ $kind ->
        [meeting] {" "}· coming: { $coming }
       *[other] {""}
    }{ $cancelled ->
        [yes] {" "}· cancelled
       *[no] {""}
    }

## Changing and cancelling a meeting (/spotkania)

command-meetings = My upcoming meetings: who will come, change, cancel
community-meeting-card = 📅 <b>Meeting no. { $number }</b>: { $meeting ->
        [council] council session
        [office_hours] office hours
       *[debate] public debate
    } — { $whole ->
        [all] all stations
       *[other] { $area }
    }
    🗓 { $when } · 📍 { $place }
    { $state ->
        [cancelled] ❌ <b>Cancelled.</b> Residents are being told.
        [over] It took place. Said they would come: { $coming }.
       *[open] 📨 Queued for { $recipients ->
            [one] { $recipients } person
           *[other] { $recipients } people
        } · ✋ coming: <b>{ $coming }</b>
    }
community-meeting-change-button = ✏️ Change date or place
community-meeting-cancel-button = ❌ Cancel the meeting
community-meetings = 📅 Upcoming meetings ({ $count }). Under each: change its date or place, or cancel it; the "I'll come" count updates itself.
community-meetings-none = No upcoming meetings. A new one: /ogloszenie → 📅 Meeting.
community-meeting-cancel-confirm = Cancel meeting no. { $number } ({ $when }, { $place })? Everyone who got the invitation, and those who said they will come, will be told it is cancelled — gradually, like the invitation. There will be no reminder.
community-meeting-cancel-yes = ❌ Yes, cancel it
community-meeting-cancel-no = ↩️ No, keep it
community-meeting-kept = All right — the meeting stays as it is.
community-meeting-cancel-done = ❌ Meeting no. { $number } cancelled. The notice is queued for { $count ->
        [one] { $count } person
       *[other] { $count } people
    }.
community-meeting-already-cancelled = Meeting no. { $number } ({ $when }) is already cancelled.
community-meeting-keep = ⏭ No change
community-meeting-change-when = ✏️ Changing meeting no. { $number }. Now: <b>{ $when }</b>. Type the new date and time (e.g. <code>{ $example }</code>) or leave it unchanged.
community-meeting-bad-when = I can't read that date, or it has passed. Type the new date and time within a year, e.g. <code>{ $when }</code>, or press "⏭ No change".
community-meeting-change-place = The place now: <b>{ $place }</b>. Type the new place or leave it unchanged.
community-meeting-change-confirm = Meeting no. { $number } after the change:
    🗓 { $when }{ $moved ->
        [yes] {" "}(new date)
       *[no] {""}
    }
    📍 { $place }{ $replaced ->
        [yes] {" "}(new place)
       *[no] {""}
    }
    Save and tell those who got the invitation (and those who said they will come)? Those who said they will come stay on the list.
community-meeting-change-save = ✅ Save and tell them
community-meeting-unchanged = Nothing changes — the meeting stays as it was.
community-meeting-change-done = ✅ Meeting no. { $number } changed. The notice is queued for { $count ->
        [one] { $count } person
       *[other] { $count } people
    }.
community-meeting-cancelled = ❌ <b>Cancelled: { $meeting ->
        [council] council session with the district officer
        [office_hours] the district officer's office hours
       *[debate] public debate
    }</b> — { $whole ->
        [all] all stations
       *[other] { $area }
    }
    🗓 { $when }
    📍 { $place }
    The meeting will not take place. We are sorry.
community-meeting-changed = 📅 <b>Changed: { $meeting ->
        [council] council session with the district officer
        [office_hours] the district officer's office hours
       *[debate] public debate
    }</b> — { $whole ->
        [all] all stations
       *[other] { $area }
    }
    🗓 <b>When:</b> { $when }{ $moved ->
        [no] {""}
       *[yes] {" "}(instead of { $was_when })
    }
    📍 <b>Where:</b> { $place }{ $replaced ->
        [no] {""}
       *[yes] {" "}(instead of: { $was_place })
    }
    { $coming ->
        [yes] ✋ You said you will come: that still stands.{ $remind ->
            [yes] {" "}I will remind you the day before.
           *[no] {""}
        }
       *[no] Will you come? Press "✋ I'll come".
    }
community-meeting-changed-by = { $change ->
        [cancelled] ❌ Your meeting no. { $number } ({ $when }, { $place }) was cancelled by { $actor }. Residents are being told.
       *[changed] ✏️ Your meeting no. { $number } was changed by { $actor }. Now: { $when }, { $place }. Residents are being told.
    }
community-meeting-cancelled-attend = This meeting ({ $when }) has been cancelled — it will not take place.

community-office-hours = 🕒 <b>Next office hours:</b>
    { $slots }
community-office-hours-slot = • { $weekday ->
        [0] Mon
        [1] Tue
        [2] Wed
        [3] Thu
        [4] Fri
        [5] Sat
       *[6] Sun
    } { $date }, { $start }–{ $end }
community-office-hours-slot-place = • { $weekday ->
        [0] Mon
        [1] Tue
        [2] Wed
        [3] Thu
        [4] Fri
        [5] Sat
       *[6] Sun
    } { $date }, { $start }–{ $end }, { $place }

## Statistics for debates (/statystyki, python -m bot reports stats)

command-stats = The station's report statistics (charts)
community-stats-coordinators-only = Statistics are for coordinators with a linked account.
community-stats-bad-days = Give a number of days from 1 to { $max }, e.g. <code>/statystyki 30</code>.
community-stats-coming = 📊 Drawing the charts of your station's reports of the last { $days } days: by category, by district and by gmina. They will arrive in a moment.
community-stats-all-units = all stations
community-stats-outside = outside the districts
community-stats-unknown-gmina = { $station }: gmina unknown
community-stats-title = Reports { $since }–{ $until } · { $unit } · { $by ->
        [district] by district
        [gmina] by gmina
       *[category] by category
    } ({ $total })
community-stats-per-month = Reports per month
community-stats-per-group = Reports and confirmed ones (share confirmed) — { $by ->
        [district] districts
        [gmina] gminas
       *[category] categories
    }
community-stats-reports = reports
community-stats-confirmed = confirmed
community-stats-medians = Median time from sending: to being taken and to being closed
community-stats-take = to take
community-stats-close = to close
community-stats-hours = hours
community-stats-empty = No reports in this period
