"""How messages become applications: which application a message belongs to, and what an
application's status is. Pure functions of plain values, no database: the callers in
``server/store.py`` load the rows, ask these functions, and write the answer back.

An application's status is always *replayed* from its events in time order (its messages,
by their effective label, and the user's status corrections), so messages that arrive out of
order, a relabelled message and a merge all give the status the same history would give."""

import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from worker.extract import GENDER_MARKER, normalize_company

STATUSES = ("saved", "applied", "assessment", "interviewing", "offer", "rejected", "withdrawn", "ghosted")
"""Every status an application can have. ``saved`` is a posting the user kept for later (the
job-board badge's *Track*, "saved"): not yet an application, so it never turns ``ghosted`` and
is not counted as sent until an email or the user moves it on."""

ACTIVE = frozenset({"applied", "assessment", "interviewing"})
"""Statuses that wait for the employer: they turn ``ghosted`` when nothing comes."""

OPEN = ACTIVE | {"ghosted", "saved"}
"""Statuses a new message from the employer can still move."""

ASSESSMENT_INVITATION = "assessment_invitation"
"""The event of an invitation to a test or assessment: an ``interview_invitation`` whose ``stage``
is ``assessment``. Not a label of its own (the classifier and the user label such an email
``interview_invitation``); ``event_label`` tells it apart for the pipeline and the figures."""

LABEL_STATUS = {
    "application_confirmation": "applied",
    "interview_invitation": "interviewing",
    ASSESSMENT_INVITATION: "assessment",
    "offer": "offer",
    "rejection": "rejected",
}
"""The labels that belong to an application and the status each one moves it to; job alerts,
recruiter outreach and other mail create no application."""


def event_label(label: str, stage: str | None) -> str:
    """What a message with this effective label and stage does to its application: an invitation
    whose stage is ``assessment`` is an assessment, not an interview."""
    return ASSESSMENT_INVITATION if label == "interview_invitation" and stage == "assessment" else label


def company_key(name: str | None) -> str | None:
    """The key two spellings of one employer share ("Acme, Inc." and "ACME" give "acme")."""
    if not name:
        return None
    return normalize_company(name) or None


def role_key(role: str | None) -> str | None:
    """The key two spellings of one job title share: case, punctuation, spacing and gender markers
    ("Datenanalyst (m/w/d)" is "Datenanalyst") ignored."""
    if not role:
        return None
    return re.sub(r"[^\w]+", " ", GENDER_MARKER.sub("", role).lower()).strip() or None


@dataclass(frozen=True, slots=True)
class Event:
    """Something that moves an application: a message (``message_id`` set, ``label`` its
    effective label) or a user's correction (``status`` set)."""

    at: datetime
    label: str | None = None
    status: str | None = None
    message_id: int | None = None

    @property
    def order(self) -> tuple:
        return (self.at, 0 if self.message_id is not None else 1, self.message_id or 0)


@dataclass(frozen=True, slots=True)
class Change:
    """One step of the derived history; ``source`` is ``message``, ``ghosted`` or ``user``."""

    from_status: str | None
    to_status: str
    at: datetime
    source: str
    message_id: int | None = None


@dataclass(frozen=True, slots=True)
class Replay:
    status: str | None
    changes: tuple[Change, ...]
    first_contact: datetime | None
    last_contact: datetime | None


def _target(status: str | None, label: str) -> str | None:
    """The status a message with this label moves an application to, or None to leave it."""
    new = LABEL_STATUS.get(label)
    if new is None:
        return None
    if new == "applied" and status not in (None, "ghosted", "saved"):
        return None  # a second confirmation does not undo an interview
    if new == "interviewing" and status == "offer":
        return None  # a meeting after the offer does not take it back
    if new == "assessment" and status in ("interviewing", "offer"):
        return None  # a test after the interviews (or the offer) does not move it back
    return new


def replay(events: list[Event], now: datetime, ghosted_days: int) -> Replay:
    """The status and the history that these events give, ghosting included: an active
    application with no contact for ``ghosted_days`` becomes ``ghosted`` at last contact + N
    days, and comes back with the next message."""
    gap = timedelta(days=ghosted_days)
    status: str | None = None
    changes: list[Change] = []
    first = last = kept = None
    for ev in sorted(events, key=lambda e: e.order):
        counted = ev.message_id is None or ev.label in LABEL_STATUS
        status, last = _step(status, last, ev, gap, changes)
        if counted and ev.message_id is None and ev.status == "saved":
            kept = kept or ev.at  # saving a posting is no contact with the employer: first contact comes later
        elif counted:
            first = first or ev.at
    if status in ACTIVE and last is not None and now - last >= gap:
        changes.append(Change(status, "ghosted", last + gap, "ghosted"))
        status = "ghosted"
    return Replay(status, tuple(changes), first or kept, last)


