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

## An unfinished report: what it holds, kept aside during /dzielnicowy, cancelled only when sure

report-draft-point = punkt na mapie
report-draft-photos = { $count ->
        [one] 1 zdjęcie
        [few] { $count } zdjęcia
       *[other] { $count } zdjęć
    }
report-draft-description = z opisem
report-draft-empty = jeszcze bez odpowiedzi
report-parked = 📝 Twoje niedokończone zgłoszenie (<b>{ $what }</b>) czeka — dokończysz je poleceniem /zglos.
report-resumed = { $placed ->
        [yes] 📝 Wracamy do Twojego niedokończonego zgłoszenia — z tym miejscem.
       *[no] 📝 Wracamy do Twojego niedokończonego zgłoszenia. Miejsce zostało takie, jak je podano wcześniej; zmienisz je w podsumowaniu.
    }
report-cancel-question = Na pewno anulować zgłoszenie? Nic nie zostanie wysłane, a wpisane odpowiedzi (<b>{ $what }</b>) zostaną usunięte.
report-cancel-yes = 🗑 Tak, usuń zgłoszenie
report-cancel-no = ⬅️ Nie, wróć do podsumowania
