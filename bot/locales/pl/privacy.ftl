# Prywatność i bezpieczeństwo: „Też to widzę” bez odległości, limity wznowień, blokowanie
# mieszkańców, którzy potwierdzili zgłoszenie, prawa mieszkańców (RODO).
# Telegram HTML only: <b>, <i>, <u>, <s>, <code>, <a href>.
# Fragments (privacy-duplicate-nearby, privacy-history-follower) must be plain text: no tags.

## „Też to widzę”

privacy-duplicate-nearby = niedaleko

## „Nadal występuje”

privacy-reopen-limit-report = Zgłoszenie <code>{ $reference }</code> wznawiano już { $count ->
        [one] raz
        [few] { $count } razy
       *[other] { $count } razy
    }. Jeśli problem nadal występuje, wyślij, proszę, nowe zgłoszenie: /zglos
privacy-reopen-limit-user = Dziś wznowiono już { $max ->
        [one] jedno zgłoszenie
        [few] { $max } zgłoszenia
       *[other] { $max } zgłoszeń
    } z Twojego konta — tyle można w ciągu doby. Jeśli problem nadal występuje, wyślij nowe zgłoszenie: /zglos

## Historia i blokowanie (dla koordynatorów)

privacy-history-follower = mieszkaniec #{ $number }
# Named operations-history-* so that the officers' history finds it (queries.py).
operations-history-resident_confirmed = potwierdzenie („Też to widzę”)
privacy-ban-no-follower = Zgłoszenie { $reference } nie ma mieszkańca #{ $number } (numer z historii zgłoszenia).
privacy-blocked-follower = 🚫 Zablokowano mieszkańca #{ $number } ze zgłoszenia { $reference }. Dostanie jedną uprzejmą informację, a jego kolejne wiadomości będą pomijane. Cofnięcie: <code>/odblokuj { $reference } #{ $number }</code>
privacy-unblocked-follower = ✅ Odblokowano mieszkańca #{ $number } ze zgłoszenia { $reference }. Dostał wiadomość, że znowu może pisać.
