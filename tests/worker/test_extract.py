"""Extraction of employer, role, ATS vendor, job id and language."""

import pytest

from worker.evaluate import same_company
from worker.extract import extract, normalize_company
from worker.parse import parse_message


def extracted(email_factory, subject, text, sender):
    return extract(parse_message(email_factory(subject, text, sender=sender)))


@pytest.mark.parametrize(
    ("sender", "text", "company", "ats"),
    [
        ("Acme Robotics Hiring via Greenhouse <no-reply@us.greenhouse-mail.io>", "Thanks for applying.", "Acme Robotics", "Greenhouse"),
        ("Lumen Bank <no-reply@hire.lever.co>", "Thanks for applying.", "Lumen Bank", "Lever"),
        ("Careers at Northwind <careers@northwind-analytics.com>", "Thanks.", "Northwind", None),
        ("Jane Doe <jane.doe@kestrelbank.co.uk>", "Thanks for your interest in Kestrel Bank.", "Kestrel Bank", None),
        ("Stadtwerke Nordhafen GmbH <noreply@softgarden.io>", "Vielen Dank.", "Stadtwerke Nordhafen", "softgarden"),
    ],
)
def test_company_and_vendor(email_factory, sender, text, company, ats):
    """The employer comes from the display name, the text or the domain; the ATS is never the employer."""
    x = extracted(email_factory, "Your application", text, sender)
    assert (x.company, x.ats) == (company, ats)


@pytest.mark.parametrize(
    ("subject", "text", "role"),
    [
        ("Your application for Senior Data Analyst at Acme", "Hello.", "Senior Data Analyst"),
        ("Update", "Thank you for applying for the Backend Engineer position at Acme.", "Backend Engineer"),
        ("Ihre Bewerbung als Projektmanager (m/w/d)", "Guten Tag.", "Projektmanager"),
        ("Votre candidature au poste de Chargée de communication (H/F)", "Bonjour.", "Chargée de communication"),
        ("Tu candidatura para el puesto de Diseñador UX", "Hola.", "Diseñador UX"),
        ("Je sollicitatie voor de functie van Data Engineer", "Hoi.", "Data Engineer"),
    ],
)
def test_role(email_factory, subject, text, role):
    """The job title as the email names it, without gender markers."""
    assert extracted(email_factory, subject, text, "Acme <jobs@acme-corp.com>").role == role


def test_job_id_and_language(email_factory):
    """A requisition id is found, and the language is told from the words."""
    x = extracted(email_factory, "Bewerbung", "Vielen Dank für Ihre Bewerbung (Stellen-ID: R-10423). Leider haben wir uns anders entschieden.",
                  "Acme <jobs@acme-corp.com>")
    assert x.job_id == "R-10423" and x.language == "de"


@pytest.mark.parametrize(("a", "b"), [("Acme, Inc.", "ACME"), ("Müller & Co. KG", "müller & co kg"), ("Vandenbroucke & Zonen NV", "Vandenbroucke & Zonen")])
def test_company_names_normalize(a, b):
    """Legal forms, case and punctuation do not make two employers."""
    assert normalize_company(a) == normalize_company(b)


# --- never a fragment: each failure seen on real mail, in emails of our own -------------

@pytest.mark.parametrize(
    ("subject", "text", "sender", "company", "role"),
    [
        ("Your application", "Thank you for applying to the Data Analyst role at Acme Corp. We will not be moving forward.",
         "Talent <talent@acmecorp.com>", "Acme Corp", "Data Analyst"),
        ("Regarding the Data Analyst role at Acme Corp", "Hi Robin, we have decided not to move forward.",
         "Acme Corp <jobs@acme-corp.com>", "Acme Corp", "Data Analyst"),
        ("Application for Junior Software Engineer", "We regret to let you know that we will not proceed.",
         "Halvard Systems <jobs@halvard-systems.com>", "Halvard Systems", "Junior Software Engineer"),
        ("Update on your Head of Finance application", "Thank you for your time.", "Ostrava Mills <jobs@ostravamills.com>", "Ostrava Mills", "Head of Finance"),
        ("Online assessment invitation for Data Analyst", "Please complete the test within five days.",
         "Pellham Retail <talent@pellham.com>", "Pellham Retail", "Data Analyst"),
        ("Je sollicitatie", 'Bedankt voor je interesse in "Bezorger (weekend)" bij Molenhuis.', "Molenhuis <vacatures@molenhuis.nl>", "Molenhuis", "Bezorger (weekend)"),
    ],
)
def test_role_is_the_whole_title_and_company_the_employer(email_factory, subject, text, sender, company, role):
    """A title is taken whole ("Junior Software Engineer", "Head of Finance"), never the word after it
    or a piece of the employer's name; the company is the employer, with or without its legal form."""
    x = extracted(email_factory, subject, text, sender)
    assert (normalize_company(x.company), x.role) == (normalize_company(company), role)


