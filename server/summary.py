"""The weekly summary of a user's search, for an ISO week in their time zone: what was sent, what
came back, the funnel, the pace, and the strategy for the week. One read of the user's rows up
to the week's end, then plain counting; the same dict feeds the API, the dashboard and the digest.

Definitions (also in the README):
- applications sent: applications that entered ``applied`` for the first time in the week;
- responses: applications that got an interview invitation, an offer or a rejection in the week;
- interviews, offers, rejections: applications that got such an email in the week;
- ghosted: applications that went quiet (turned ``ghosted``) in the week;
- response rate, median days to a first response and the funnel: over the applications sent in
  the 12 weeks up to the week's end (the cohort), as things stood at the week's end."""

import statistics
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from flask import current_app
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from server import advice, store, strategies
from server.models import Message, StatusChange, User, utcnow

HISTORY_WEEKS = 12
COHORT_DAYS = 7 * HISTORY_WEEKS
RESPONSES = ("interview_invitation", "offer", "rejection")
METRICS = ("applications_sent", "responses", "interviews", "offers", "rejections")
STAGES = ("application", "assessment", "interview", "unknown")
RECENT_REJECTIONS = 5


def zone(name: str | None) -> ZoneInfo:
    """The user's zone; an unknown name (it is validated on input) falls back to UTC."""
    try:
        return ZoneInfo(name or "UTC")
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


def week_of(moment: datetime, tz: ZoneInfo) -> str:
    """The ISO week ("2026-W47") a moment falls in, in the zone."""
    year, week, _ = moment.astimezone(tz).isocalendar()
    return f"{year}-W{week:02d}"


def monday(week: str) -> date:
    """The Monday of an ISO week "YYYY-Www"; ValueError for a week that does not exist."""
    year, _, number = week.partition("-W")
    return date.fromisocalendar(int(year), int(number), 1)


def bounds(start: date, tz: ZoneInfo) -> tuple[datetime, datetime]:
    """The week that starts on ``start`` as [start, end) instants."""
    begin = datetime.combine(start, time(0), tz)
    return begin, datetime.combine(start + timedelta(days=7), time(0), tz)


@dataclass
class _Rows:
    """The user's events up to the end of the asked week."""

    applied: dict[int, datetime] = field(default_factory=dict)
    reached: dict[str, dict[int, datetime]] = field(default_factory=lambda: defaultdict(dict))
    ghosted: list[datetime] = field(default_factory=list)
    responses: list[tuple[datetime, str, str | None, int]] = field(default_factory=list)
    """(date, label, stage, application id or -message id) of each response email."""


def _load(session: Session, user_id: int, end: datetime) -> _Rows:
    rows = _Rows()
    for app_id, from_status, to_status, at in session.execute(
            select(StatusChange.application_id, StatusChange.from_status, StatusChange.to_status, StatusChange.at)
            .where(StatusChange.user_id == user_id, StatusChange.at < end).order_by(StatusChange.at, StatusChange.id)):
        if to_status == "applied" and from_status is None:
            rows.applied.setdefault(app_id, at)
        if to_status == "ghosted":
            rows.ghosted.append(at)
        rows.reached[to_status].setdefault(app_id, at)
    label = func.coalesce(Message.user_label, Message.label)
    for at, lab, stage, app_id, mid in session.execute(
            select(Message.date, label, Message.stage, Message.application_id, Message.id)
            .where(Message.user_id == user_id, label.in_(RESPONSES), Message.date < end)):
        rows.responses.append((at, lab, stage, app_id if app_id is not None else -mid))
    return rows


def _counts(rows: _Rows, begin: datetime, end: datetime) -> dict:
    def inside(t: datetime) -> bool:
        return begin <= t < end

    week = [r for r in rows.responses if inside(r[0])]
    by_stage = {s: len({a for _, lab, stage, a in week if lab == "rejection" and (stage or "unknown") == s}) for s in STAGES}
    return {
        "applications_sent": sum(1 for t in rows.applied.values() if inside(t)),
        "responses": len({a for *_, a in week}),
        "interviews": len({a for _, lab, _, a in week if lab == "interview_invitation"}),
        "offers": len({a for _, lab, _, a in week if lab == "offer"}),
        "rejections": len({a for _, lab, _, a in week if lab == "rejection"}),
        "rejections_by_stage": by_stage,
        "ghosted": sum(1 for t in rows.ghosted if inside(t)),
    }


def _cohort(rows: _Rows, end: datetime) -> dict:
    cohort = {a: t for a, t in rows.applied.items() if end - timedelta(days=COHORT_DAYS) <= t < end}
    first: dict[int, datetime] = {}
    for at, _, _, a in rows.responses:
        if a in cohort and at >= cohort[a] and (a not in first or at < first[a]):
            first[a] = at
    waits = [(first[a] - cohort[a]).total_seconds() / 86400 for a in first]
    reached = {step: sum(1 for a in cohort if a in rows.reached.get(status, {}))
               for step, status in (("interviewing", "interviewing"), ("offer", "offer"))}
    return {
        "applied": len(cohort), "responded": len(first),
        "response_rate": round(len(first) / len(cohort), 3) if cohort else None,
        "median_days_to_first_response": round(statistics.median(waits), 1) if waits else None,
        "funnel": [{"step": "applied", "count": len(cohort)}, {"step": "responded", "count": len(first)},
                   {"step": "interviewing", "count": reached["interviewing"]}, {"step": "offer", "count": reached["offer"]}],
    }