def _step(status: str | None, last: datetime | None, ev: Event, gap: timedelta,
          changes: list[Change] | None) -> tuple[str | None, datetime | None]:
    """One event of ``replay``: the status and last contact after it (its changes appended to ``changes``)."""
    if status in ACTIVE and last is not None and ev.at - last >= gap:
        if changes is not None:
            changes.append(Change(status, "ghosted", last + gap, "ghosted"))
        status = "ghosted"
    if ev.message_id is not None:
        if ev.label not in LABEL_STATUS:
            return status, last
        new, source = _target(status, ev.label), "message"
    else:
        new, source = ev.status, "user"
    if new is not None and (new != status or source == "user"):
        if changes is not None:
            changes.append(Change(status, new, ev.at, source, ev.message_id))  # a user's correction is kept even when it repeats the status
        status = new
    return status, ev.at


@dataclass(slots=True)
class Candidate:
    """An application of one employer as the linker sees it: its role and its events (the linker
    appends to ``events``). The linker asks about moments in date order, so the replay of the
    events before that moment is kept and carried forward (``_Progress``) instead of replayed
    from the first event for every message: linking stays linear in the employer's history."""

    ref: object
    role_key: str | None
    events: list[Event] = field(default_factory=list)
    _progress: "_Progress | None" = None

    def status_at(self, t: datetime, ghosted_days: int) -> str | None:
        """Its status just before ``t``; None when its first event comes later."""
        p = self._before(t, ghosted_days)
        if p.latest is None:
            return None
        if p.status in ACTIVE and p.last is not None and t - p.last >= p.gap:
            return "ghosted"
        return p.status

    def last_before(self, t: datetime) -> datetime | None:
        return self._before(t, None).latest

    def first_at(self) -> datetime | None:
        return min((e.at for e in self.events), default=None)

    def _before(self, t: datetime, ghosted_days: int | None) -> "_Progress":
        """The replay of the events before ``t``, carried on from the last call when that is possible:
        ``t`` did not go back, no event was removed, and every event added since sorts after those replayed."""
        p = self._progress
        gap = p.gap if p is not None and ghosted_days is None else timedelta(days=ghosted_days or 0)
        if (p is None or t < p.t or (ghosted_days is not None and gap != p.gap) or len(self.events) < p.seen
                or any(e.order < p.order for e in self.events[p.seen:])):
            p = self._progress = _Progress(gap=gap)
        if len(self.events) > p.seen:
            p.pending = sorted(p.pending + self.events[p.seen:], key=lambda e: e.order, reverse=True)
            p.seen = len(self.events)
        while p.pending and p.pending[-1].at < t:
            ev = p.pending.pop()
            p.status, p.last = _step(p.status, p.last, ev, p.gap, None)
            p.latest, p.order = ev.at, ev.order
        p.t = t
        return p


@dataclass(slots=True)
class _Progress:
    """How far a Candidate's events were replayed: the events ``seen`` (a prefix of ``events``), those not
    yet replayed (``pending``, latest first), and the replay's state just before moment ``t``."""

    gap: timedelta
    t: datetime | None = None
    seen: int = 0
    pending: list[Event] = field(default_factory=list)
    status: str | None = None
    last: datetime | None = None
    latest: datetime | None = None
    """The latest event replayed, whatever its label (``last_before``)."""
    order: tuple = ()


def choose(label: str, role: str | None, at: datetime, candidates: list[Candidate], ghosted_days: int) -> Candidate | None:
    """The application (among one employer's) a message joins, or None to open a new one.

    - Same role first; a message without a role, or an application without one, joins only
      when it is the employer's single application open at that time.
    - A confirmation joins an application open at its date or one that starts after it
      (its own confirmation arrived late); otherwise it starts a new application.
    - An interview, offer or rejection joins the open one, else the latest earlier one (a
      second rejection email), else one that starts after it."""
    if label not in LABEL_STATUS:
        return None
    states = {id(c): c.status_at(at, ghosted_days) for c in candidates}
    usable = [c for c in candidates if states[id(c)] is None or states[id(c)] in OPEN]
    pool = [c for c in candidates if role is not None and c.role_key == role]
    if not pool:
        loose = [c for c in usable if role is None or c.role_key is None]
        pool = loose if len(usable) == 1 and loose else []
    if not pool:
        return None
    open_now = [c for c in pool if states[id(c)] in OPEN]
    later = sorted((c for c in pool if states[id(c)] is None), key=lambda c: c.first_at() or at)
    if open_now:
        return max(open_now, key=lambda c: c.last_before(at))
    if label != "application_confirmation":
        closed = [c for c in pool if states[id(c)] is not None]
        if closed:
            return max(closed, key=lambda c: c.last_before(at))
    return later[0] if later else None