def test_role_with_a_team_after_a_comma_keeps_the_title(email_factory):
    """"Data Scientist, Risk at Stripe" gives the title (with or without its team), never "Risk", and Stripe once."""
    x = extracted(email_factory, "Your application", "Thanks for your interest in Data Scientist, Risk at Stripe. Unfortunately we will not move forward.",
                  "Stripe Recruiting <no-reply@stripe.com>")
    assert x.company == "Stripe" and x.role in ("Data Scientist, Risk", "Data Scientist")


@pytest.mark.parametrize(
    "text",
    [
        "Sehr geehrte Frau Vale,\n\nleider haben wir uns für eine andere Kandidatin entschieden.",
        "Sehr geehrte Frau Vale,\n\nnach sorgfältiger Prüfung haben wir uns als Unternehmen für eine andere Kandidatin entschieden.",
    ],
)
def test_no_role_from_a_sentence(email_factory, text):
    """A sentence about the decision ("für eine andere Kandidatin entschieden") is not a title: no role at all."""
    assert extracted(email_factory, "Ihre Bewerbung", text, "Birkwald GmbH <karriere@birkwald.de>").role is None


@pytest.mark.parametrize(
    ("subject", "text", "sender"),
    [
        ("Senior Data Analyst opportunity", "Hi Robin,\n\nI think you'd be a great fit for a Senior Data Analyst opportunity with a client of mine.\n\nCheers,\nMarta Quist",
         "Marta Quist <marta.quist@gmail.com>"),
        ("Exciting Senior Data Analyst opportunity", "Hi Robin, I'm recruiting for a Senior Data Analyst. Interested?\n\nBest\nMarta Quist",
         "Marta Quist <marta.quist@outlook.com>"),
        ("Senior Data Analyst opportunity", "Hi Robin,\n\nThere's a Senior Data Analyst opportunity at a scale-up.\n\nMarta Quist",
         "Marta Quist via LinkedIn <inmail-hit-reply@linkedin.com>"),
    ],
)
def test_outreach_title_is_not_split_into_company_and_role(email_factory, subject, text, sender):
    """Recruiter outreach keeps its title whole, and neither a piece of it nor the recruiter becomes the company."""
    x = extracted(email_factory, subject, text, sender)
    assert x.role == "Senior Data Analyst"
    assert x.company is None


@pytest.mark.parametrize(
    "sender",
    [
        "GmbH <noreply@softgarden.io>",
        "Inc <jobs@inc-mail.com>",
        "Corp <careers@corp.example>",
        "Workday <noreply@myworkday.com>",
        "SmartRecruiters <noreply@smartrecruiters.com>",
        "Greenhouse <no-reply@greenhouse.io>",
        "Lever <no-reply@hire.lever.co>",
        "Personio <no-reply@personio.de>",
        "Indeed <no-reply@indeed.com>",
        "StepStone <info@stepstone.de>",
        "LinkedIn <jobs-noreply@linkedin.com>",
        "DocuSign <dse@docusign.net>",
        "Recruitment <recruitment@company.example>",
        "Hiring Team <jobs@example.com>",
    ],
)
def test_company_is_never_a_legal_form_a_vendor_or_a_placeholder(email_factory, sender):
    """A legal form alone, an ATS, a job board, a relay or a template's stand-in domain names no employer."""
    assert extracted(email_factory, "Your application", "Thank you for applying. We will review your application.", sender).company is None


@pytest.mark.parametrize(
    ("sender", "text", "company"),
    [
        ("Priya Nandakumar <priya.nandakumar@outlook.com>", "Hi Robin,\n\nWould you be interested in a Backend Engineer role?\n\nThanks,\nPriya Nandakumar", None),
        ("Owen Trask <owen@fenwicklabs.io>", "Hi Robin,\n\nI'm a recruiter at Fenwick Labs and we are hiring a Platform Engineer.\n\nBest,\nOwen Trask", "Fenwick Labs"),
        ("Ines - Koppelwerk Nederland <recruitment@koppelwerk.nl>", "Bedankt voor je sollicitatie.\n\nInes", "Koppelwerk Nederland"),
        ("Lena (NORDVX) <recruiting@nordvx.com>", "Thank you for the call today.\n\nLena", "NORDVX"),
    ],
)
def test_recruiter_is_never_the_company(email_factory, sender, text, company):
    """A recruiter's own name is never the employer: the company comes from the rest of the sender or the text."""
    assert extracted(email_factory, "Opportunity", text, sender).company == company


