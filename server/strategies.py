"""The ten coping strategies as data, and the policy that picks one to three of them for a
rejection (or for a week) from plain facts, each with the reason the user is shown.

The policy is a table (``REJECTION_POLICY``, ``WEEK_POLICY``): rows are tried in order, a row
whose condition holds adds its strategy with its reason, and the first three distinct
strategies win. It never states a cause for the rejection: reasons speak of what the email
said and of the user's own recent history, nothing else. Pure functions, no database."""

from collections.abc import Callable
from dataclasses import dataclass
from gettext import NullTranslations

from server.translations import N_, gettext_for, translator


@dataclass(frozen=True, slots=True)
class Strategy:
    id: str
    title: str
    nudge: str
    """One line, shown on the card."""
    guidance: str
    """A few sentences, shown when the user opens the strategy."""
    next_steps: tuple[str, ...]
    """Kinds of next step (``server/advice.py``) this strategy offers, most useful first."""


STRATEGIES: tuple[Strategy, ...] = (
    Strategy("accept_emotions", N_("Let yourself feel it"),
             N_("Disappointment is a fair response to a no. Give it a moment before you move on."),
             N_("A rejection stings more when you were hoping for this one. Name what you feel, say it to someone or write it "
                "down, and give it a little time. You do not have to turn it into a lesson today."),
             ("reflection",)),
    Strategy("seek_feedback", N_("Ask for feedback"),
             N_("A short, polite note can get you the one thing this email did not say."),
             N_("People who met you or read your application are the only ones who know what tipped the decision. Ask once, "
                "briefly, and make it easy to answer. Not everyone replies; when someone does, it is worth more than guesses."),
             ("feedback_email",)),
    Strategy("reflect_strengths", N_("Remember what got you this far"),
             N_("Write down what went well in this process: it is still true after the no."),
             N_("Getting shortlisted, passing a test or reaching an interview means something in your experience landed. "
                "Note what you did well and what you would keep for the next one, while it is fresh."),
             ("reflection",)),
    Strategy("growth_mindset", N_("Treat it as practice"),
             N_("Each process you go through makes the next one easier to handle."),
             N_("This no says nothing about your worth. Look at the process as practice: which part felt hardest, and what "
                "one thing would make it easier next time?"),
             ("reflection",)),
    Strategy("stay_persistent", N_("Keep your momentum"),
             N_("Long searches are normal. A small, steady number of applications beats bursts."),
             N_("Most searches take many applications before the right yes. Set a pace you can keep, for example a few "
                "strong applications a week, and keep following up on the ones still open."),
             ("similar_roles", "follow_up")),
    Strategy("network", N_("Stay in touch with people"),
             N_("Thank the person who wrote to you: a kind reply keeps a door open."),
             N_("A short thank-you to the recruiter or hiring manager is remembered. Ask whether you may stay in touch, and "
                "tell a mentor or friend how the search is going: support and leads often come through people."),
             ("network",)),
    Strategy("review_strategy", N_("Review how you apply"),
             N_("When many applications stop at the first step, the way you apply is worth a look."),
             N_("Compare the roles you apply to with your experience, and check that your CV and cover letter show the "
                "skills those postings ask for first. Small changes in targeting often change the reply rate."),
             ("similar_roles", "reflection")),
    Strategy("self_care", N_("Look after yourself first"),
             N_("Several no's in a short time is a lot. Rest is part of the search."),
             N_("Take a proper break: sleep, move, see people, do something that has nothing to do with jobs. The search "
                "goes better when you are not running on empty."),
             ()),
    Strategy("keep_learning", N_("Build the skill further"),
             N_("Use the gap between processes to get more practice in the area that was tested."),
             N_("Pick one area and practise it in small, regular sessions: exercises, a course, a small project. It helps "
                "in the next assessment and gives you something concrete to talk about."),
             ("similar_roles",)),
    Strategy("stay_open", N_("Stay open to what comes next"),
             N_("They said they would keep you in mind: this may not be the last you hear from them."),
             N_("Keep an eye on this employer's openings and on nearby roles you had not considered. Being flexible about "
                "title, industry or size of company widens what you can say yes to."),
             ("similar_roles", "network")),
)
"""The ten strategies, in the order of the guide they come from."""

BY_ID = {s.id: s for s in STRATEGIES}

MAX_CHOSEN = 3


@dataclass(frozen=True, slots=True)
class Context:
    """What the policy may look at for one rejection: what the email said and the user's recent history."""

    stage: str | None = None
    keeps_on_file: bool = False
    offers_feedback: bool = False
    skill_area: str | None = None
    company: str | None = None
    rejections_last_5_days: int = 1
    """Rejections received in the five days up to this one, this one included."""
    recent_rejections: int = 1
    """Rejections in the last 60 days, this one included."""
    recent_application_stage: int = 0
    """Of those, how many came at the application stage."""
    search_weeks: int = 0
    """Weeks since the user's first application."""


BURST = 3
"""This many rejections within five days is "several within a few days"."""

