"""Role extraction: a job title as the email names it, whole, or nothing (issue 12, item 4).

Each case is one general failure kind seen while tuning, written in our own words with
invented employers ("Tarnwick", "Oberlin Haus", ...); none is a copy of a real template.
"""

import pytest

from worker.extract import extract
from worker.extract.role import find_role
from worker.parse import parse_message

NO = "Unfortunately we have decided not to move forward with your application."
SENDER = "Tarnwick Careers <careers@tarnwick.example>"


def role_of(email_factory, subject, text, sender=SENDER):
    return extract(parse_message(email_factory(subject, text, sender=sender))).role


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("Dear Robin,\n\n**Position:** Data Analyst\n**Location:** Leeds\n\n" + NO, "Data Analyst"),
        ("Dear Robin,\n\nRole applied for: Inventory Planner\n\n" + NO, "Inventory Planner"),
        ("Dear Robin,\n\nApplied position: Inventory Planner\n\n" + NO, "Inventory Planner"),
        ("Dear Robin,\n\nRequisition: 4411 - Inventory Planner\n\n" + NO, "Inventory Planner"),
    ],
)
def test_labelled_field_in_any_dress(email_factory, text, role):
    """A field that labels the title, bold or not, however the label is worded."""
    assert role_of(email_factory, "Your application", text) == role


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("Dear Robin,\n\nThank you for applying for the role: Inventory Planner. " + NO, "Inventory Planner"),
        ("Dear Robin,\n\nThank you for your interest in the following role: Inventory Planner (Leeds). " + NO, "Inventory Planner"),
        ("Dear Robin,\n\nThank you for your application for the following position: Inventory Planner\n\n" + NO, "Inventory Planner"),
    ],
)
def test_title_after_a_colon_of_the_sentence(email_factory, text, role):
    """"for the role: X" and "the following position: X" name the title after the colon."""
    assert role_of(email_factory, "Your application", text) == role


@pytest.mark.parametrize(
    ("subject", "role"),
    [
        ("Application for Software Engineer Intern - Summer 2026", "Software Engineer Intern"),
        ("Graduate Scheme 2027 - your application", "Graduate Scheme 2027"),
        ("Your application: Warehouse Operative (2026/27)", "Warehouse Operative"),
        ("Your application: Trainee Programme (Autumn 2026)", "Trainee Programme"),
    ],
)
def test_intake_year_after_a_title_is_not_part_of_it(email_factory, subject, role):
    """A season, or a year set apart after a title, says when, not which job; a year written into a
    programme's name stays, as people name it so."""
    assert role_of(email_factory, subject, "Hi Robin,\n\n" + NO) == role


def test_title_in_parentheses_after_the_company(email_factory):
    """"Your application to Tarnwick (Data Analyst)": the title without its parentheses."""
    assert role_of(email_factory, "Your application to Tarnwick (Data Analyst)", "Hi Robin,\n\n" + NO) == "Data Analyst"


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("Hi Robin,\n\nThank you for your interest in working at Tarnwick as our next Office Manager. " + NO, "Office Manager"),
        ("Hi Robin,\n\nthank you for your application for our opening for a Data Analyst. " + NO, "Data Analyst"),
        ("Hi Robin,\n\nThank you for considering Tarnwick for the Senior Designer opportunity. " + NO, "Senior Designer"),
        ("Hi Robin,\n\nThank you for applying for the position of Sr. Software Engineer at Tarnwick. " + NO, "Sr. Software Engineer"),
        ("Hi Robin,\n\nThank you for applying for the Sr. Data Analyst position. " + NO, "Sr. Data Analyst"),
        ("Hello Robin,\n\nThank you for applying for Senior Software Engineer - Payments at Tarnwick. " + NO,
         "Senior Software Engineer - Payments"),
    ],
)
def test_english_phrasings_name_the_whole_title(email_factory, text, role):
    """Whole titles behind other English phrasings: "as our next X", "our opening for a X", "the X
    opportunity", an abbreviation with a full stop ("Sr."), a specialty after a dash."""
    assert role_of(email_factory, "Your application", text) == role


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("Hallo Robin,\n\nvielen Dank für Ihre Bewerbung für die ausgeschriebene Position Data Engineer. Leider müssen wir absagen.", "Data Engineer"),
        ("Sehr geehrter Herr Vale,\n\nvielen Dank für Ihr Interesse an einer Tätigkeit als Fachinformatiker für Systemintegration. Leider müssen wir absagen.",
         "Fachinformatiker für Systemintegration"),
        ("Sehr geehrter Herr Vale,\n\nvielen Dank für Ihre Bewerbung zum Ausbildungsplatz als Industriekaufmann. Leider müssen wir absagen.", "Industriekaufmann"),
        ("Hallo Robin,\n\nvielen Dank für Ihre Bewerbung als Praktikant (m/w/d) im Bereich Marketing. Leider müssen wir absagen.", "Praktikant im Bereich Marketing"),
        ("Hallo Robin,\n\nvielen Dank für Ihre Bewerbung als Praktikant im Bereich Einkauf. Leider müssen wir absagen.", "Praktikant im Bereich Einkauf"),
    ],
)
def test_german_phrasings(email_factory, text, role):
    """German: an adjective before the job noun ("ausgeschriebene Position X"), "Tätigkeit als X", a training
    place named before its title ("Ausbildungsplatz als X": the place is no title), "im Bereich X" after a title."""
    assert role_of(email_factory, "Ihre Bewerbung", text, "Oberlin Haus <karriere@oberlin-haus.example>") == role


