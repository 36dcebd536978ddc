# Reports a resident joined with "I see it too": in My reports (marked 👀), left from there;
# and the buttons of a report form that is over. Telegram HTML only: <b>, <i>, <u>, <s>,
# <code>, <a href>. Button labels (mine-followed-button, mine-leave) are plain text.

mine-followed-button = 👀 { $reference } · { $date } · { $status }
mine-followed-report =
    👀 <b>Report you follow: <code>{ $reference }</code></b>

    <b>What:</b> { $category }
    <b>Where (roughly):</b> { $place }
    <b>Sent:</b> { $created }
    <b>Status:</b> { $status }
    <b>Residents' confirmations:</b> { $confirmations }

    <b>History:</b>
    { $history }

    You confirmed it too ("I see it too"), so you are told of its changes.
mine-leave = 🚪 Stop following
mine-left = You no longer follow report <code>{ $reference }</code> — we will not write about its changes. Your confirmation stays with the report.
report-followed-status = 👀 You follow report <code>{ $reference }</code> — status: { $status }. All your reports and those you follow are in "My reports".
report-form-closed = This report form is already closed. Your latest report: <code>{ $reference }</code> — status: { $status }. Start a new report with /report.
