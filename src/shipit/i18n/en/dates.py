"""English messages: dates as readers write them, and the WHEN words' errors."""

MESSAGES: dict[str, object] = {
    "dates.day_names": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
    "dates.month_names": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep",
                          "Oct", "Nov", "Dec"),  # fmt: skip
    "dates.day_format": "{weekday} {day} {month} {year}",
    "dates.short_day_format": "{weekday} {day} {month}",
    "dates.week_format": "{year}-W{week:02d}",
    "dates.when_help": "WHEN is an ISO date (2026-11-20), today, yesterday, 'N days ago', "
    "'N weeks ago', -N, a weekday name (the most recent one before today), "
    "'this week', 'last week', 'this month', 'last month' (their first day), "
    "or tomorrow where a future day is allowed.",
    "dates.what_date": "date",
    "dates.what_day": "day",
    "dates.what_week": "week",
    "dates.what_ship_date": "ship date",
    "dates.invalid_time": "invalid time {value!r}: expected HH:MM between 00:00 and 23:59",
    "dates.empty": "empty {what}: {help}",
    "dates.too_far_past": "{what} {value!r} is too far in the past",
    "dates.in_future": "{what} {value!r} ({day}) is in the future",
    "dates.too_far_ahead": "{what} {value!r} ({day}) is more than {limit} days ahead",
    "dates.no_such_day": "invalid {what} {value!r}: there is no such day",
    "dates.invalid": "invalid {what} {value!r}: {help}",
    "dates.not_a_time": "invalid {what} {value!r}: give a day, not a time",
}