def test_display_name_spelled_as_the_domain_keeps_its_team_word(email_factory):
    """"Harbourline Recruitment" at harbourlinerecruitment.com is the agency's whole name, not "Harbourline"."""
    x = extracted(email_factory, "Your application", "Thanks for applying.", "Harbourline Recruitment <info@harbourlinerecruitment.com>")
    assert x.company == "Harbourline Recruitment"


# --- vendors, platforms, people and subject titles (issue 12, item 4): own examples, invented companies ---------

@pytest.mark.parametrize(
    ("subject", "text", "sender", "company"),
    [
        ("Skillgate — Online Test for Supply Planner", "Hello Robin,\n\nYou have been selected for the Supply Planner position at Corvane Foods.\n"
         "Please complete the online test within three days.\n\n— Skillgate", "Skillgate <no-reply@skillgate.io>", "Corvane Foods"),
        ("Application Update", "Dear Robin,\n\nThank you for applying for the Supply Planner role at Corvane Foods through Hirely.\n\n"
         "The organisation has decided to continue with other applicants. Keep browsing openings on the Hirely platform.", "Hirely <noreply@hirely.app>", "Corvane Foods"),
        ("Candidature acceptée", "Votre candidature a été acceptée par Atelier Vermeil.\n\nMessage de l'employeur : à lundi !\n\n---\nPasserelle Emploi",
         "Passerelle Emploi <noreply@passerelle-emploi.fr>", "Atelier Vermeil"),
        ("Ihre Bewerbung", "Guten Tag,\n\nvielen Dank für Ihre Bewerbung bei der Holtmeier Antriebe. Wir melden uns.\n\nIhr Jobportal-Team", "Jobportal <info@jobportal-nord.de>",
         "Holtmeier Antriebe"),
        ("Vacature Monteur", "Beste Sanne,\n\nIk werk aan een vacature als Monteur bij Dekkers Installatietechniek in Zwolle. Interesse?\n\nGroet,\nBram",
         "Bram Hoekstra <bram@hoekstra-werving.nl>", "Dekkers Installatietechniek"),
    ],
)
def test_a_platform_or_vendor_is_not_the_employer_the_body_names(email_factory, subject, text, sender, company):
    """When the body names the employer of the job ("the X position at Y", "accepted by Y", "Bewerbung bei Y")
    and it is not the sender, the body's employer wins: a platform, an assessment vendor or a relay only sends."""
    assert extracted(email_factory, subject, text, sender).company == company


def test_a_platform_that_names_no_employer_gives_no_company(email_factory):
    """A platform's own mail ("through Hirely") that names no employer gives no company, never the platform."""
    x = extracted(email_factory, "Application Update", "Thank you for applying through Hirely.\n\nWe will let you know.",
                  "Hirely <noreply@hirely.app>")
    assert x.company is None


def test_the_employers_own_mail_keeps_the_employer_when_a_site_follows_at(email_factory):
    """An employer writing "the Deckhand role at Port Kelling" (a place) stays the company: a person at the
    employer's domain, or an employer naming itself in the body, is not overridden by a weak "at" phrase."""
    x = extracted(email_factory, "Deckhand", "Hi Liam,\n\nWe will not progress your application for the Deckhand role at Port Kelling.\n\nKind regards,\nKylie\nHarrowmere Shipping",
                  "Kylie Stroud <kylie.stroud@harrowmereshipping.com>")
    assert x.company == "Harrowmere Shipping"
    x = extracted(email_factory, "Cabin Crew", "BLUEWREN AIR\n\nThank you for recording your answers for the Cabin Crew role at North Bay.\n\nBluewren Air Recruitment",
                  "Bluewren Air Careers <careers@bluewren-air.com>")
    assert x.company == "Bluewren Air"


@pytest.mark.parametrize(
    ("sender", "text", "company"),
    [
        ("Claire Vautrin <recrutement@boulangerie-vautrin.fr>", "Bonjour,\n\nPouvez-vous me rappeler ?\n\nClaire Vautrin\nBoulangerie Vautrin & Fils\n04 00 00 00 00",
         "Boulangerie Vautrin & Fils"),
        ("Stefan Ohlendorf <bewerbung@ohlendorf-steuerberatung.de>", "Guten Tag,\n\nleider können wir Sie nicht berücksichtigen.\n\nStefan Ohlendorf", "Ohlendorf Steuerberatung"),
    ],
)
def test_a_persons_name_is_never_the_company(email_factory, sender, text, company):
    """A display name that is a person ("Claire Vautrin": a common given name, then a family name) is never the
    company, even when the family name is in the domain; the signature or the domain names the employer."""
    x = extracted(email_factory, "Votre candidature", text, sender)
    assert x.company == company


