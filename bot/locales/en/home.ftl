# The first conversation: welcome, main menu, help, privacy notice, language choice, and the
# notices of the gatekeeper and the error handler. Telegram HTML only: <b>, <i>, <u>, <s>, <code>, <a href>.

## Welcome and main menu

home-welcome =
    <b>Together for Safety</b> (Razem dla bezpieczeństwa) — the bot of the Municipal Police Headquarters in Konin.

    Here you can report a threat in your neighbourhood (e.g. a dangerous place, vandalism, illegal dumping), find your district officer (dzielnicowy) and follow what happens with your reports.

    <b>This is not an emergency line.</b> District officers check reports within a few days. If something is happening now and endangers life, health or property, call:
    🚨 <b>112</b> — emergency number
    👮 <b>997</b> — Police
    🏙 <b>986</b> — City Guard (Straż Miejska)

    What would you like to do?
home-menu = What would you like to do?
menu-report = ⚠️ Report a threat
menu-lookup = 👮 My district officer
menu-mine = 📋 My reports
menu-help = ❓ Help

## Help and privacy

home-help =
    <b>How to use this bot</b>

    • <b>Report a threat</b> — describe a problem in your area and show where it is (a location or an address). You can add { $photos ->
        [one] a photo
       *[other] up to { $photos } photos
    }. A report can be anonymous.
    • <b>My district officer</b> — give an address and I will show your district officer and how to contact them.
    • <b>My reports</b> — see what is happening with your reports.

    Commands:
    /start — main menu
    /report — report a threat
    /officer — find your district officer
    /my — your reports and their status
    /notifications — news and meetings from your district (subscription)
    /help — this help
    /language — change the language (polski, українська, English)
    /privacy — how we protect your data
    /cancel — stop the current conversation

    In an emergency do not write here — call <b>112</b> (Police: 997, City Guard: 986).
home-privacy =
    <b>Privacy and your data</b>

    <b>Data controller:</b> { $controller }
    <b>Data protection officer:</b> { $dpo }

    <b>What we store:</b> your Telegram id, the language you chose, where you are in a conversation, and the content of your reports (category, place, description, photos). Your phone number only if you share it yourself.
    <b>Who sees what:</b> reports are read by the district officers and coordinators of the Konin police. For an anonymous report they do not see who sent it. They see your phone only with your consent and only after pressing “show phone” — every such view is recorded.
    <b>Photos</b> are re-encoded without metadata (among others without GPS coordinates and camera details).
    <b>How long:</b> a report — { $report_days ->
        [one] { $report_days } day
       *[other] { $report_days } days
    } after it is closed, then it is anonymised; an unfinished draft — { $draft_days ->
        [one] { $draft_days } day
       *[other] { $draft_days } days
    }; received messages in raw form — { $inbox_hours ->
        [one] { $inbox_hours } hour
       *[other] { $inbox_hours } hours
    }.
    <b>Your rights:</b> access to your data, rectification, erasure or restriction of processing, objection, and a complaint to the President of the Personal Data Protection Office (Prezes UODO). For anything about your data, write to the data protection officer.

    Messages pass through Telegram's servers; Telegram's own processing is governed by Telegram's policies.

## Outside any flow

home-unknown-text =
    I did not understand that message. Please choose one of the options below.
    If something is happening now and someone is in danger, call <b>112</b>.
home-unknown-command = I do not know that command. /help lists the commands.
home-unknown-media = { $kind ->
        [sticker] Stickers are nice, but I cannot read them here.
        [voice] I do not listen to voice messages — please write instead.
        [video] I do not play videos — please write instead.
       *[other] I cannot read this kind of message here.
    }
home-unknown-contact = I do not need your phone number now, and I did not store it.
home-cancelled = Stopped. The unfinished entries were deleted.
home-nothing-to-cancel = There was nothing to stop.
home-resume-offer = You have an unfinished report: <b>{ $what }</b>. Finish it, or delete it and start again?
home-resume-continue = ▶️ Continue
home-resume-discard = 🗑 Delete it and start again
home-draft-expired = Your unfinished draft waited longer than { $days ->
        [one] { $days } day
       *[other] { $days } days
    } and was deleted.
home-flow-waiting = The conversation you started is waiting: send /start to go back to it.

## Language

# The language's own name, shown on its button in every language.
language-native = English
language-option = { $name }
language-option-current = ✓ { $name }
language-choose-first =
    Hello! Choose the language of our conversation.
    <i>Wybierz język rozmowy · Оберіть мову розмови</i>

    In an emergency call <b>112</b>.
language-choose = Choose the language of our conversation:
language-set = Done — we will talk in English.

## Commands in Telegram's menu (plain text, at most 256 characters)

command-start = Main menu
command-help = Help and the list of commands
command-language = Change the language
command-privacy = Privacy and your data
command-cancel = Stop the current conversation

## Gatekeeper

gate-group-private = I do not take reports in groups. Write to me privately: <a href="{ $link }">{ $link }</a>. In an emergency call <b>112</b>.
gate-open-private = 💬 Write to the bot
gate-blocked = This account can no longer use this bot. If you think this is a mistake, contact the Municipal Police Headquarters in Konin. In an emergency call <b>112</b>.
gate-flood = You are sending a lot of messages at once — please slow down. I will skip further messages for a moment. If something is happening now, call <b>112</b>.
gate-edited = I do not read edited messages. Please send the corrected text as a new message.

## For the ops chat (no personal data)

ops-handler-error = ⚠️ Error while handling update { $update_id }: <code>{ $error }</code>. Details are in the logs.
command-report = Report a threat
command-mine = My reports and their status
