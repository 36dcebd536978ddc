# Reports a resident joined with "Też to widzę": in My reports (marked 👀), left from there;
# and the buttons of a report form that is over. Telegram HTML only: <b>, <i>, <u>, <s>,
# <code>, <a href>. Button labels (mine-followed-button, mine-leave) are plain text.

mine-followed-button = 👀 { $reference } · { $date } · { $status }
mine-followed-report =
    👀 <b>Obserwowane zgłoszenie <code>{ $reference }</code></b>

    <b>Co:</b> { $category }
    <b>Gdzie (w przybliżeniu):</b> { $place }
    <b>Wysłane:</b> { $created }
    <b>Status:</b> { $status }
    <b>Potwierdzenia mieszkańców:</b> { $confirmations }

    <b>Historia:</b>
    { $history }

    Potwierdzono je również z Twojego konta („Też to widzę”), dlatego dostajesz informacje o zmianach.
mine-leave = 🚪 Przestań obserwować
mine-left = Nie obserwujesz już zgłoszenia <code>{ $reference }</code> — nie będziemy pisać o jego zmianach. Twoje potwierdzenie zostaje w zgłoszeniu.
report-followed-status = 👀 Obserwujesz zgłoszenie <code>{ $reference }</code> — status: { $status }. Wszystkie swoje i obserwowane zgłoszenia są w „Moich zgłoszeniach”.
report-form-closed = Ten formularz zgłoszenia jest już zamknięty. Twoje ostatnie zgłoszenie: <code>{ $reference }</code> — status: { $status }. Nowe zgłoszenie zaczniesz poleceniem /zglos.