@pytest.mark.parametrize(
    ("subject", "company", "role"),
    [
        ("Invitation to Interview - Platform Engineer", "Quillfeather", "Platform Engineer"),
        ("Bevestiging sollicitatie Koeltechnicus - Vrieswijk", "Vrieswijk Nederland", "Koeltechnicus"),
        ("Your application: Warehouse Picker", "Brightwell Logistics", "Warehouse Picker"),
        ("Warehouse Picker – application received", "Brightwell Logistics", "Warehouse Picker"),
        ("Ihre Bewerbung: Kommissionierer", "Brightwell Logistics", "Kommissionierer"),
        ("Votre candidature : Préparateur de commandes", "Brightwell Logistics", "Préparateur de commandes"),
        ("Tu candidatura: Reponedor", "Brightwell Logistics", "Reponedor"),
        ("Je sollicitatie: Orderpicker", "Brightwell Logistics", "Orderpicker"),
        ("Chef de projet logistique - 2e entretien", "Brightwell Logistics", "Chef de projet logistique"),
    ],
)
def test_subject_title_without_status_or_company_parts(subject, company, role):
    """A subject's title is taken without a status part ("Interview - X", "X – application received") or the
    company's name after it ("Koeltechnicus - Vrieswijk" from Vrieswijk Nederland)."""
    from worker.extract.role import find_role

    assert find_role(subject, "Hello.", company) == role


def test_a_role_is_never_the_companys_acronym(email_factory):
    """"HKC Round 2 Update" from Halden Knowles Consulting has no title: the acronym is the company, not a role."""
    x = extracted(email_factory, "HKC Round 2 Interview Update", "Thank you for interviewing with Halden Knowles Consulting (HKC). We will not move forward.",
                  "Halden Knowles Consulting <recruiting@hkc-example.org>")
    assert x.role is None


def test_a_title_after_a_failed_intro_is_still_found(email_factory):
    """When the first intro holds no title ("application for a post"), a later one in the same sentence gives it."""
    x = extracted(email_factory, "Your Application 4471", "We have your application for a post, in the role of Lab Systems Engineer, Department of Physics.",
                  "Stellhaven University <noreply@jobs.stellhaven.ac.uk>")
    assert x.role == "Lab Systems Engineer"


@pytest.mark.parametrize(
    ("found", "label", "same"),
    [
        ("Harrowmere", "Harrowmere Shipping", True),
        ("Vrieswijk Nederland", "Vrieswijk", True),
        ("Brightwell", "Brightwell Logistics", True),
        ("Quillfeather", "Quillfeather Software Ltd", True),
        ("HKC", "Halden Knowles Consulting (HKC)", True),
        ("Halden Knowles Consulting", "Halden Knowles Consulting (HKC)", True),
        ("Hotel", "Hotel Marisol", False),
        ("Group", "Group Vantage", False),
        ("Port Kelling", "Harrowmere Port Kelling", False),
        ("Acme", "Zenith", False),
        (None, "", True),
        ("Acme", "", False),
        ("Acme", "Acme (via agency)", True),
    ],
)
def test_company_scoring_accepts_a_token_prefix(found, label, same):
    """The scorer counts a name right when one is the other's leading words after normalisation, unless the
    shorter is one generic word; an acronym in the label's parentheses is accepted too; an empty label wants None."""
    from worker.extract.evaluate import same_company

    assert same_company(found, label) is same


# --- vendors by brand, senders with "@", qualifiers after a title, a turn to another role ----

@pytest.mark.parametrize(
    ("domain", "vendor", "board", "relay"),
    [
        ("mail.personio.es", "Personio", False, False),
        ("teamtailor.eu", "Teamtailor", False, False),
        ("alerts.stepstone.at", None, True, False),
        ("indeed.com.mx", None, True, False),
        ("tests.testgorilla.io", None, False, True),
        ("fernhollow-bakery.com", None, False, False),
    ],
)
def test_vendors_are_known_by_their_brand_under_any_top_level_name(domain, vendor, board, relay):
    """An ATS, a job board or a test service is told by its brand, whatever the country's domain."""
    from worker.senders import ats_vendor, is_job_board, is_relay

    assert (ats_vendor(domain), is_job_board(domain), is_relay(domain)) == (vendor, board, relay)


def test_a_display_name_with_an_at_sign_still_names_the_employer(email_factory):
    """"People Team @ Quillmoor" is the Quillmoor team, not an address."""
    x = extracted(email_factory, "Your application", "Thank you for your time. We will not move forward.\n\nPeople Team @ Quillmoor",
                  "People Team @ Quillmoor <people@quillmoor-holdings.com>")
    assert x.company == "Quillmoor"


