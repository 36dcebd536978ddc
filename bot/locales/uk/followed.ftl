# Reports a resident joined with "Я теж це бачу": in My reports (marked 👀), left from there;
# and the buttons of a report form that is over. Telegram HTML only: <b>, <i>, <u>, <s>,
# <code>, <a href>. Button labels (mine-followed-button, mine-leave) are plain text.

mine-followed-button = 👀 { $reference } · { $date } · { $status }
mine-followed-report =
    👀 <b>Звернення, за яким ви стежите: <code>{ $reference }</code></b>

    <b>Що:</b> { $category }
    <b>Де (приблизно):</b> { $place }
    <b>Надіслано:</b> { $created }
    <b>Статус:</b> { $status }
    <b>Підтвердження мешканців:</b> { $confirmations }

    <b>Історія:</b>
    { $history }

    Ви теж підтвердили його («Я теж це бачу»), тому отримуєте інформацію про зміни.
mine-leave = 🚪 Більше не стежити
mine-left = Ви більше не стежите за зверненням <code>{ $reference }</code> — ми не писатимемо про його зміни. Ваше підтвердження залишається у зверненні.
report-followed-status = 👀 Ви стежите за зверненням <code>{ $reference }</code> — статус: { $status }. Усі ваші звернення й ті, за якими ви стежите, — у «Моїх зверненнях».
report-form-closed = Ця форма звернення вже закрита. Ваше останнє звернення: <code>{ $reference }</code> — статус: { $status }. Нове звернення можна почати командою /report.