@pytest.mark.parametrize(
    ("subject", "text", "role"),
    [
        ("Tu postulación", "Hola Robin,\n\nGracias por postularte al cargo de Analista Financiero. Lamentablemente no continuaremos.", "Analista Financiero"),
        ("Tu postulación", "Hola Robin,\n\nGracias por postularte a Analista Financiero. Lamentablemente no continuaremos.", "Analista Financiero"),
        ("Je sollicitatie", "Beste Robin,\n\nBedankt voor je sollicitatie naar de positie van Data Analist. Helaas gaan we niet verder.", "Data Analist"),
    ],
)
def test_spanish_and_dutch_phrasings(email_factory, subject, text, role):
    """"postularte a X", "postularte al cargo de X", "de positie van X"."""
    assert role_of(email_factory, subject, text) == role


@pytest.mark.parametrize(
    ("subject", "text"),
    [
        ("Ihre Bewerbung", "Hallo Robin,\n\nvielen Dank für Ihre Bewerbung um einen Ausbildungsplatz. Leider müssen wir absagen."),
        ("Your application", "Hi Robin,\n\nThank you for applying for the role. " + NO),
        ("Your application", "Hi Robin,\n\nThank you for your interest in the following role:\n\n" + NO),
        ("Your application for Summer 2026", "Hi Robin,\n\n" + NO),
    ],
)
def test_no_title_is_named(email_factory, subject, text):
    """A kind of place, a bare job noun or a season names no title: no role rather than a fragment."""
    assert role_of(email_factory, subject, text) is None


def test_find_role_keeps_a_year_that_opens_the_title():
    """"2026 Graduate Program": a year before the title names the intake the title is."""
    assert find_role("Your application for the 2026 Graduate Program", "Hello.", "Tarnwick") == "2026 Graduate Program"


@pytest.mark.parametrize(
    ("subject", "text", "sender", "role"),
    [
        ("Ihre Bewerbung", "Guten Tag,\n\nvielen Dank für Ihre Bewerbung als Kundenberater und Ihr Interesse an uns. Leider müssen wir absagen.",
         "Oberlin Haus <karriere@oberlin-haus.example>", "Kundenberater"),
        ("Ihre Bewerbung", "Guten Tag,\n\nvielen Dank, dass Sie sich für die Stelle Sachbearbeiter Einkauf interessiert haben. Leider müssen wir absagen.",
         "Oberlin Haus <karriere@oberlin-haus.example>", "Sachbearbeiter Einkauf"),
        ("Ihre Bewerbung", "Guten Tag,\n\nIhre Bewerbung als Projektmanager von letzter Woche haben wir geprüft. Leider müssen wir absagen.",
         "Oberlin Haus <karriere@oberlin-haus.example>", "Projektmanager"),
        ("Ihre Bewerbung", "Guten Tag,\n\nSie haben sich bei uns als Industriemechaniker beworben. Leider müssen wir absagen.",
         "Oberlin Haus <karriere@oberlin-haus.example>", "Industriemechaniker"),
        ("Je sollicitatie", "Beste Robin,\n\nBedankt voor je sollicitatie voor de functie Data Analist binnen ons team. Helaas gaan we niet verder.",
         SENDER, "Data Analist"),
        ("Your application", "Dear Robin,\n\nWe have filled the role of Warehouse Operative internally. " + NO, SENDER, "Warehouse Operative"),
        ("Your application", "Dear Robin,\n\nWe have reviewed your application as Bank Teller carefully. " + NO, SENDER, "Bank Teller"),
    ],
)
def test_title_ends_where_the_sentence_goes_on(email_factory, subject, text, sender, role):
    """In English, German and Dutch a lower-case word after a capitalized title goes on the sentence
    ("… und Ihr Interesse", "… interessiert", "… von letzter Woche", "… binnen ons team", "… internally")."""
    assert role_of(email_factory, subject, text, sender) == role


