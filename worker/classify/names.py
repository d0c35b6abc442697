"""Names of the rules and verdicts the decision refers to, defined once.

A rule's name is its evidence ("other candidates chosen: ..."); the decision looks some of
them up. Referring to them through these constants makes a renamed rule a failing import or
test (``tests/worker/test_classify.py`` checks each names a rule), never a silent miss.
"""

# Rules (in ``worker.classify.rules``) the decision looks up.
INVITATION_TO_INTERVIEW = "invitation to interview"
WOULD_LIKE_TO_MEET = "would like to meet"
SCHEDULE_A_CALL = "schedule a call"
AVAILABILITY_REQUESTED = "availability requested"
INTERVIEW_CONFIRMED = "interview confirmed"
ARE_YOU_AVAILABLE = "are you available"
INTERVIEW_RESCHEDULED = "interview rescheduled"
NEXT_ROUND = "next round"
COMPLETE_THE_ASSESSMENT = "complete the assessment"
SLOTS_OFFERED = "slots offered"
SCHEDULING_LINK = "scheduling link"
ASSESSMENT_TO_TAKE = "assessment to take"
DE_INVITATION = "de: Einladung"
DE_APPOINTMENT = "de: Termin"
DE_NEXT_ROUND = "de: nächste Runde"
FR_INVITATION = "fr: invitation"
FR_AVAILABILITY = "fr: disponibilités"
FR_NEXT_STEP = "fr: étape suivante"
ES_INVITATION = "es: invitación"
ES_AVAILABILITY = "es: disponibilidad"
ES_NEXT_STEP = "es: siguiente fase"
NL_INVITATION = "nl: uitnodiging"
NL_AVAILABILITY = "nl: beschikbaarheid"
NL_NEXT_ROUND = "nl: volgende ronde"
MEETING_PROPOSED = "meeting proposed"
VIDEO_MEETING = "video meeting details"
TIME_SLOT = "time slot given"
INTERVIEW_MENTIONED = "interview mentioned"
APPLICATION_WITHDRAWN = "application withdrawn"
WRITER_IS_CANDIDATE = "writer is the candidate"
APPLICATION_RECEIVED = "application received"
WE_WILL_REVIEW = "we will review"
STILL_REVIEWING = "still reviewing"
BE_IN_TOUCH = "be in touch"
THANKS_FOR_APPLYING = "thanks for applying"
HIRING_SIDE = "user interviews others"
"""Work mail about interviewing candidates (label ``other``): its meeting words do not invite the user."""
OWN_STORY = "writer tells of their own rejection"
"""A friend's news (label ``other``): not a rejection of the user, whatever else the message says."""

CANDIDATE_DECLINES = "the user declines or withdraws"
"""The user turning down an offer or withdrawing (label ``other``): its declining words are the user's."""

RULE_NAMES = (
    INVITATION_TO_INTERVIEW, WOULD_LIKE_TO_MEET, SCHEDULE_A_CALL, AVAILABILITY_REQUESTED, INTERVIEW_CONFIRMED,
    ARE_YOU_AVAILABLE, INTERVIEW_RESCHEDULED, NEXT_ROUND, COMPLETE_THE_ASSESSMENT, SLOTS_OFFERED, SCHEDULING_LINK,
    ASSESSMENT_TO_TAKE,
    DE_INVITATION, DE_APPOINTMENT, DE_NEXT_ROUND, FR_INVITATION, FR_AVAILABILITY, FR_NEXT_STEP, ES_INVITATION,
    ES_AVAILABILITY, ES_NEXT_STEP, NL_INVITATION, NL_AVAILABILITY, NL_NEXT_ROUND, MEETING_PROPOSED, VIDEO_MEETING,
    TIME_SLOT, INTERVIEW_MENTIONED, APPLICATION_WITHDRAWN, WRITER_IS_CANDIDATE, APPLICATION_RECEIVED, WE_WILL_REVIEW,
    STILL_REVIEWING, BE_IN_TOUCH, THANKS_FOR_APPLYING, HIRING_SIDE, OWN_STORY, CANDIDATE_DECLINES,
)
"""Every rule name above: each must be the name of a rule."""

# Evidence the classifier adds itself (not rules): these must never collide with a rule's name.
IF_SELECTED = "invitation only if selected"
"""An invitation promised for later ("if shortlisted, we will invite you"): a confirmation's wording."""
JOB_BOARD_SENDER = "sender is a job board"
BULK_HEADERS = "bulk mail headers"
NOT_A_JOB = "declines something other than a job"
"""Rejection words about a talk, a paper, a booking, a loan, leave, a flat or an admission."""
HEALTH_APPOINTMENT = "a health appointment"
NO_JOB_WORDS = "no word of a job search"
MAILING_LIST = "mailing list"
DELIVERY_REPORT = "delivery report"
NOTIFICATION = "service notification"

DERIVED_NAMES = (IF_SELECTED, JOB_BOARD_SENDER, BULK_HEADERS, NOT_A_JOB, HEALTH_APPOINTMENT, NO_JOB_WORDS, MAILING_LIST, DELIVERY_REPORT, NOTIFICATION)
"""Evidence names the classifier gives without a rule."""