@pytest.mark.parametrize(
    ("subject", "role"),
    [
        ("Your application for Data Engineer - Berlin", "Data Engineer"),
        ("Your application for Business Analyst (Bengaluru)", "Business Analyst"),
        ("Application received: Payroll Officer, Manchester", "Payroll Officer"),
        ("Votre candidature au poste de Comptable fournisseurs (CDI)", "Comptable fournisseurs"),
        ("Bewerbung als Lagerist in Bremen", "Lagerist"),
        ("Your application for Relationship Manager - Wealth", "Relationship Manager - Wealth"),
        ("Your application for Nurse in Training", "Nurse in Training"),
    ],
)
def test_a_city_or_contract_after_a_title_is_not_part_of_it(email_factory, subject, role):
    """A known city, a place after "in" or a French contract type is cut; a specialty stays."""
    assert extracted(email_factory, subject, "Hello.", "Ravelstone <jobs@ravelstone.com>").role == role


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("Thanks for applying for the Inventory Analyst role. We have decided not to take that one further.\n\n"
         "However, our Supply Planner opening would suit you well, and we'd love to invite you to a call next week.", "Supply Planner"),
        ("Merci pour votre candidature au poste de Chef de rayon. Nous ne retiendrons pas votre candidature.\n\n"
         "En revanche, nous aimerions vous proposer un entretien pour le poste de Responsable logistique.", "Responsable logistique"),
        ("Thanks for applying for the Inventory Analyst role. Unfortunately we will not move forward.\n\n"
         "However, we will keep your details on file.", "Inventory Analyst"),
    ],
)
def test_the_role_an_email_moves_on_to_wins(email_factory, text, role):
    """Declined for one role and invited for another: the next step is about the other one."""
    assert extracted(email_factory, "Your application", text, "Brindlewood <talent@brindlewood.com>").role == role


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("Thanks for the time you spent interviewing for Principal Designer. We will not move forward.", "Principal Designer"),
        ("Attached is the brief for the final stage of the Content Marketing Manager process.", "Content Marketing Manager"),
        ("Could you pick one of these slots for the Field Service Engineer technical interview?", "Field Service Engineer"),
        ("Wir suchen eine:n Werkstudent Controlling für unser Team in Kassel.", "Werkstudent Controlling"),
        ("Please pick a slot for the final interview.", None),
    ],
)
def test_a_title_before_a_process_or_after_interviewing_for(email_factory, text, role):
    """A title named by the process or interview it is about, or by whom a team is looking for."""
    assert extracted(email_factory, "Next steps", text, "Ostermoor <jobs@ostermoor.com>").role == role


@pytest.mark.parametrize(
    "subject",
    ["Your application for the open position", "Ihre Bewerbung auf die Stelle", "Votre candidature au poste", "Je sollicitatie op de vacature", "Tu solicitud: Prácticas",
     "Update: Je stage-aanvraag"],
)
def test_a_generic_job_word_is_never_a_role(email_factory, subject):
    """When the email names no title, the role is None, never "position", "Stelle", "poste"."""
    assert extracted(email_factory, subject, "Thank you.", "Ostermoor <jobs@ostermoor.com>").role is None


def test_a_signature_writes_the_kind_of_organisation_before_the_name(email_factory):
    """"Casa Veluna" signed "Hotel Casa Veluna · Calle Mayor 3" is the hotel's full name."""
    x = extracted(email_factory, "Candidatura recibida", "Hola Marta,\n\nGracias por tu interés en Casa Veluna.\n\nHotel Casa Veluna · Calle Mayor 3 · Soria",
                  "Casa Veluna <direccion@casaveluna.es>")
    assert x.company == "Hotel Casa Veluna"


def test_a_display_name_that_is_the_tail_of_the_domain_takes_its_leading_words(email_factory):
    """"Hafen Ost" writing from spedition-hafen-ost.de is Spedition Hafen Ost."""
    x = extracted(email_factory, "Dein Termin", "Hallo Jonas,\n\nwir freuen uns auf dich.", "Team Hafen Ost <jobs@spedition-hafen-ost.de>")
    assert x.company == "Spedition Hafen Ost"


def test_an_application_bei_names_the_employer_for_a_platform(email_factory):
    """A platform that only signs: "Ihre Bewerbung bei der Kornfeld Mühlenwerke GmbH" names the employer."""
    x = extracted(email_factory, "Neuigkeiten", "Guten Tag,\n\nIhre Bewerbung bei der Kornfeld Mühlenwerke GmbH wurde leider abgelehnt.\n\nIhr Jobportal-Team\nStellenfix",
                  "Stellenfix <noreply@stellenfix.de>")
    assert x.company == "Kornfeld Mühlenwerke"


