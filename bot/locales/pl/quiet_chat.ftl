# A chat that does not drown the resident: photos and albums, what is sent outside a
# conversation, an unfinished report kept aside. Telegram HTML only: <b>, <i>, <u>, <s>,
# <code>, <a href>. Button labels are plain text.

## Photos and captions

report-caption-kept = ✍️ Podpis zdjęcia dopisaliśmy do opisu.
report-caption-too-long = Podpis zdjęcia nie zmieścił się w opisie (najwyżej { $max } znaków) — opis zmienisz w podsumowaniu.
report-photos-kept-describe = 🖼 Zdjęcie zapisane ({ $count } z { $max }) — dołączymy je do zgłoszenia. Teraz <b>opisz, co się dzieje</b>, albo naciśnij „Pomiń”.

## Sent outside a conversation: kept, with the offer to report with it

offer-kept-photos = 🖼 { $count ->
        [one] Mam Twoje zdjęcie.
        [few] Mam Twoje { $count } zdjęcia.
       *[other] Mam Twoje { $count } zdjęć.
    }
offer-kept-place = 📍 { $place } — rejon: { $district }
offer-kept-text = ✍️ Twoja wiadomość: <i>{ $text }</i>
offer-question = Chcesz zgłosić zagrożenie? To, co przysłano, od razu trafi do zgłoszenia. Jeśli komuś grozi niebezpieczeństwo teraz, dzwoń pod <b>112</b>.
offer-report = ⚠️ Zgłoś zagrożenie z tym
offer-officer = 👮 Pokaż dzielnicowego tego miejsca
offer-drop = ✖️ Nie, dziękuję
offer-dropped = W porządku, nic nie zostało zapisane.