@pytest.mark.parametrize(
    ("subject", "text", "role"),
    [
        ("Ihre Bewerbung", "Guten Tag,\n\nvielen Dank für Ihre Bewerbung als Assistenz der Geschäftsführung. Leider müssen wir absagen.", "Assistenz der Geschäftsführung"),
        ("Ihre Bewerbung", "Guten Tag,\n\nvielen Dank für Ihre Bewerbung als Fachkraft für Lagerlogistik. Leider müssen wir absagen.", "Fachkraft für Lagerlogistik"),
        ("Your application", "Dear Robin,\n\nThank you for applying for the Lecturer in Economics post. " + NO, "Lecturer in Economics"),
        ("Your application", "Dear Robin,\n\nThanks for applying for the React developer role. " + NO, "React developer"),
        ("Votre candidature", "Bonjour,\n\nNous vous remercions pour votre candidature au poste de Technicien support informatique. Malheureusement, nous ne pouvons pas y donner suite.",
         "Technicien support informatique"),
    ],
)
def test_link_words_and_lower_case_job_nouns_stay(email_factory, subject, text, role):
    """A link word before a capitalized word ("der Geschäftsführung", "für Lagerlogistik", "in Economics"),
    a job noun in lower case ("developer") and French lower-case qualifiers stay in the title."""
    assert role_of(email_factory, subject, text) == role


@pytest.mark.parametrize(
    ("subject", "text", "role"),
    [
        ("Your application", "Dear Robin,\n\nThank you for applying for the IT Support Technician position. " + NO, "IT Support Technician"),
        ("Re: Customer Service Rep", "Dear Robin,\n\nThank you for your interest. " + NO, "Customer Service Rep"),
        ("[Tarnwick] Junior Data Analyst - application status", "Dear Robin,\n\nThank you for your interest. " + NO, "Junior Data Analyst"),
        ("Absage: Duales Studium Informatik", "Guten Tag,\n\nleider müssen wir Ihnen absagen.", "Duales Studium Informatik"),
    ],
)
def test_title_words_that_look_like_other_words(email_factory, subject, text, role):
    """"IT" in capitals is a field, not the pronoun; "Rep" and "Duales Studium" are titles; a bracketed tag
    before a subject is the sender's label, not part of the title."""
    assert role_of(email_factory, subject, text) == role


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("Dear Robin,\n\nThank you for your application. After reviewing all applications, we have chosen another candidate for the Store Manager position. " + NO,
         "Store Manager"),
        ("Dear Robin,\n\nThanks for sending us your application. We have offered the Copy Editor role to another candidate. " + NO, "Copy Editor"),
        ("Dear Robin,\n\nMany thanks for the application you submitted for Logistics Planner. " + NO, "Logistics Planner"),
        ("Dear Robin,\n\nWe have completed the recruitment for our Sous Chef. " + NO, "Sous Chef"),
        ("Dear Robin,\n\nThank you for wanting to be considered for Scrum Master at Tarnwick. " + NO, "Scrum Master"),
        ("Dear Robin,\n\nWe have decided to move forward with other applicants for Front Desk Agent. " + NO, "Front Desk Agent"),
        ("Dear Robin,\n\nOur hiring team has reviewed your submission for Research Fellow. " + NO, "Research Fellow"),
    ],
)
def test_title_later_in_the_text(email_factory, text, role):
    """A title named after other mentions of the application ("Thank you for your application. … for the X
    position"), or after "considered for", "other applicants for", "your submission for"."""
    assert role_of(email_factory, "Your application", text) == role


@pytest.mark.parametrize(
    "text",
    [
        "Dear Robin,\n\nThank you for your application. We have chosen another candidate for the position. " + NO,
        "Dear Robin,\n\nWe will keep you in mind as a candidate for future openings. " + NO,
        "Dear Robin,\n\nWe were looking for a better fit for the Team. " + NO,
    ],
)
def test_no_title_after_other_mentions(email_factory, text):
    """Without a title, the later phrases give nothing: a bare job noun, future openings or a team is no role."""
    assert role_of(email_factory, "Your application", text) is None


@pytest.mark.parametrize(
    ("signoff", "role"),
    [("Mobile Development Internship Team", "Mobile Development Internship"), ("Data Analyst Hiring Team", "Data Analyst"),
     ("Engineering Hiring Team", None), ("Talent Acquisition Team", None), ("The Tarnwick Recruiting Team", None)],
)
def test_title_of_the_team_that_signs(email_factory, signoff, role):
    """A sign-off naming the hiring team after its job gives the title when nothing else does; a department
    ("Engineering") or the company's own team is no title."""
    text = f"Dear Robin,\n\nThank you for completing the assessment. Unfortunately you did not reach the pass mark.\n\nBest regards,\n{signoff}"
    assert role_of(email_factory, "Assessment result", text) == role