@pytest.mark.parametrize(
    ("subject", "text", "role"),
    [
        ("Tilbury Quay - application update", "Thank you for your application for Product Analyst, Logistics at Tilbury Quay.", "Product Analyst, Logistics"),
        ("Account Manager - Interview Status", "We cannot offer you the position of Account Manager - Public Sector at this time.", "Account Manager - Public Sector"),
        ("Interview outcome", "Thank you for attending interview for the post of Support Worker (Night Shifts) last week.", "Support Worker (Night Shifts)"),
        ("Candidature", "Merci pour votre candidature au poste de Responsable achats et logistique. Nous revenons vers vous.", "Responsable achats et logistique"),
        ("Your application", "Thanks for applying to the Senior Engineer (Req 40213) role.", "Senior Engineer"),
    ],
)
def test_a_title_keeps_its_specialty(email_factory, subject, text, role):
    """A specialty after a comma, a dash or in parentheses, and two joined qualifiers, stay in the title."""
    assert extracted(email_factory, subject, text, "Tilbury Quay <jobs@tilburyquay.com>").role == role


@pytest.mark.parametrize(
    ("subject", "role"),
    [
        ("Probetag Bäcker", "Bäcker"),
        ("Ihre Bewerbung als Duales Studium Informatik (Start 1", "Duales Studium Informatik"),
    ],
)
def test_an_event_before_a_title_and_a_cut_aside_are_not_part_of_it(email_factory, subject, role):
    """Words naming the event before a title are dropped, and so is a parenthesis left open."""
    assert extracted(email_factory, subject, "Hallo.", "Kornblum <jobs@kornblum.de>").role == role


def test_a_verb_after_a_dutch_title_is_not_part_of_it(email_factory):
    """Dutch puts the verb last: "de functie van Data Engineer aanbieden" names a Data Engineer."""
    x = extracted(email_factory, "Goed nieuws", "Hoi Sem,\n\nWe willen je graag de functie van Data Engineer aanbieden.", "Veldhoven Data <jobs@veldhovendata.nl>")
    assert x.role == "Data Engineer"


def test_a_job_card_names_the_title_above_the_employer_line(email_factory):
    """A board's card: the title on the line above "Employer · Place"."""
    x = extracted(email_factory, "Your application was sent to Brackwater Foods", "Your application was sent to Brackwater Foods\n\nQuality Technician\nBrackwater Foods · Leeds (On-site)\n\nGood luck!",
                  "LinkedIn <jobs-noreply@linkedin.com>")
    assert (x.company, x.role) == ("Brackwater Foods", "Quality Technician")


def test_a_place_for_a_training_names_the_trade(email_factory):
    """"Bewerbung um einen Ausbildungsplatz als Mechatronikerin" names the trade."""
    x = extracted(email_factory, "Ihre Bewerbung", "vielen Dank für Ihre Bewerbung um einen Ausbildungsplatz als Mechatronikerin (m/w/d) zum 1. August.",
                  "Lindauer Antriebe <ausbildung@lindauer-antriebe.de>")
    assert x.role == "Mechatronikerin"


@pytest.mark.parametrize(
    ("sender", "company"),
    [
        ("Sanne van Hollebeek <jobs@hollebeek.nl>", "Hollebeek"),
        ("Lena von Brakel <karriere@brakel-maschinenbau.de>", "Brakel"),
        ("Inès de Maraval <recrutement@maraval.fr>", "Maraval"),
        ("Pieter de Vries <pieter.devries@gmail.com>", None),
    ],
)
def test_a_first_name_from_the_employer_is_not_part_of_its_name(email_factory, sender, company):
    """"Sanne van Hollebeek" from jobs@hollebeek.nl is Sanne *from* Hollebeek (Dutch "van", German
    "von", French "de"): the employer is the part the domain names, never the person; a family name
    with a particle at free mail stays a person."""
    x = extracted(email_factory, "Je sollicitatie", "Beste Sam,\n\nHelaas hebben we gekozen voor een andere kandidaat.\n\nGroet", sender)
    assert same_company(company, x.company) if company else x.company is None


@pytest.mark.parametrize(
    "sender",
    ["Het team van Quorvel <werken@quorvel.nl>", "Ihr Team von Quorvel <karriere@quorvel.de>", "L'équipe de Quorvel <jobs@quorvel.fr>",
     "El equipo de Quorvel <empleo@quorvel.es>", "The Quorvel Team <team@quorvel.io>", "Your recruiting team at Quorvel <jobs@quorvel.io>"],
)
def test_the_team_of_the_employer_is_the_employer(email_factory, sender):
    """"Het team van Quorvel", "L'équipe de Quorvel": an article and a team word before the name are not part of it."""
    x = extracted(email_factory, "Your application", "Hello,\n\nwe will not move forward.\n", sender)
    assert x.company == "Quorvel"


