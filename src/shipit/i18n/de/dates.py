"""German messages: dates as readers write them, and the WHEN words' errors."""

MESSAGES: dict[str, object] = {
    "dates.day_names": ("Mo", "Di", "Mi", "Do", "Fr", "Sa", "So"),
    "dates.month_names": ("Jan", "Feb", "Mär", "Apr", "Mai", "Jun", "Jul", "Aug", "Sep",
                          "Okt", "Nov", "Dez"),  # fmt: skip
    "dates.day_format": "{weekday} {day}. {month} {year}",
    "dates.short_day_format": "{weekday} {day}. {month}",
    "dates.week_format": "KW {week} {year}",
    "dates.when_help": "WANN ist ein ISO-Datum (2026-11-20), heute, gestern, vorgestern, "
    "'vor N Tagen', 'vor N Wochen', -N, ein Wochentag (der letzte vor heute), "
    "'diese Woche', 'letzte Woche', 'diesen Monat', 'letzten Monat' (ihr erster Tag), "
    "oder morgen, wo ein Tag in der Zukunft erlaubt ist. Die englischen Wörter gelten auch.",
    "dates.what_date": "Datum",
    "dates.what_day": "Tag",
    "dates.what_week": "Woche",
    "dates.what_ship_date": "Liefertermin",
    "dates.invalid_time": "ungültige Uhrzeit {value!r}: erwartet wird HH:MM zwischen 00:00 "
    "und 23:59",
    "dates.empty": "{what} fehlt: {help}",
    "dates.too_far_past": "{what} {value!r} liegt zu weit in der Vergangenheit",
    "dates.in_future": "{what} {value!r} ({day}) liegt in der Zukunft",
    "dates.too_far_ahead": "{what} {value!r} ({day}) liegt mehr als {limit} Tage voraus",
    "dates.no_such_day": "{what} {value!r} ist ungültig: diesen Tag gibt es nicht",
    "dates.invalid": "{what} {value!r} ist ungültig: {help}",
    "dates.not_a_time": "{what} {value!r} ist ungültig: gib einen Tag an, keine Uhrzeit",
}
