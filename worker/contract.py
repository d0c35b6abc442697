"""What the worker and the server agree on: the labels, the stages and the field limits of a
message record. Defined here once; the classifier, the record builder and the server's schemas
import them, so a new label or a longer field is one edit."""

from datetime import UTC, datetime

LABELS = (
    "rejection",
    "application_confirmation",
    "interview_invitation",
    "offer",
    "job_alert",
    "recruiter_outreach",
    "other",
)
"""Every label the classifier gives, in the order reports list them."""

STAGES = ("application", "assessment", "interview", "unknown")
"""The stages a rejection can come at."""

LIMITS = {"message_id": 998, "subject": 998, "from_name": 300, "from_address": 320, "company": 200, "role": 200,
          "ats": 100, "job_id": 100, "language": 8, "skill_area": 100, "snippet": 300}
"""The longest value the server stores for each text field of a message; the worker cuts longer values."""

SURE = 0.9
"""The confidence contract: of the messages the classifier gives a confidence of at least
``SURE``, at least 98 % carry that label (``bench/quality.py`` prints the reliability table
that holds it to this). Below it, a label is a best guess."""


def needs_check(label: str, confidence: float) -> bool:
    """Whether a rejection is only "Please check": stored and listed for the user to confirm
    with one click, never shown as "X said no". Only a rejection at ``SURE`` or above is told
    as one."""
    return label == "rejection" and confidence < SURE

EARLIEST_DATE = datetime(1970, 1, 1, tzinfo=UTC)
"""The earliest date a message, an application or a query may carry. Job mail is never older, and every
date the server computes from a stored one (a week, a reminder, "60 days before") then stays inside the calendar."""

LATEST_DATE = datetime(2100, 1, 1, tzinfo=UTC)
"""The first instant past the dates accepted (exclusive): a year-9999 ``Date:`` header is a broken clock,
and a day added to it would leave Python's calendar."""


def within_dates(moment: datetime) -> bool:
    """Whether an aware ``moment`` lies in ``EARLIEST_DATE`` .. ``LATEST_DATE`` (the end excluded)."""
    return EARLIEST_DATE <= moment < LATEST_DATE