def test_an_ats_mailbox_named_after_its_customer_names_the_employer(email_factory):
    """Some ATS send from a mailbox named after the customer (quorvel@myworkday.com): with nothing
    else to go on, that name is the employer."""
    x = extracted(email_factory, "Your application", "Dear Sam,\n\nWe have decided not to move forward.\n", "quorvel@myworkday.com")
    assert (x.company, x.ats) == ("Quorvel", "Workday")


def test_a_team_signature_names_the_employer_of_a_no_reply_sender(email_factory):
    """A no-reply ATS mail signed "The Quorvel Recruiting Team" is from Quorvel."""
    x = extracted(email_factory, "Your application", "Dear Sam,\n\nWe have decided not to move forward.\n\nThe Quorvel Recruiting Team",
                  "no-reply <no-reply@myworkday.com>")
    assert x.company == "Quorvel"


@pytest.mark.parametrize(
    ("sender", "text", "company"),
    [
        ("Werkenbij Halvorsen Zorg <vacatures@halvorsen.nl>", "Beste Sam,\n\nBedankt voor je sollicitatie bij Halvorsen. Helaas gaan we niet verder.\n\nGroet,\nHalvorsen", "Halvorsen"),
        ("Jobportal Halvorsen Zorg <vacatures@halvorsen.nl>", "Beste Sam,\n\nHalvorsen Zorg dankt je. Helaas gaan we niet verder.\n\nHalvorsen Zorg", "Halvorsen Zorg"),
        ("Hotel Marisol Soria <empleo@marisol.es>", "Hola,\n\nGracias por tu interés en el Hotel Marisol.\n\nHotel Marisol", "Hotel Marisol"),
        ("Talentia Halvorsen Norte <seleccion@grupohalvorsen.es>", "Hola,\n\nGracias por tu interés en Grupo Halvorsen. Lamentablemente no seguimos.\n\nGrupo Halvorsen",
         "Grupo Halvorsen"),
        ("Portal KV Logistiek <vacatures@kvtransport.nl>", "Beste Sam,\n\nBedankt voor je interesse in KV Transport. Helaas gaan we niet verder.\n\nKV Transport", "KV Transport"),
    ],
)
def test_the_display_name_gives_way_to_the_part_the_text_and_the_domain_agree_on(email_factory, sender, text, company):
    """A display name the text never writes ("Werkenbij Halvorsen Zorg"), when a part of it is what
    the domain and the text both name ("Halvorsen"), is that part: the candidate found in several places."""
    x = extracted(email_factory, "Je sollicitatie", text, sender)
    assert x.company == company


@pytest.mark.parametrize("prep", ["an", "bei", "an die"])
def test_an_application_to_an_employer_named_in_the_subject_is_the_employer(email_factory, prep):
    """"Ihre Bewerbung an Stadtwerke Halvering", sent by a recruiting firm that signs: the employer is the one applied to."""
    x = extracted(email_factory, f"Ihre Bewerbung {prep} Stadtwerke Halvering",
                  "Sehr geehrter Herr Berg,\n\nleider können wir Sie nicht berücksichtigen.\n\nMit freundlichen Grüßen\nIhr Talentwerk Recruiting Team",
                  "Talentwerk Recruiting Team <bewerbung@talentwerk.de>")
    assert x.company == "Stadtwerke Halvering"


def test_an_opportunity_at_an_employer_names_it_for_a_relay(email_factory):
    """A recruiting firm writing about "the Analyst opportunity at Pellworth Insurance": the employer is
    the one the opportunity is at, not the firm that writes."""
    x = extracted(email_factory, "Your application", "Hi Sam,\n\nThank you for your interest in the Analyst opportunity at Pellworth Insurance. "
                  "We have decided to move forward with other candidates.\n\nBest,\nBrightwork", "Brightwork <hello@brightwork.io>")
    assert x.company == "Pellworth Insurance"


@pytest.mark.parametrize(
    ("sender", "company"),
    [
        ("Harlow Medien <karriere@harlow-medien.example.de>", "Harlow Medien"),
        ("Quellfeld Museum <people@quellfeld.example.co.uk>", "Quellfeld Museum"),
        ("Zorggroep Veldhoven <werving@zorgveldhoven.example.nl>", "Zorggroep Veldhoven"),
        ("Jobs <jobs@example.com>", None),
    ],
)
def test_an_invented_domain_under_example_is_the_organisations_own(email_factory, sender, company):
    """"harlow-medien.example.de" is written like "harlow-medien.example": the label before the
    stand-in is the organisation's, so its display name is no person; "example.com" alone names none."""
    x = extracted(email_factory, "Rückmeldung zu Ihrer Bewerbung", "Guten Tag,\n\nleider können wir Ihnen keine Zusage geben.\n\nViele Grüße", sender)
    assert same_company(x.company, company) if company else x.company is None