def _streak(rows: _Rows, start: date, tz: ZoneInfo, current: bool) -> int:
    """Weeks in a row with at least one application sent, ending with the asked week (or, while
    the current week has none yet, with the week before)."""
    weeks = {week_of(t, tz) for t in rows.applied.values()}
    day = start
    if current and week_of(datetime.combine(day, time(12), tz), tz) not in weeks:
        day -= timedelta(days=7)
    streak = 0
    while week_of(datetime.combine(day, time(12), tz), tz) in weeks:
        streak += 1
        day -= timedelta(days=7)
    return streak


def _headline(counts: dict, current: bool) -> str:
    if not (counts["applications_sent"] or counts["responses"] or counts["ghosted"]):
        return ("Nothing has moved yet this week. That is fine: your pipeline is here when you are ready."
                if current else "A quiet week: nothing sent and nothing heard back. Quiet weeks happen in every search.")
    sent, heard = counts["applications_sent"], counts["responses"]
    parts = [f"you sent {sent} application{'s' if sent != 1 else ''}" if sent else "you sent no new applications",
             f"heard back on {heard}" if heard else "heard nothing back yet"]
    text = " and ".join(parts)
    if counts["interviews"]:
        text += f", with {counts['interviews']} interview invitation{'s' if counts['interviews'] != 1 else ''}"
    if counts["offers"]:
        text += f" and {counts['offers']} offer{'s' if counts['offers'] != 1 else ''}"
    return ("So far this week " if current else "This week ") + text + "."


def weekly(session: Session, user_id: int, week: str | None = None, now: datetime | None = None) -> dict:
    """The summary of ``week`` ("2026-W47"; the user's current week when None)."""
    now = now or utcnow()
    user = session.get(User, user_id)
    tz = zone(user.timezone)
    store.refresh_ghosted(session, user_id, current_app.config["GHOSTED_DAYS"], now)
    this_week = week_of(now, tz)
    week = week or this_week
    start = monday(week)
    begin, end = bounds(start, tz)
    rows = _load(session, user_id, end)
    history = []
    for back in range(HISTORY_WEEKS - 1, -1, -1):
        s = start - timedelta(weeks=back)
        counts = _counts(rows, *bounds(s, tz))
        history.append({"week": week_of(datetime.combine(s, time(12), tz), tz), "start": s.isoformat(),
                        **{m: counts[m] for m in METRICS}})
    counts = _counts(rows, begin, end)
    before = history[-5:-1]
    change = {m: {"previous_week": before[-1][m], "delta": counts[m] - before[-1][m],
                  "four_week_average": round(sum(h[m] for h in before) / len(before), 2)} for m in METRICS}
    cohort = _cohort(rows, end)
    current = week == this_week
    weeks_searching = advice.search_weeks(session, user_id, min(end, now))
    choice = strategies.for_week(strategies.Week(
        applications_sent=counts["applications_sent"], rejections=counts["rejections"], interviews=counts["interviews"],
        offers=counts["offers"], previous_applications=before[-1]["applications_sent"],
        four_week_average=change["applications_sent"]["four_week_average"], cohort_applied=cohort["applied"],
        cohort_responded=cohort["responded"], application_stage_rejections=counts["rejections_by_stage"]["application"],
        search_weeks=weeks_searching))
    empty = not (counts["applications_sent"] or counts["responses"] or counts["ghosted"])
    return {
        "week": week, "start": start.isoformat(), "end": (start + timedelta(days=6)).isoformat(), "timezone": tz.key,
        **counts,
        "response_rate": cohort["response_rate"],
        "median_days_to_first_response": cohort["median_days_to_first_response"],
        "funnel": cohort["funnel"],
        "streak_weeks": _streak(rows, start, tz, current),
        "change": change,
        "history": history,
        "strategy": {k: v for k, v in choice.to_dict().items() if k != "guidance"},
        "recent_rejections": _recent_rejections(session, user_id, end, now),
        "empty": empty,
        "headline": _headline(counts, current),
    }


def _recent_rejections(session: Session, user_id: int, end: datetime, now: datetime) -> list[dict]:
    label = func.coalesce(Message.user_label, Message.label)
    items = []
    for m in session.scalars(select(Message).where(Message.user_id == user_id, label == "rejection", Message.date < end)
                             .order_by(Message.date.desc(), Message.id.desc()).limit(RECENT_REJECTIONS)):
        steps = advice.for_message(session, user_id, m, now)["next_steps"]
        items.append({"message_id": m.id, "application_id": m.application_id, "company": m.company, "role": m.role,
                      "stage": m.stage, "date": m.date.isoformat(), "first_step": steps[0]})
    return items
