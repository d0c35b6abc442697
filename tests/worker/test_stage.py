"""The stage a rejection came at (issue 12): what places it, and words that must not."""

import pytest

from worker.classify import classify
from worker.classify.stage import rejection_stage
from worker.parse import parse_message
from worker.text import before_sign_off, fold


def stage_of(text: str) -> str:
    """The stage read from a rejection's text, folded as the classifier folds it."""
    return rejection_stage(fold(text))


@pytest.mark.parametrize(
    ("text", "stage"),
    [
        # A meeting only implied: time given at a named moment, a visit, a conversation in the past.
        ("Thank you for your time last week. We have decided to offer the role to someone else.", "interview"),
        ("Really appreciated your time on Zoom yesterday. We won't progress to the next step with you.", "interview"),
        ("It was lovely having you in on Friday. We have offered the position to another candidate.", "interview"),
        ("Since we spoke on Thursday I've talked it through with the team and we won't move ahead.", "interview"),
        ("Nach unserem netten Gespräch haben wir uns für eine andere Bewerberin entschieden.", "interview"),
        ("Danke, dass Sie sich am Montag die Zeit für das Videointerview genommen haben. Leider haben wir uns anders entschieden.", "interview"),
        ("Vielen Dank, dass Sie sich am Donnerstag bei uns im Betrieb vorgestellt haben. Leider sagen wir ab.", "interview"),
        ("Danke für deine Zeit gestern! Wir haben uns leider für eine andere Bewerbung entschieden.", "interview"),
        ("Suite à notre échange, nous avons retenu une autre candidate.", "interview"),
        ("C'était un plaisir d'échanger avec toi, mais on ne donne pas suite.", "interview"),
        ("Merci d'avoir pris le temps de nous rencontrer. Nous ne donnerons pas suite à votre candidature.", "interview"),
        ("Merci pour l'entrevue de mardi. Nous avons choisi une autre candidate.", "interview"),
        ("Tras la entrevista, hemos decidido seguir con otro candidato.", "interview"),
        ("Fue un placer conversar contigo. Hemos decidido avanzar con otra persona.", "interview"),
        ("Gracias por acudir el jueves; fue un gusto haberte conocido. Seguimos con otra candidata.", "interview"),
        ("Na ons gesprek hebben we gekozen voor een andere kandidaat.", "interview"),
        ("Leuk dat je langs bent geweest! We hebben gekozen voor een andere kandidaat.", "interview"),
        ("Fijn je vorige week gesproken te hebben. We kiezen voor iemand anders.", "interview"),
        ("Dank je wel voor het fijne videobellen. We gaan verder met een andere kandidaat.", "interview"),
        # Tests, assignments and their compounds.
        ("Thank you for the effort you put into the take-home brief. We won't be moving forward.", "assessment"),
        ("Your reasoning test results did not meet the benchmark for this intake.", "assessment"),
        ("Danke für deine Lösung der Programmieraufgabe. Wir gehen den nächsten Schritt nicht gemeinsam.", "assessment"),
        ("Gracias por realizar las pruebas psicotécnicas. No continuarás en el proceso.", "assessment"),
        ("Bedankt voor het maken van de praktijkopdracht. We zetten de procedure niet voort.", "assessment"),
        # The application itself, however it is said.
        ("We have decided not to move forward with your application.", "application"),
        ("Our hiring team has gone through every submission, and we won't be taking yours further.", "application"),
        ("Thank you for applying. After shortlisting we will not be inviting you to interview on this occasion.", "application"),
        ("Wir haben Ihr Profil mit den Anforderungen abgeglichen und können Ihre Bewerbung nicht berücksichtigen.", "application"),
        ("On a bien regardé ta candidature, malheureusement on ne pourra pas te proposer la place.", "application"),
        ("Wij hebben uw cv gelezen, maar nodigen u niet uit voor een gesprek.", "application"),
        # Nothing places it.
        ("We won't be offering you the job this time round - we've gone another way.", "unknown"),
        ("Thank you for taking part in our selection process. We have decided to move forward with other candidates.", "unknown"),
    ],
)
def test_stage_follows_what_the_email_says_happened(text, stage):
    """Each stage from its clues, in five languages, including meetings only implied."""
    assert stage_of(text) == stage


@pytest.mark.parametrize(
    "text",
    [
        # Meetings offered for later, not held.
        "We have decided not to progress your application. We would be happy to speak with you about future vacancies.",
        "We will not be taking your application further, but we'd love to chat about other roles in the future.",
        "Tu candidatura no continuará. Estaríamos encantados de hablar con usted en futuros procesos.",
        "Wir können Ihre Bewerbung nicht berücksichtigen und würden uns freuen, Sie in einem künftigen Gespräch kennenzulernen.",
        # Words that look like a test and are not one.
        "Following our assessment of your application against the job description, you have not been selected.",
        "We have reviewed your application and will not proceed. Good luck with your next challenge.",
        "Leider passt Ihr Werdegang nicht zu dem, was wir für diese Aufgabe suchen. Ihre Bewerbung können wir nicht berücksichtigen.",
        # An interview that did not take place, or a call centre that is the workplace.
        "Unfortunately we are unable to offer you an interview for this role. Thank you for your application.",
        "Thank you for applying to join our call centre team. We will not be progressing your application.",
        "Eine Einladung zum Vorstellungsgespräch können wir Ihnen leider nicht aussprechen. Danke für Ihre Bewerbung.",
    ],
)
def test_words_that_do_not_place_a_later_stage(text):
    """Prospective meetings, "our assessment of your application", a career's "next challenge",
    "Aufgabe" meaning the role, an interview not offered: still the application stage."""
    assert stage_of(text) == "application"


def test_signature_and_footer_do_not_place_the_stage():
    """A signer's title and a footer after the closing line are not the email's account of the process."""
    text = ("Many thanks for your application. After assessing your CV we have decided not to progress it.\n\n"
            "Kind regards,\n\nNadia Oyelaran\nTalent Partner & Interview Coordinator\n"
            "Adjustments are available at every step of our interview process.")
    assert stage_of(text) == "application"
    assert "interview" not in before_sign_off(fold(text))


def test_the_whole_text_counts_when_the_closing_line_comes_first():
    """A closing word at the very top ("Best,") does not hide the message."""
    text = "Best,\nThanks for coming in to meet the team. We have decided to go with another candidate."
    assert before_sign_off(fold(text)) == fold(text)
    assert stage_of(text) == "interview"


def test_quoted_earlier_mail_does_not_place_the_stage(email_factory):
    """A reply whose quote of the user's own message speaks of interviews: the new text decides."""
    text = ("Hi Chloe,\n\nThe partners looked at your CV last week and have decided not to take your application further.\n\n"
            "Hannah\n\n-----Original Message-----\nFrom: Chloe <chloe@example.org>\nSent: 12 March 2026 09:14\n"
            "Subject: any news?\n\nHave interviews been arranged yet? I'd love the chance to meet the team.\n")
    result = classify(parse_message(email_factory("RE: Paralegal application", text)))
    assert (result.label, result.stage) == ("rejection", "application")