@pytest.mark.parametrize(
    ("sender", "text", "company"),
    [
        ("Plateforme Emploi Solidaire <ne-pas-repondre@emploi-solidaire.fr>",
         "Bonjour,\n\nL'employeur Fromagerie Les Deux Vallons a retenu votre candidature au poste de Vendeur.\n\nL'équipe de la plateforme", "Fromagerie Les Deux Vallons"),
        ("Portal de Empleo Comarcal <no-responder@empleo-comarcal.es>", "Hola,\n\nEl estado de tu solicitud ha cambiado a: descartada.\n", None),
        ("Jobs Platform Nord <noreply@jobsnord.de>", "Hallo,\n\nder Status deiner Bewerbung hat sich geändert: abgelehnt.\n", None),
    ],
)
def test_a_job_platform_is_never_the_employer(email_factory, sender, text, company):
    """A sender that calls itself a job platform or portal relays employers: the employer is the one
    the text names ("L'employeur X a retenu …"), or none at all, never the platform's own name."""
    x = extracted(email_factory, "Votre candidature", text, sender)
    assert x.company == company


@pytest.mark.parametrize("lead", ["Retour", "Feedback", "Rückmeldung", "Terugkoppeling", "Update"])
def test_a_subject_word_before_the_employer_is_not_part_of_it(email_factory, lead):
    """"Retour Valmont Industrie" from a recruiter at free mail: the first word says what the mail is,
    the employer is the rest (and "Feedback …" or "Update …" no longer hide it)."""
    x = extracted(email_factory, f"{lead} Valmont Industrie", "Hallo,\n\nmein Kunde hat sich für jemand anderen entschieden.\n\nInes",
                  "Ines Hart <ines.hart@gmail.com>")
    assert x.company == "Valmont Industrie"


@pytest.mark.parametrize(
    ("sender", "company"),
    [
        ("Brevik Foods HR Department <hr@brevik.co.uk>", "Brevik Foods"),
        ("Departamento de Recursos Humanos Hoteles Brisamar <empleo@brisamar.es>", "Hoteles Brisamar"),
        ("Marlow Medien <karriere@mm-gruppe.de>", "Marlow Medien"),
        ("Fernhill Museum <people@fhm-trust.org.uk>", "Fernhill Museum"),
    ],
)
def test_a_department_or_a_kind_of_organisation_in_the_display_name(email_factory, sender, company):
    """A department after or before the name is not part of it; a display name ending in a word for
    a kind of organisation ("Medien", "Museum") is no person, even when the domain spells it otherwise."""
    x = extracted(email_factory, "Your application", "Hello,\n\nwe will not take your application further.\n", sender)
    assert x.company == company


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Restaurant Kornblume", "Kornblume", True),
        ("Crèche La Pommeraie", "La Pommeraie", True),
        ("La Pommeraie des Prés", "Pommeraie des Prés", True),
        ("Apotheke Lindhof", "Lindhof Apotheke", True),
        ("Hotel Marisol", "Hotel Sorrento", False),
        ("Hotel", "Hotel Marisol", False),
        ("Restaurant Kornblume", "Restaurant Lindhof", False),
    ],
)
def test_an_article_or_a_kind_of_organisation_before_the_name_is_one_employer(a, b, same):
    """"Restaurant Kornblume" and "Kornblume", "La Pommeraie des Prés" and "Pommeraie des Prés" are one
    employer as a user sees it; the kind word alone, or two names of one kind, are not."""
    from worker.extract.names import same_employer

    assert same_employer(a, b) is same


def test_a_consultancy_relaying_its_client_names_the_client(email_factory):
    """A search firm signing "… Consultores" that writes of "nuestro cliente Hoteles Lunamar" relays
    the client's decision: the employer is the client, not the firm."""
    x = extracted(email_factory, "Hoteles Lunamar - Jefa de Recepción",
                  "Hola Carmen:\n\nTe escribo con la respuesta de nuestro cliente Hoteles Lunamar tras tu entrevista. Han decidido seguir con otra candidata.\n\n"
                  "Un abrazo,\nMarta Soler\nVerania Consultores", "Marta Soler <marta.soler@verania-consultores.es>")
    assert x.company == "Hoteles Lunamar"
