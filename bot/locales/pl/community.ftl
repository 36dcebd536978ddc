# Dzielnicowi w życiu społeczności: wiadomości z rejonu (subskrypcja), ogłoszenia, spotkania.
# Telegram HTML: <b>, <i>, <code>, <a href>. Etykiety przycisków to zwykły tekst.

command-notifications = Wiadomości z mojego rejonu
community-subscribe-button = 🔔 Wiadomości z tego rejonu
community-unsubscribe-button = 🔕 Wypisz się z wiadomości rejonu
community-unsubscribe-from = 🔕 Wypisz: { $district }
community-subscribed =
    🔔 Zapisano: dostaniesz tu wiadomości od dzielnicowych z rejonu <b>{ $district }</b> — ogłoszenia, ostrzeżenia (np. o fali oszukańczych telefonów) i zaproszenia na spotkania.
    Wypisać się możesz w każdej chwili: przyciskiem pod każdą taką wiadomością albo w /powiadomienia. Przechowujemy tylko to, że subskrybujesz ten rejon — do wypisania się albo /usun_dane.
community-already-subscribed = 🔔 Już dostajesz wiadomości z rejonu <b>{ $district }</b>.
community-unsubscribed = 🔕 Nie dostaniesz więcej wiadomości z rejonu <b>{ $district }</b>. Zapisać się możesz znowu z karty dzielnicowego (/dzielnicowy).
community-district-gone = Tego rejonu nie ma już w spisie. Znajdź swojego dzielnicowego: /dzielnicowy.
community-no-subscriptions = Nie dostajesz wiadomości z żadnego rejonu. Znajdź swojego dzielnicowego (/dzielnicowy) i naciśnij na jego karcie „🔔 Wiadomości z tego rejonu”: dostaniesz ogłoszenia, ostrzeżenia i zaproszenia na spotkania z mieszkańcami.
community-subscriptions = 🔔 Dostajesz wiadomości od dzielnicowych z: <b>{ $districts }</b>. Przycisk poniżej wypisuje z rejonu.
community-privacy-notice = <b>Wiadomości z rejonu:</b> jeśli je subskrybujesz, przechowujemy, który to rejon (i na które spotkania się wybierasz) — do wypisania się (/powiadomienia) albo /usun_dane.
privacy-data-subscriptions = Wiadomości z rejonów (subskrypcje): { $count }
privacy-data-meetings = Spotkania, na które się wybierasz: { $count }
