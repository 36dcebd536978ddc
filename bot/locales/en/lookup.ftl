# "Mój dzielnicowy": the district officer for a shared location or a typed address.
# Telegram HTML only: <b>, <i>, <u>, <s>, <code>, <a href>.

# Telegram's command menu (plain text, at most 256 characters).
command-lookup = Find your district officer

## Asking for the place

lookup-ask =
    👮 <b>My district officer</b>

    Type an address (e.g. <i>Kolejowa 5</i> or <i>ul. Chopina 16a, Konin</i>) or tap “📍 Send location”, and I will show you the district officer (dzielnicowy) responsible for that place.

    If something is happening now and someone is in danger, call <b>112</b>.
lookup-share-location = 📍 Send location
lookup-ask-again = Want to check another address? Type it or send a location. Main menu: /start
lookup-too-long = That is too long for an address (at most { $limit } characters). Type just the street and number, e.g. <i>Kolejowa 5</i>.
lookup-wrong-kind = { $kind ->
        [sticker] A sticker won't help me find an address 🙂
        [voice] I don't listen to voice messages.
        [photo] I can't read an address from a photo.
        [contact] I don't need your phone number, and I haven't saved it.
       *[other] I can't read this kind of message.
    } Please type an address or send a location.
lookup-not-found = I couldn't find “{ $text }” in the districts' street list. Check the spelling and type the street with a number (e.g. <i>Kolejowa 5</i>), or send a location.
lookup-outside-town = The town in “{ $text }” is outside the area this bot serves. You can find the district officer for any place in Poland in the <b>Moja Komenda</b> app, and report a threat on the <a href="https://mapy.geoportal.gov.pl/iMapLite/KMZBPublic.html">National Map of Security Threats (KMZB)</a>. In an emergency call <b>112</b>.
lookup-outside-area = This place is outside the area this bot serves (the nearest district is about { $distance } { $unit ->
        [m] m
       *[km] km
    } away). You can find the district officer for any place in Poland in the <b>Moja Komenda</b> app, and report a threat on the <a href="https://mapy.geoportal.gov.pl/iMapLite/KMZBPublic.html">National Map of Security Threats (KMZB)</a>. In an emergency call <b>112</b>.
lookup-point-unsupported = I can't match locations to districts yet. Please type the address: street and number.
lookup-geocoding = That address is not in the street list. I'm checking it on the map and will answer in a moment.
lookup-geocoding-wait = I'm still checking the previous address on the map. You can wait or type another address.

## Ambiguous addresses

lookup-ambiguous = “{ $text }” matches several places. Which one do you mean?
lookup-street-only = The street “{ $text }” belongs to several districts. Type the house number or choose a range of numbers:
lookup-candidate = { $street } · { $district }

## The officer's card

lookup-found-address = 📍 { $address }
lookup-found-point = 📍 The location you sent
lookup-found-venue = 📍 { $address }
lookup-card = 👮 <b>District officer: { $district }</b>
lookup-card-officer =
    <b>{ $rank } { $name }</b>
    📞 { $phone }
    ✉️ { $email }
lookup-card-officer-no-email =
    <b>{ $rank } { $name }</b>
    📞 { $phone }
lookup-card-no-officer = No district officer is assigned to this district at the moment. Please call the police station below.
lookup-card-station =
    🏢 <b>{ $name }</b>
    { $address }
    ☎️ { $phone } · 🕘 { $hours }
lookup-card-station-no-hours =
    🏢 <b>{ $name }</b>
    { $address }
    ☎️ { $phone }
lookup-card-sample = ⚠️ <b>SAMPLE (PRZYKŁAD)</b>: this is made-up test data — do not call these numbers. You can find the real district officer in the Moja Komenda app.
lookup-card-streets =
    🗺 <b>Streets of the district</b>{ $pages ->
        [1] {""}
       *[other] {" "}({ $page }/{ $pages })
    }:
    { $streets }
lookup-card-emergency = The district officer does not take emergency calls: in an emergency call <b>112</b>.
lookup-contact-button = 📇 Save contact: { $name }
lookup-streets-more = More streets ({ $page }/{ $pages }) ▸
lookup-streets-show = 🗺 Show the district's streets ({ $count })
lookup-streets-page =
    🗺 <b>{ $district }</b>, streets{ $pages ->
        [1] {""}
       *[other] {" "}({ $page }/{ $pages })
    }:
    { $streets }
lookup-report-here = Would you like to report a threat at this place?
lookup-report-button = ⚠️ Report a threat here
lookup-contact-gone = This officer is no longer in the list of district officers. Please check again: /officer
# Appended to a sample officer's surname on the contact card.
lookup-contact-sample = (SAMPLE)
