"""Every number Onward shows about a user's search, defined once. The API's weekly summary, the
dashboard (its cards, funnel, 12-week chart and pipeline columns), the extension's popup (through
the API) and the digest email all count through this module and nowhere else.

The unit is the application, and what happened to it is its status history (``StatusChange``
rows, which ``server.pipeline.replay`` derives from the application's emails and the user's
corrections). A "Please check" email (an unsure rejection nobody confirmed) moves no application,
so it counts as nothing here; an email no application was found for (no employer named) is not
in the pipeline and is not counted either.

For a week [begin, end):

- **sent** (``applications_sent``): applications whose first known date falls in the week: the
  confirmation, or the first later email (an interview, an assessment, an offer, a rejection)
  when no confirmation came before it, or the date the user gave for one they added; a posting
  the user saved counts from the day it moved on from ``saved`` (and not at all before);
- **assessments**, **interviews**, **offers**, **rejections**, **gone quiet** (``ghosted``):
  applications that moved to ``assessment``, ``interviewing``, ``offer``, ``rejected`` or
  ``ghosted`` in the week (a repeated email that leaves the status as it was moves nothing);
  rejections also by the stage the email gave (``unknown`` for the user's own correction);
- **responses**: applications that moved to any of the response statuses (``RESPONSE_STATUSES``)
  in the week;
- **streak**: consecutive weeks with at least one application sent.

Over the 12 weeks up to a week's end (the cohort: the applications *sent* in those weeks, as
things stood at the week's end):

- **funnel**: applied (the cohort) → responded (got any response) → interviewing (reached
  ``interviewing`` or went further, to ``offer``) → offer (reached ``offer``); each step holds
  the next;
- **response rate**: responded / applied;
- **median days to a first response**: over the responded applications whose sending date is
  known (first seen through a confirmation or the user's entry); an application first seen
  through its answer has no measurable wait.

Pure counting functions of ``Track`` lists, plus one loader and the calendar helpers."""

import statistics
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import select
from sqlalchemy.orm import Session

from server.models import Application, Message, StatusChange
from worker.contract import STAGES

HISTORY_WEEKS = 12
"""Weeks in the chart, and weeks of applications in the cohort behind the funnel and the rates."""

COHORT_DAYS = 7 * HISTORY_WEEKS

RESPONSE_STATUSES = ("assessment", "interviewing", "offer", "rejected")
"""Statuses an application reaches when the employer answers it."""

MOVES = {"assessments": "assessment", "interviews": "interviewing", "offers": "offer", "rejections": "rejected",
         "ghosted": "ghosted"}
"""Each weekly figure that counts applications moving to a status, and that status."""

WEEK_FIGURES = ("applications_sent", "responses", "assessments", "interviews", "offers", "rejections", "ghosted")
"""The figures of each week (the cards, the chart's data, the change against earlier weeks)."""

FUNNEL_STEPS = ("applied", "responded", "interviewing", "offer")
"""The funnel's steps, in order."""

REACHES = {"interviewing": frozenset({"interviewing", "offer"}), "offer": frozenset({"offer"})}
"""The statuses that put a cohort application at or past a funnel step."""

COLUMNS = ("applied", "assessment", "interviewing", "offer", "rejected", "ghosted", "withdrawn")
"""The pipeline's columns, left to right: waiting, moving, then the ends. One per status but
``saved`` (postings kept for later are not applications yet: the job-board badge shows them)."""


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


@dataclass(frozen=True, slots=True)
class Move:
    """An application moving to ``status`` at ``at``; ``stage`` is the rejection stage its email gave."""

    at: datetime
    status: str
    stage: str | None = None


@dataclass(slots=True)
class Track:
    """One application as the figures see it: when it was first known, and its moves."""

    id: int
    sent: datetime
    moves: list[Move] = field(default_factory=list)

    @property
    def first_response(self) -> datetime | None:
        return min((m.at for m in self.moves if m.status in RESPONSE_STATUSES), default=None)

    @property
    def seen_first_by_response(self) -> bool:
        """Whether its first known date is an answer (its sending date is unknown)."""
        first = min(self.moves, key=lambda m: m.at, default=None)
        return first is not None and first.status in RESPONSE_STATUSES and first.at <= self.sent

    def reached(self, statuses: frozenset[str], end: datetime) -> bool:
        return any(m.status in statuses and m.at < end for m in self.moves)


