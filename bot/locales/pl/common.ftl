# Shared texts used by every flow. Telegram HTML: only <b>, <i>, <u>, <s>, <code>, <a href>.
button-expired = Ten przycisk jest już nieaktualny. Oto bieżący krok:
error-try-again = Coś poszło nie tak po naszej stronie. Twoje dane są bezpieczne — spróbuj ponownie za chwilę.
update-failed = Nie udało się obsłużyć Twojej wiadomości mimo kilku prób. Dane, które już podano, są zapisane. Spróbuj ponownie; w nagłym wypadku dzwoń pod 112.
