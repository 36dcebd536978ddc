# Partner institutions (partners.csv): their chat's invite, the reports officers forward to them,
# their answers, and what officers and residents are told. Telegram HTML only: <b>, <i>, <u>,
# <s>, <code>, <a href>. Button labels (partners-btn-*, partners-forward-to), states
# (partners-state-*) and popups (partners-refused*, partners-thanks-*) are plain text.

partners-linked = ✅ Ten czat należy teraz do: <b>{ $name }</b>. Tutaj będą przychodzić zgłoszenia przekazane przez policję, bez danych zgłaszających. Pod każdym są przyciski: Przyjęte, Załatwione, Nie nasze.
partners-linked-announce = 🔗 Czat instytucji partnerskiej powiązany: { $name } ({ $code }), czat „{ $chat }”. Jeśli to pomyłka, wystaw nowe zaproszenie: python -m bot partners invite { $code }.

partners-forward-choose = Komu przekazać zgłoszenie { $reference }? Instytucje partnerskie tej gminy dostaną je w swoim czacie (bez danych zgłaszającego) i odpowiedzą przyciskami.
partners-forward-to = 🏛 { $name }

partners-report =
    🏛 <b>Zgłoszenie przekazane przez policję: <code>{ $reference }</code></b>

    <b>Co:</b> { $category }
    <b>Gdzie:</b> { $place }
    <b>Gmina:</b> { $gmina }
    <b>Kiedy:</b> { $when }

    Dane zgłaszającego zostają w policji. Odpowiedzcie przyciskiem: zgłaszający i dzielnicowy dostaną informację.
partners-report-description = <b>Opis:</b> { $description }

partners-btn-acc = ✅ Przyjęte
partners-btn-done = 🏁 Załatwione
partners-btn-no = ↩️ Nie nasze

partners-state-sent = czeka na odpowiedź
partners-state-accepted = przyjęte
partners-state-done = załatwione
partners-state-not_ours = nie wasze (wróciło do policji)

partners-refused = Ten przycisk nie dotyczy tego czatu albo jest nieprawidłowy. Nic nie zostało zmienione.
partners-refused-state = { $reference }: tej odpowiedzi nie można już dać (teraz: { $state }).
partners-thanks-acc = { $reference }: przyjęte. Dziękujemy — po załatwieniu naciśnijcie „Załatwione”.
partners-thanks-done = { $reference }: załatwione. Dziękujemy, zgłaszający dostanie informację.
partners-thanks-no = { $reference }: wróciło do policji. Dziękujemy.

partners-resident-forwarded = ↪️ Zgłoszenie <b>{ $reference }</b> przekazano instytucji: <b>{ $name }</b>. Damy znać, gdy odpowie.
partners-resident-accepted = 🏛 <b>{ $name }</b> przyjmuje Twoje zgłoszenie <b>{ $reference }</b> i zajmie się nim.
partners-resident-done = 🏁 <b>{ $name }</b> informuje, że sprawa ze zgłoszenia <b>{ $reference }</b> została załatwiona. Jeśli problem nadal występuje, naciśnij przycisk poniżej.
partners-resident-not-ours = 🔁 <b>{ $name }</b> nie zajmuje się takimi sprawami — zgłoszenie <b>{ $reference }</b> wróciło do dzielnicowego.

partners-reason-partner_silent = ⏰ <b>Eskalacja:</b> instytucja, której przekazano to zgłoszenie, nie odpowiedziała w wyznaczonym czasie. Skontaktuj się z nią albo przejmij sprawę.
partners-reason-partner_declined = ↩️ <b>Wróciło od instytucji:</b> instytucja odpowiedziała „Nie nasze”. Zgłoszenie znów jest Twoje.

partners-history-partner_accepted = { $name }: przyjęte
partners-history-partner_done = { $name }: załatwione
partners-history-partner_not_ours = { $name }: nie nasze
partners-history-partner_escalated = { $name } nie odpowiada: eskalacja do koordynatorów