REVIEW_MIN_REJECTIONS = 5
REVIEW_SHARE = 0.6
"""Application-stage rejections are "a high share" from this share of at least five recent ones."""

LONG_SEARCH_WEEKS = 12
"""A search this long (about three months) counts as long."""


def _high_application_share(c: Context) -> bool:
    return c.recent_rejections >= REVIEW_MIN_REJECTIONS and c.recent_application_stage / c.recent_rejections >= REVIEW_SHARE


def _offered_feedback(c: Context, _) -> str:
    if c.stage == "interview":
        return (_("{company} offered to share feedback, and you met them, so it can be specific.").format(company=c.company)
                if c.company else _("They offered to share feedback, and you met them, so it can be specific."))
    return (_("{company} offered feedback in the email: it is worth taking them up on it.").format(company=c.company)
            if c.company else _("The email offers feedback: it is worth taking them up on it."))


def _kept_on_file(c: Context, _) -> str:
    return (_("{company} said they would keep your details or welcome another application.").format(company=c.company)
            if c.company else _("They said they would keep your details or welcome another application."))


Gettext = Callable[[str], str]
Row = tuple[str, Callable[[Context], bool], str, Callable[[Context, Gettext], str]]

REJECTION_POLICY: tuple[Row, ...] = (
    ("several in a few days", lambda c: c.rejections_last_5_days >= BURST, "accept_emotions",
     lambda c, _: _("{count} rejections in five days is hard; it is fine to feel it.").format(count=c.rejections_last_5_days)),
    ("several in a few days", lambda c: c.rejections_last_5_days >= BURST, "self_care",
     lambda c, _: _("Several no's in a few days wear anyone down: take care of yourself before the next application.")),
    ("after an interview", lambda c: c.stage == "interview", "seek_feedback",
     lambda c, _: (_offered_feedback(c, _) if c.offers_feedback
                   else _("You reached the interview, so the people who met you can give specific feedback."))),
    ("after an interview", lambda c: c.stage == "interview", "reflect_strengths",
     lambda c, _: _("Reaching the interview means your application stood out.")),
    ("feedback offered", lambda c: c.offers_feedback, "seek_feedback", _offered_feedback),
    ("after an assessment", lambda c: c.stage == "assessment", "keep_learning",
     lambda c, _: (_("The email mentions the {skill} part: more practice there pays off in the next process.").format(skill=c.skill_area)
                   if c.skill_area else _("This ended at the assessment: practice in the tested area pays off in the next one."))),
    ("kept on file or invited back", lambda c: c.keeps_on_file, "stay_open", _kept_on_file),
    ("kept on file or invited back", lambda c: c.keeps_on_file, "network",
     lambda c, _: _("A short thank-you keeps you in mind for their next opening.")),
    ("many application-stage rejections", _high_application_share, "review_strategy",
     lambda c, _: _("{count} of your last {total} rejections came before any interview: "
                    "worth checking how your applications match the roles.").format(
                        count=c.recent_application_stage, total=c.recent_rejections)),
    ("long search", lambda c: c.search_weeks >= LONG_SEARCH_WEEKS, "stay_persistent",
     lambda c, _: _("You have been searching for {weeks} weeks; steady effort is what long searches need.").format(weeks=c.search_weeks)),
    ("long search", lambda c: c.search_weeks >= LONG_SEARCH_WEEKS, "growth_mindset",
     lambda c, _: _("Every process you have been through is practice that carries into the next.")),
    ("at the application stage", lambda c: c.stage == "application", "stay_persistent",
     lambda c, _: _("Most applications end at this first step, for many people.")),
    ("otherwise", lambda c: True, "accept_emotions",
     lambda c, _: _("Any no is a letdown, whatever the stage it comes at.")),
    ("otherwise", lambda c: True, "reflect_strengths",
     lambda c, _: _("One no takes nothing away from the experience that got you this far.")),
)
"""The rejection policy, top row first (docs/advice.md shows it as a table). Each reason is
written with ``_``, the gettext of the email's language, and says why the strategy was chosen,
never what its nudge already says."""

APPLICATION_STAGE_NUDGES: dict[str, str] = {
    "reflect_strengths": N_("Note what your application shows you do well: none of it changed with this email."),
}
"""The card's line for strategies whose own nudge speaks of a process, after a rejection at the
application stage, where there was none."""


@dataclass(frozen=True, slots=True)
class Choice:
    strategy: Strategy
    reason: str
    rule: str
    nudge: str | None = None
    """The line for the card when the strategy's own ``nudge`` does not fit the occasion (a week)."""
    language: str = "en"
    """The language ``reason`` is written in, and the strategy's texts are shown in."""

    def to_dict(self) -> dict:
        s, _ = self.strategy, gettext_for(self.language)
        return {"id": s.id, "title": _(s.title), "nudge": _(self.nudge or s.nudge), "guidance": _(s.guidance),
                "reason": self.reason}


def _apply(policy: tuple[Row, ...], ctx, limit: int, reason_of: Callable) -> list[Choice]:
    chosen: list[Choice] = []
    for rule, holds, strategy_id, reason in policy:
        if len(chosen) == limit:
            break
        if strategy_id not in {c.strategy.id for c in chosen} and holds(ctx):
            chosen.append(Choice(BY_ID[strategy_id], reason_of(reason), rule))
    return chosen


