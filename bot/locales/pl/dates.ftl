# Dates and times as people read them: the bot writes every date or time through these messages
# (bot.i18n.Dated, rendered by the catalog in the reader's language). Offices in Poland write
# 01.12.2026 and 14:05; the bot does so in every language, for the Polish dates people compare.
# The arguments are zero-padded strings: $day 01, $month 12, $year 2026, $hour 14, $minute 05.
format-day = { $day }.{ $month }.{ $year }
format-day-month = { $day }.{ $month }
format-time = { $hour }:{ $minute }
format-moment = { format-day } { format-time }
# A meeting's time as an announcement gives it: 12.12.2026, 18:00.
format-day-time = { format-day }, { format-time }