def load(session: Session, user_id: int, end: datetime) -> list[Track]:
    """The user's applications first known before ``end``, with their moves before ``end``."""
    tracks = {app_id: Track(app_id, sent) for app_id, sent in session.execute(
        select(Application.id, Application.first_contact_at)
        .where(Application.user_id == user_id, Application.first_contact_at < end).order_by(Application.id))}
    rows = session.execute(
        select(StatusChange.application_id, StatusChange.from_status, StatusChange.to_status, StatusChange.at, Message.stage)
        .outerjoin(Message, Message.id == StatusChange.message_id)
        .where(StatusChange.user_id == user_id, StatusChange.at < end).order_by(StatusChange.at, StatusChange.id))
    saved = set()
    for app_id, from_status, to_status, at, stage in rows:
        track = tracks.get(app_id)
        if track is None or from_status == to_status:  # a repeated correction moves nothing
            continue
        if to_status == "saved":  # a posting kept for later is not an application yet
            saved.add(app_id)
            continue
        track.moves.append(Move(at, to_status, (stage or "unknown") if to_status == "rejected" else None))
    for app_id in saved:  # sent when it first moved on from saved, not when it was saved
        track = tracks.pop(app_id)
        if track.moves:
            tracks[app_id] = Track(app_id, min(m.at for m in track.moves), track.moves)
    return list(tracks.values())


def week(tracks: list[Track], begin: datetime, end: datetime) -> dict:
    """The figures of the week [begin, end) (``WEEK_FIGURES`` and ``rejections_by_stage``)."""
    begin, end = begin.astimezone(UTC), end.astimezone(UTC)  # the stored times' zone: compared without a zone lookup each

    def inside(t: datetime) -> bool:
        return begin <= t < end

    moved: dict[str, set[int]] = defaultdict(set)
    stage_of: dict[int, str] = {}
    for t in tracks:
        here = [m for m in t.moves if begin <= m.at < end]  # most applications did not move this week: no sort for them
        if len(here) > 1:
            here.sort(key=lambda m: m.at)
        for m in here:
            moved[m.status].add(t.id)
            if m.status == "rejected":
                stage_of.setdefault(t.id, m.stage if m.stage in STAGES else "unknown")
    figures = {"applications_sent": sum(1 for t in tracks if inside(t.sent)),
               "responses": len(set().union(*(moved[s] for s in RESPONSE_STATUSES)))}
    figures.update({name: len(moved[status]) for name, status in MOVES.items()})
    figures["rejections_by_stage"] = {s: sum(1 for v in stage_of.values() if v == s) for s in STAGES}
    return figures


def cohort(tracks: list[Track], end: datetime) -> dict:
    """The applications sent in the ``HISTORY_WEEKS`` up to ``end``, as things stood at ``end``:
    the funnel, the response rate and the median days to a first response."""
    members = [t for t in tracks if end - timedelta(days=COHORT_DAYS) <= t.sent < end]
    responded = [t for t in members if t.first_response is not None and t.first_response < end]
    waits = [(t.first_response - t.sent).total_seconds() / 86400 for t in responded if not t.seen_first_by_response]
    counts = {"applied": len(members), "responded": len(responded),
              **{step: sum(1 for t in members if t.reached(statuses, end)) for step, statuses in REACHES.items()}}
    return {
        "applied": len(members), "responded": len(responded),
        "response_rate": round(len(responded) / len(members), 3) if members else None,
        "median_days_to_first_response": round(statistics.median(waits), 1) if waits else None,
        "funnel": [{"step": step, "count": counts[step]} for step in FUNNEL_STEPS],
    }


def streak(tracks: list[Track], start: date, tz: ZoneInfo, current: bool) -> int:
    """Weeks in a row with at least one application sent, ending with the week that starts on
    ``start`` (or, while the current week has none yet, with the week before)."""
    weeks = {week_of(t.sent, tz) for t in tracks}
    day = start
    if current and week_of(datetime.combine(day, time(12), tz), tz) not in weeks:
        day -= timedelta(days=7)
    count = 0
    while week_of(datetime.combine(day, time(12), tz), tz) in weeks:
        count += 1
        day -= timedelta(days=7)
    return count


def pipeline(session: Session, user_id: int) -> list[tuple[str, list[Application]]]:
    """The pipeline's columns (``COLUMNS``) with the user's applications in each, latest contact first."""
    apps = session.scalars(select(Application).where(Application.user_id == user_id)
                           .order_by(Application.last_contact_at.desc(), Application.id.desc())).all()
    return [(status, [a for a in apps if a.status == status]) for status in COLUMNS]
