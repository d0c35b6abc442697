"""The classifier on short, hand-written cases: one row per behaviour, hard cases included."""

import pytest

from worker.classify import classify
from worker.parse import parse_message


def label_of(email_factory, subject, text, **kw):
    return classify(parse_message(email_factory(subject, text, **kw)))


CASES = [
    # (label, subject, text)
    ("rejection", "Your application to Acme",
     "Hi Robin,\nThank you for applying. After careful consideration we have decided to move forward with other candidates.\nBest wishes"),
    ("rejection", "Data Analyst at Acme",
     "Hi Robin, thanks for applying for the Data Analyst role. We won't be progressing your application this time. All the best."),
    ("rejection", "Update", "Hello, the position has now been filled. We appreciate your interest and wish you the best in your search."),
    ("rejection", "Ihre Bewerbung", "Sehr geehrte Frau Klein,\nleider müssen wir Ihnen mitteilen, dass wir uns für einen anderen Kandidaten entschieden haben."),
    ("rejection", "Votre candidature", "Bonjour,\nnous sommes au regret de vous informer que nous ne pouvons pas donner une suite favorable à votre candidature."),
    ("rejection", "Tu candidatura", "Hola Ana,\nlamentablemente hemos decidido continuar con otros candidatos cuyo perfil se ajusta más al puesto."),
    ("rejection", "Je sollicitatie", "Beste Sanne,\nhelaas moeten we je laten weten dat we niet verder gaan met je sollicitatie."),
    ("application_confirmation", "Application received",
     "Thank you for applying! We have received your application and will review it. Unfortunately, due to the volume we cannot respond to every applicant individually."),
    ("application_confirmation", "Thanks for applying",
     "We received your application. If you do not hear from us within four weeks, please consider your application unsuccessful."),
    ("application_confirmation", "An update on your application",
     "We are still reviewing applications for the Product Designer role and will be in touch soon. Thank you for your patience."),
    ("interview_invitation", "Next steps", "Hi Robin, we'd like to invite you to a 30-minute phone screen. Please share your availability for next week."),
    ("interview_invitation", "Your interview", "Unfortunately the 10am slot is no longer available. Could you let us know your availability on Thursday instead so we can reschedule your interview?"),
    ("interview_invitation", "Your application at Acme",
     "Thank you for applying for the Senior PM role. We have decided to move forward with other candidates for that position. "
     "However, we would like to invite you to interview for our Product Manager, Payments role. Please pick a time that suits you."),
    ("offer", "Offer letter", "Dear Robin, we are delighted to offer you the position of Data Analyst. The offer is contingent on a background check and references."),
    ("job_alert", "Jobs you may like", "Jobs you may be interested in based on your profile: Data Analyst - Acme - Remote. View all jobs. Unsubscribe."),
    ("other", "Re: Your application",
     "Thanks for letting me know, could you share any feedback?\n\nOn Mon, 3 Nov 2026 at 10:02, Acme <jobs@acme-corp.com> wrote:\n> Unfortunately we have decided to move forward with other candidates."),
    ("other", "Limited-time offer", "Our limited-time offer ends Sunday: 30% off all plans. Don't miss this exclusive offer!"),
    ("recruiter_outreach", "Opportunity", "Hi Robin, I came across your profile and I'm recruiting for a fintech client. Would you be open to a quick chat? If it isn't a fit, no worries."),
]


@pytest.mark.parametrize(("expected", "subject", "text"), CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_label(email_factory, expected, subject, text):
    """Each case gets its label, with evidence for it."""
    result = label_of(email_factory, subject, text)
    assert result.label == expected, result.reasons
    if expected != "other":
        assert any(e.label == expected for e in result.evidence)


def test_newsletter_quoting_a_rejection_is_not_a_rejection(email_factory):
    """Rejection phrases inside quotation marks in a job-board newsletter do not count."""
    text = ('How to bounce back from "Unfortunately, we have decided to move forward with other candidates."\n'
            "Five coaches share what helped. Jobs you may like: Analyst at Acme. Unsubscribe")
    result = label_of(email_factory, "Career tips this week", text, sender="LinkedIn <editors-noreply@linkedin.com>",
                      headers={"List-Unsubscribe": "<https://linkedin.com/u>"})
    assert result.label == "job_alert"


@pytest.mark.parametrize(
    ("text", "stage"),
    [
        ("Thank you for taking the time to interview with us. We have decided to move forward with other candidates.", "interview"),
        ("Thank you for completing the coding challenge. Unfortunately we will not be progressing your application.", "assessment"),
        ("We have reviewed your application and unfortunately will not be moving forward with your candidacy.", "application"),
        ("We won't be inviting you to interview; we have decided to move forward with other candidates.", "application"),
    ],
)
def test_rejection_stage(email_factory, text, stage):
    """The stage follows the clues of the email: past interviews, tests, or the CV review."""
    result = label_of(email_factory, "Update", text)
    assert (result.label, result.stage) == ("rejection", stage)


def test_rejection_flags(email_factory):
    """Keeping the CV on file and offering feedback are flagged; their absence is not."""
    flagged = label_of(email_factory, "Update", "Unfortunately we have decided to move forward with other candidates. "
                       "We will keep your details on file for future opportunities, and I'm happy to share feedback if you'd like.")
    plain = label_of(email_factory, "Update", "Unfortunately we have decided to move forward with other candidates.")
    assert flagged.keeps_on_file and flagged.offers_feedback
    assert not plain.keeps_on_file and not plain.offers_feedback


def test_classification_is_deterministic_and_explained(email_factory):
    """The same message gives the same result every time, with reasons naming the words."""
    raw = email_factory("Update", "We regret to inform you that you have not been selected.")
    first, second = classify(parse_message(raw)), classify(parse_message(raw))
    assert first == second
    assert first.label == "rejection" and 0.5 < first.confidence <= 1.0
    assert any("regret to inform" in r for r in first.reasons)


def test_a_friends_are_you_free_is_not_an_interview_invitation(email_factory):
    """A soft proposal with no word of the job search is personal mail; the same words from a recruiter about a role still invite."""
    assert label_of(email_factory, "Dinner on Friday?", "Hi! Are you free for dinner on Friday? We could try the new place.",
                    sender="Alex <alex@example.org>").label == "other"
    assert label_of(email_factory, "Your application", "Thanks for your application for the analyst role. Are you free on Friday "
                    "for a 30-minute interview with the team?", sender="Jo at Acme <jo@acme-corp.com>").label == "interview_invitation"
