"""Extraction of employer, role, ATS vendor, job id and language."""

import pytest

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
