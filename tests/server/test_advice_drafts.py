"""The feedback draft and the advice's sentences: grammatical in every language whatever is known
(company, role, stage, who can receive it, the user's name), addressed to someone who reads it,
and quoting the rejection's subject. Pure functions: no database."""

import itertools
import re

import pytest

from server import advice, drafts, strategies
from server.recipients import Recipient, named_contact, readable, recipient, signer
from server.translations import LANGUAGES, gettext_for

COMPANIES = (None, "Northwind")
ROLES = (None, "Data Analyst")
STAGES = (None, "application", "assessment", "interview", "unknown")
RECIPIENTS = (Recipient("sam@northwind.example", "sender"), Recipient("jobs@northwind.example", "contact"),
              Recipient("", "none"), Recipient("", "none", "Hanna Ritter"))
NAMES = (None, "Robin Park")
SUBJECTS = (None, "Your application")

ARTICLES = {
    "en": "the|a|an",
    "de": "der|die|das|dem|den|des|ein|eine|einer|einem|einen",
    "fr": "le|la|les|un|une|du|des|au|aux",
    "es": "el|la|los|las|un|una|del|al",
    "nl": "de|het|een",
}
"""The articles a sentence must never end on, nor put before a full stop ("the role at the." or "le poste de la.")."""


REPEATABLE = frozenset("votre notre vous nous their there which where deine deiner deinem deinen meine meiner meinem ihrem ihren "
                       "ihrer nuestra nuestro jouw jullie".split())
"""Words a sentence may well repeat within three words ("votre CV et votre lettre")."""


def faults(text: str, language: str) -> list[str]:
    """What makes a text ungrammatical in the ways a glued-in fragment does."""
    found = []
    words = re.findall(r"\w+", text.lower())
    for match in re.finditer(r"\b(\w+)\s+\1\b", text, re.IGNORECASE):
        found.append(f"doubled word {match.group(1)!r}")  # "the the", "role role"
    for i, word in enumerate(words):
        if len(word) >= 5 and word in words[i + 1:i + 4] and word not in REPEATABLE:
            found.append(f"{word!r} again within three words")  # "poste de ce poste", "Stelle der ausgeschriebenen Stelle"
    ends = "[.,;:!?»)]" if language == "en" else "[.;:!?»)]"  # "das, was" and "confiez-le," are pronouns
    for match in re.finditer(rf"(?<![-\w'’])({ARTICLES[language]})\s*(?:{ends}|$)", text, re.IGNORECASE | re.MULTILINE):
        found.append(f"dangling article {match.group(0)!r}")
    if re.search(r"\b[ldLD]'\s", text):
        found.append("dangling elision")
    for pattern, what in ((r"\{\w*\}", "unfilled placeholder"), (r"  +", "two spaces"), (r"\s[.,;:]", "space before a point"),
                          (r"\bNone\b", "None"), (r"\.\.", "two full stops")):
        if re.search(pattern, re.sub(r"\u202f([:;?!])", r"\1", text)  # French: a narrow no-break space before these, never a plain one
                     if language == "fr" else text):
            found.append(what)
    return found


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_combination_reads_well_in_every_language(language):
    """Every draft, summary, note and step title, for every mix of what is known, has no doubled word,
    no dangling article, no unfilled placeholder (issue 13: "the the role role", "le poste de ce poste")."""
    _ = gettext_for(language)
    checked = 0
    for company, role, stage, to, name, subject in itertools.product(COMPANIES, ROLES, STAGES, RECIPIENTS, NAMES, SUBJECTS):
        draft = drafts.feedback_email(language, company, role, stage, to, subject, name)
        texts = [draft["subject"], draft["body"], draft["note"] or "", advice.summary(_, company, role, stage),
                 advice._feedback_title(_, company), advice._reflection_title(_, stage)]
        for text in texts:
            assert not faults(text, language), (text, faults(text, language))
        checked += 1
    assert checked == len(COMPANIES) * len(ROLES) * len(STAGES) * len(RECIPIENTS) * len(NAMES) * len(SUBJECTS)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_strategy_text_and_reason_reads_well(language):
    """The strategies' titles, nudges, guidance and every reason the policy can give, in every language."""
    contexts = [strategies.Context(stage=stage, company=company, offers_feedback=offers, keeps_on_file=kept, skill_area=skill,
                                   rejections_last_5_days=burst, recent_rejections=8, recent_application_stage=share,
                                   search_weeks=weeks)
                for stage in STAGES for company in COMPANIES for offers in (False, True) for kept in (False, True)
                for skill in (None, "SQL") for burst, share, weeks in ((1, 0, 0), (3, 6, 14))]
    for ctx in contexts:
        for choice in strategies.for_rejection(ctx, language):
            shown = choice.to_dict()
            for key in ("title", "nudge", "guidance", "reason"):
                assert not faults(shown[key], language), (shown[key], faults(shown[key], language))


def test_the_checker_catches_what_issue_13_saw():
    """The grammar check itself fails on the sentences the issue quotes."""
    assert faults("about the the role role at Acme", "en")
    assert faults("sur le poste de ce poste chez Acme", "fr")
    assert faults("zur Stelle der ausgeschriebenen Stelle", "de")
    assert faults("Thank you for the role at the.", "en")
    assert not faults("Thank you for letting me know your decision on my application for Data Analyst at Northwind.", "en")


