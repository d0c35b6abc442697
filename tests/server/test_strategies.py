"""The strategy policy, tested as the table docs/advice.md shows: each context gives these
strategies in this order, and the reasons say only what the email or the history says."""

import pytest

from server import strategies
from server.strategies import STRATEGIES, Context, Week, for_rejection, for_week


def test_the_ten_strategies_are_complete_data():
    """Ten strategies with distinct ids, each with a title, a one-line nudge, guidance and known next steps."""
    assert len(STRATEGIES) == 10 and len({s.id for s in STRATEGIES}) == 10
    for s in STRATEGIES:
        assert s.title and s.nudge and "\n" not in s.nudge and len(s.guidance) > len(s.nudge)
        assert set(s.next_steps) <= {"feedback_email", "reflection", "similar_roles", "follow_up", "network"}


REJECTIONS = [
    ("after an interview", Context(stage="interview"), ["seek_feedback", "reflect_strengths", "accept_emotions"]),
    ("after an interview, feedback offered", Context(stage="interview", offers_feedback=True, company="Acme"),
     ["seek_feedback", "reflect_strengths", "accept_emotions"]),
    ("application stage, few rejections", Context(stage="application"), ["stay_persistent", "accept_emotions", "reflect_strengths"]),
    ("application stage, high share", Context(stage="application", recent_rejections=8, recent_application_stage=6),
     ["review_strategy", "stay_persistent", "accept_emotions"]),
    ("share high but too few to tell", Context(stage="application", recent_rejections=4, recent_application_stage=4),
     ["stay_persistent", "accept_emotions", "reflect_strengths"]),
    ("after an assessment naming the skill", Context(stage="assessment", skill_area="SQL"),
     ["keep_learning", "accept_emotions", "reflect_strengths"]),
    ("kept on file", Context(stage="application", keeps_on_file=True, company="Acme"), ["stay_open", "network", "stay_persistent"]),
    ("several within a few days", Context(stage="interview", rejections_last_5_days=3), ["accept_emotions", "self_care", "seek_feedback"]),
    ("long search", Context(stage="unknown", search_weeks=14), ["stay_persistent", "growth_mindset", "accept_emotions"]),
    ("nothing known", Context(), ["accept_emotions", "reflect_strengths"]),
]


@pytest.mark.parametrize(("name", "ctx", "expected"), REJECTIONS, ids=[r[0] for r in REJECTIONS])
def test_rejection_policy_table(name, ctx, expected):
    """Each row of the policy table picks these strategies, in this order."""
    assert [c.strategy.id for c in for_rejection(ctx)] == expected


def test_reasons_name_what_the_email_said():
    """The skill area, the employer's offer of feedback and the share of early rejections appear in the reasons."""
    assert "SQL" in for_rejection(Context(stage="assessment", skill_area="SQL"))[0].reason
    assert "Acme offered" in for_rejection(Context(stage="interview", offers_feedback=True, company="Acme"))[0].reason
    assert "6 of your last 8" in for_rejection(Context(stage="application", recent_rejections=8, recent_application_stage=6))[0].reason
    assert "3 rejections in five days" in for_rejection(Context(rejections_last_5_days=3))[0].reason


def test_no_reason_claims_a_cause():
    """No reason tells the user why they were rejected: no "because", no "you lacked"."""
    contexts = [ctx for _, ctx, _ in REJECTIONS]
    for ctx in contexts:
        for choice in for_rejection(ctx):
            text = choice.reason.lower()
            assert "because" not in text and "lack" not in text and "not good enough" not in text


def test_at_most_three_and_never_twice():
    """However many rows hold, one to three distinct strategies come back."""
    ctx = Context(stage="interview", offers_feedback=True, keeps_on_file=True, rejections_last_5_days=5, recent_rejections=9,
                  recent_application_stage=8, search_weeks=30)
    chosen = [c.strategy.id for c in for_rejection(ctx)]
    assert len(chosen) == 3 and len(set(chosen)) == 3


WEEKS = [
    ("offer", Week(offers=1, applications_sent=2), "reflect_strengths"),
    ("many rejections", Week(rejections=4), "self_care"),
    ("interviews", Week(interviews=2, rejections=1), "reflect_strengths"),
    ("low reply rate", Week(cohort_applied=30, cohort_responded=2, applications_sent=5), "review_strategy"),
    ("pace dropped", Week(applications_sent=0, four_week_average=3), "stay_persistent"),
    ("a rejection", Week(rejections=1, applications_sent=3), "accept_emotions"),
    ("steady", Week(applications_sent=3), "stay_persistent"),
    ("assessment", Week(assessments=1, applications_sent=1, applications_known=1), "keep_learning"),
    ("empty", Week(), "keep_learning"),
]


@pytest.mark.parametrize("week", [Week(), Week(applications_known=4)], ids=["new user", "quiet week"])
def test_a_week_with_nothing_in_it_is_not_advised_as_after_a_test(week):
    """An empty week, a new user's above all, gets a line about empty weeks, never "the area that was tested"."""
    shown = for_week(week).to_dict()
    assert "tested" not in shown["nudge"] and "tested" not in shown["reason"]
    assert shown["nudge"] != strategies.BY_ID["keep_learning"].nudge


@pytest.mark.parametrize(("name", "week", "expected"), WEEKS, ids=[w[0] for w in WEEKS])
def test_week_policy_table(name, week, expected):
    """The strategy of the week is the first row of the weekly table that holds."""
    assert for_week(week).strategy.id == expected


def test_policy_rows_name_real_strategies():
    """Every row of both tables points at one of the ten strategies."""
    for _, _, strategy_id, _ in strategies.REJECTION_POLICY + strategies.WEEK_POLICY:
        assert strategy_id in strategies.BY_ID
