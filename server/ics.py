"""A follow-up reminder as an iCalendar file (RFC 5545): one all-day event the user's calendar
imports, with a reminder on the morning of that day."""

from datetime import date, datetime, timedelta

from server.outbound_text import lines, one_line

PRODID = "-//Onward//Follow-up reminders//EN"


def _escape(text: str) -> str:
    """TEXT values escape backslash, semicolon, comma and line breaks; callers pass text without any other
    control character (``server.outbound_text``), so nothing can end a line early."""
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _fold(line: str) -> str:
    """Lines longer than 75 octets continue on the next line after a space."""
    data = line.encode()
    if len(data) <= 75:
        return line
    parts, start = [], 0
    while start < len(data):
        end = min(start + (75 if not parts else 74), len(data))
        while end < len(data) and (data[end] & 0xC0) == 0x80:
            end -= 1  # never cut a UTF-8 character in two
        parts.append(data[start:end].decode())
        start = end
    return "\r\n ".join(parts)


def follow_up_event(uid: str, day: date, summary: str, description: str, now: datetime) -> str:
    """The calendar file for one reminder on ``day``; ``summary`` is put on one line, ``description`` keeps its
    line breaks, and neither keeps another control character."""
    summary, description = one_line(summary), lines(description)
    rows = [
        "BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODID}", "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
        "BEGIN:VEVENT", f"UID:{uid}", f"DTSTAMP:{now.strftime('%Y%m%dT%H%M%SZ')}",
        f"DTSTART;VALUE=DATE:{day.strftime('%Y%m%d')}", f"DTEND;VALUE=DATE:{(day + timedelta(days=1)).strftime('%Y%m%d')}",
        f"SUMMARY:{_escape(summary)}", f"DESCRIPTION:{_escape(description)}", "TRANSP:TRANSPARENT",
        "BEGIN:VALARM", "ACTION:DISPLAY", f"DESCRIPTION:{_escape(summary)}", "TRIGGER:PT9H", "END:VALARM",
        "END:VEVENT", "END:VCALENDAR",
    ]
    return "".join(_fold(row) + "\r\n" for row in rows)