@pytest.mark.parametrize("language", LANGUAGES)
def test_draft_is_signed_and_quotes_the_subject(language):
    """The user's name closes the draft; its subject is "Re:" and the rejection's own subject, without a second "Re:"."""
    draft = drafts.feedback_email(language, "Northwind", "Data Analyst", "interview", recipient("sam@northwind.example"),
                                  "AW: RE: Ihre Bewerbung bei Northwind", "Robin Park")
    assert draft["body"].rstrip("\n").endswith("\nRobin Park")
    assert draft["subject"] == "Re: Ihre Bewerbung bei Northwind"
    unsigned = drafts.feedback_email(language, "Northwind", None, None, recipient("sam@northwind.example"), None, "  ")
    assert "Robin" not in unsigned["body"] and unsigned["subject"] == gettext_for(language)("Feedback on my application")


@pytest.mark.parametrize("language", LANGUAGES)
def test_interview_draft_thanks_for_the_conversation_and_application_draft_does_not(language):
    """Only a process that happened is thanked for: the interview after an interview, nothing after a bare application."""
    _ = gettext_for(language)
    after_interview = drafts.feedback_email(language, "Acme", None, "interview", recipient("a@acme.example"))["body"]
    at_application = drafts.feedback_email(language, "Acme", None, "application", recipient("a@acme.example"))["body"]
    thanks = _("I appreciated the time you took to speak with me.")
    assert thanks in after_interview and thanks not in at_application
    assert _("I appreciated the chance to take part in the assessment.") not in at_application


@pytest.mark.parametrize("address", ["noreply@acme.example", "no-reply@us.greenhouse-mail.io", "Careers.NoReply@acme.example",
                                     "donotreply@match.indeed.com", "notifications@app.bamboohr.com", "ne-pas-repondre@acme.fr",
                                     "acme@myworkday.com", "jobs@acme.teamtailor-mail.com", "mailer-daemon@acme.example",
                                     "jobs-noreply@linkedin.com", "not an address", ""])
def test_nobody_reads_no_reply_ats_and_board_addresses(address):
    """No-reply and notification mailboxes, applicant tracking systems and job boards are never a draft's recipient."""
    assert not readable(address)
    assert recipient(address).address == "" and recipient(address).source == "none"


@pytest.mark.parametrize("address", ["sam@northwind.example", "recruiting@kranich.de", "rh@groupe-vallon.fr", "hr@dwarves.com"])
def test_people_read_named_and_team_addresses(address):
    """A person's or a team's own address at the employer receives the draft."""
    assert readable(address) and recipient(address) == Recipient(address, "sender")


@pytest.mark.parametrize("text", [
    "We will not move forward. Feel free to contact us at talent@northwind.example if you have questions.",
    "Leider müssen wir absagen. Bei Fragen wenden Sie sich gerne an personal@kranich.de.",
    "Nous ne donnerons pas suite. Pour toute question, vous pouvez écrire à rh@vallon.fr.",
    "No continuaremos con tu candidatura. Si tienes dudas, escríbenos a seleccion@andina.es.",
    "Helaas gaan we niet verder. Heb je vragen? Mail naar werving@vanloon.nl.",
])
def test_a_contact_address_the_email_names_receives_the_draft(text):
    """When the sender is a no-reply address, the address the email offers for questions is used, in each language."""
    to = recipient("noreply@ats.example", text)
    assert to.source == "contact" and to.address == re.search(r"[\w.]+@[\w.]+\w", text).group(0)


def test_an_address_without_an_invitation_to_write_is_not_a_contact():
    """An address in a privacy footer or the user's own address is not offered as a contact."""
    assert named_contact("Your data is processed by privacy@ats.example under GDPR.") is None
    assert named_contact("Questions? Contact robin@example.org", own="robin@example.org") is None
    assert named_contact("Questions? Contact no-reply@acme.example") is None
    assert recipient("noreply@acme.example", "Questions? Contact Robin@Example.org", own="robin@example.org").source == "none"


def test_the_signer_is_named_when_nobody_reads_the_sender():
    """A person who signed an email from a no-reply address is named in the note; a team signature is not a person."""
    to = recipient("no-reply@hire.lever.co", "We decided not to proceed.\n\nKind regards,\nHanna Ritter\nNorthwind")
    assert to == Recipient("", "none", "Hanna Ritter")
    note = drafts.feedback_email("en", "Northwind", None, None, to)["note"]
    assert "Hanna Ritter" in note and "Northwind" in note
    assert signer("Best regards,\nThe Northwind Talent Team") is None
    assert signer("Mit freundlichen Grüßen\n\nIhr Recruiting-Team") is None
    assert signer("Saludos,\nFemke de Wit") == "Femke de Wit"


@pytest.mark.parametrize("text", ["Note: this is a system generated mail. Please do not reply.",
                                  "Diese E-Mail wurde automatisch versendet, bitte antworten Sie nicht darauf.",
                                  "Merci de ne pas répondre à ce message.", "Por favor, no responda a este correo.",
                                  "Dit bericht kunt u niet beantwoorden; deze mailbox wordt niet gelezen."])
def test_an_email_that_says_not_to_reply_is_not_answered_to_its_sender(text):
    """A readable-looking sender whose email asks not to reply gets no draft; a contact it names does."""
    assert recipient("careers@acme.example", text) == Recipient("", "none")
    assert recipient("careers@acme.example", f"{text} For any question, contact talent@acme.example.") == \
        Recipient("talent@acme.example", "contact")
