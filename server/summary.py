"""The weekly summary of a user's search, for an ISO week in their time zone: what was sent, what
came back, the funnel, the pace, and the strategy for the week. One read of the user's rows up
to the week's end; every number is counted by ``server.figures`` (where each figure is defined),
and the same dict feeds the API, the dashboard, the popup and the digest."""

from datetime import datetime, time, timedelta

from flask import current_app
from sqlalchemy import select
from sqlalchemy.orm import Session

from server import advice, figures, store, strategies, translations
from server.errors import ApiError
from server.figures import HISTORY_WEEKS, bounds, monday, week_of, zone
from server.models import Message, User, utcnow
from server.translations import gettext as _
from server.translations import ngettext

__all__ = ["HISTORY_WEEKS", "METRICS", "bounds", "checked_week", "monday", "week_of", "weekly", "zone"]

METRICS = figures.WEEK_FIGURES
"""The figures of each week: the cards, the 12-week chart's data, the change against earlier weeks."""

RECENT_REJECTIONS = 5


def checked_week(week: str | None) -> str | None:
    """The week as given when it exists (None for the current week); 404 for week 53 of a year
    that has 52 (2025-W53)."""
    if week is not None:
        try:
            monday(week)
        except ValueError:
            raise ApiError(404, f"{week[:4]} has no ISO week {week[5:]}.") from None
    return week


def _and(parts: list[str]) -> str:
    """``a``, ``a and b``, ``a, b and c`` in the page's language."""
    if len(parts) == 1:
        return parts[0]
    return _("{first} and {last}").format(first=", ".join(parts[:-1]), last=parts[-1])


def _headline(counts: dict, current: bool) -> str:
    """The week in one sentence, in the reader's language (``server.translations.current``)."""
    if not (counts["applications_sent"] or counts["responses"] or counts["ghosted"]):
        return (_("Nothing has moved yet this week. That is fine: your pipeline is here when you are ready.")
                if current else _("A quiet week: nothing sent and no responses. Quiet weeks happen in every search."))
    sent, heard = counts["applications_sent"], counts["responses"]
    parts = [ngettext("you sent %(num)d application", "you sent %(num)d applications", sent) % {"num": sent} if sent
             else _("you sent no new applications"),
             ngettext("had %(num)d response", "had %(num)d responses", heard) % {"num": heard} if heard else _("had no responses yet")]
    text = _and(parts)
    interviews, assessments, offers = counts["interviews"], counts["assessments"], counts["offers"]
    extras = [words % {"num": n} for n, words in (
        (interviews, ngettext("%(num)d interview invitation", "%(num)d interview invitations", interviews)),
        (assessments, ngettext("%(num)d assessment", "%(num)d assessments", assessments)),
        (offers, ngettext("%(num)d offer", "%(num)d offers", offers))) if n]
    if extras:
        text = _("{text}, with {extras}").format(text=text, extras=_and(extras))
    return (_("So far this week {text}.") if current else _("This week {text}.")).format(text=text)


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
    tracks = figures.load(session, user_id, end)
    history = []
    for back in range(HISTORY_WEEKS - 1, -1, -1):
        s = start - timedelta(weeks=back)
        counts = figures.week(tracks, *bounds(s, tz))
        history.append({"week": week_of(datetime.combine(s, time(12), tz), tz), "start": s.isoformat(),
                        **{m: counts[m] for m in METRICS}})
    counts = figures.week(tracks, begin, end)
    before = history[-5:-1]
    change = {m: {"previous_week": before[-1][m], "delta": counts[m] - before[-1][m],
                  "four_week_average": round(sum(h[m] for h in before) / len(before), 2)} for m in METRICS}
    cohort = figures.cohort(tracks, end)
    current = week == this_week
    weeks_searching = advice.search_weeks(session, user_id, min(end, now))
    choice = strategies.for_week(strategies.Week(
        applications_sent=counts["applications_sent"], rejections=counts["rejections"], interviews=counts["interviews"],
        assessments=counts["assessments"], offers=counts["offers"], previous_applications=before[-1]["applications_sent"],
        four_week_average=change["applications_sent"]["four_week_average"], cohort_applied=cohort["applied"],
        cohort_responded=cohort["responded"], application_stage_rejections=counts["rejections_by_stage"]["application"],
        search_weeks=weeks_searching, applications_known=len(tracks)), translations.current())
    empty = not (counts["applications_sent"] or counts["responses"] or counts["ghosted"])
    return {
        "week": week, "start": start.isoformat(), "end": (start + timedelta(days=6)).isoformat(), "timezone": tz.key,
        **counts,
        "response_rate": cohort["response_rate"],
        "median_days_to_first_response": cohort["median_days_to_first_response"],
        "funnel": cohort["funnel"],
        "streak_weeks": figures.streak(tracks, start, tz, current),
        "change": change,
        "history": history,
        "strategy": {k: v for k, v in choice.to_dict().items() if k != "guidance"},
        "recent_rejections": _recent_rejections(session, user_id, end, now),
        "empty": empty,
        "headline": _headline(counts, current),
    }


def _recent_rejections(session: Session, user_id: int, end: datetime, now: datetime) -> list[dict]:
    """The latest rejections up to the week's end, each with its first step in the reader's language
    (the summary page's, the digest's, the popup's: ``server.translations.current``)."""
    label = Message.effective_label
    items = []
    for m in session.scalars(select(Message).where(Message.user_id == user_id, label == "rejection", Message.date < end)
                             .order_by(Message.date.desc(), Message.id.desc()).limit(RECENT_REJECTIONS)):
        steps = advice.for_message(session, user_id, m, now, reader=translations.current())["next_steps"]
        items.append({"message_id": m.id, "application_id": m.application_id, "company": m.company, "role": m.role,
                      "stage": m.stage, "date": m.date.isoformat(), "first_step": steps[0]})
    return items