def for_rejection(ctx: Context, language: str = "en") -> list[Choice]:
    """One to three strategies for a rejection, each with its reason, in the order to show them, in ``language``."""
    _ = gettext_for(language)
    nudges = APPLICATION_STAGE_NUDGES if ctx.stage == "application" else {}
    return [Choice(c.strategy, c.reason, c.rule, nudges.get(c.strategy.id), language)
            for c in _apply(REJECTION_POLICY, ctx, MAX_CHOSEN, lambda reason: reason(ctx, _))]


@dataclass(frozen=True, slots=True)
class Week:
    """What the weekly policy may look at."""

    applications_sent: int = 0
    rejections: int = 0
    interviews: int = 0
    assessments: int = 0
    offers: int = 0
    previous_applications: int = 0
    four_week_average: float = 0.0
    cohort_applied: int = 0
    cohort_responded: int = 0
    application_stage_rejections: int = 0
    search_weeks: int = 0
    applications_known: int = 0
    """Applications the user had by the week's end, whenever they were sent (0: nothing in the pipeline yet)."""


WEEK_POLICY: tuple[tuple[str, Callable[[Week], bool], str, Callable[[Week, NullTranslations], str]], ...] = (
    ("offer this week", lambda w: w.offers > 0, "reflect_strengths",
     lambda w, t: t.gettext("You had an offer this week: note what made it work, it is your best guide for what comes next.")),
    ("several rejections this week", lambda w: w.rejections >= BURST, "self_care",
     lambda w, t: t.gettext("{count} rejections in one week is a lot; rest counts as part of the search.").format(count=w.rejections)),
    ("interviews this week", lambda w: w.interviews > 0, "reflect_strengths",
     lambda w, t: t.ngettext("You were invited to {count} interview: your applications are landing.",
                             "You were invited to {count} interviews: your applications are landing.", w.interviews).format(count=w.interviews)),
    ("assessments this week", lambda w: w.assessments > 0, "keep_learning",
     lambda w, t: t.ngettext("You were invited to {count} assessment: a little practice in what it tests pays off.",
                             "You were invited to {count} assessments: a little practice in what it tests pays off.",
                             w.assessments).format(count=w.assessments)),
    ("low reply rate", lambda w: w.cohort_applied >= 10 and w.cohort_responded / w.cohort_applied < 0.1, "review_strategy",
     lambda w, t: t.gettext("{responded} of your {applied} applications in the last 12 weeks got a reply: "
                            "a look at where and how you apply may help.").format(responded=w.cohort_responded, applied=w.cohort_applied)),
    ("pace dropped", lambda w: w.applications_sent == 0 and w.four_week_average >= 1, "stay_persistent",
     lambda w, t: t.gettext("No applications this week after a steady month: one small step restarts the pace.")),
    ("long search", lambda w: w.search_weeks >= LONG_SEARCH_WEEKS, "stay_persistent",
     lambda w, t: t.gettext("Week {count} of your search: steady effort is what long searches need.").format(count=w.search_weeks)),
    ("rejections this week", lambda w: w.rejections > 0, "accept_emotions",
     lambda w, t: t.ngettext("{count} rejection this week; it is fine to be disappointed.",
                             "{count} rejections this week; it is fine to be disappointed.", w.rejections).format(count=w.rejections)),
    ("applications sent", lambda w: w.applications_sent > 0, "stay_persistent",
     lambda w, t: t.ngettext("You sent {count} application: keep that pace.", "You sent {count} applications: keep that pace.",
                             w.applications_sent).format(count=w.applications_sent)),
    ("no applications yet", lambda w: w.applications_known == 0, "keep_learning",
     lambda w, t: t.gettext("Nothing is in your pipeline yet: a calm moment to get ready for the roles you want.")),
    ("otherwise", lambda w: True, "keep_learning",
     lambda w, t: t.gettext("A quiet week is a good week to build a skill for the roles you want.")),
)
"""The weekly policy: the first row that holds names the strategy of the week."""

WEEK_NUDGES: dict[str, str] = {
    "no applications yet": N_("Pick one skill the roles you want ask for and practise it a little; "
                              "your applications will show up here as they go out."),
    "assessments this week": N_("Practise the skills the assessment covers in short sessions before you take it."),
    "otherwise": N_("Pick one skill the roles you want ask for and practise it in short, regular sessions."),
}
"""The card's line for week rules whose strategy's own nudge speaks of a rejection (``keep_learning``'s
"the area that was tested" fits after a test, not an empty week)."""


def for_week(week: Week, language: str = "en") -> Choice:
    """The strategy suggested for a week, with its reason, in ``language`` (the reader's: the summary page, the digest)."""
    t = translator(language)
    choice = _apply(WEEK_POLICY, week, 1, lambda reason: reason(week, t))[0]
    return Choice(choice.strategy, choice.reason, choice.rule, WEEK_NUDGES.get(choice.rule), language)
