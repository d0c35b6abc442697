"""Ready-to-send texts: the feedback-request email in the language of the rejection, its
``mailto:`` link, and links to search the main job boards for similar roles. Pure functions."""

from urllib.parse import quote, quote_plus

LANGUAGES = ("en", "de", "fr", "es", "nl")
"""Languages the feedback draft is written in; any other falls back to English."""

_FEEDBACK = {
    "en": {
        "subject": "Feedback on my application for {role}",
        "subject_no_role": "Feedback on my application",
        "greeting": "Hello,",
        "thanks": "Thank you for letting me know your decision about the {role} role at {company}. "
                  "I appreciated the chance to take part in the process.",
        "ask": "If you have a few minutes, I would be grateful for any feedback on {what}. "
               "Even one or two points on what I could do better would help me a lot.",
        "close": "Thank you again, and all the best,",
        "what": {"interview": "my interview", "assessment": "my assessment", None: "my application"},
        "role": "the role", "company": "your company",
    },
    "de": {
        "subject": "Rückmeldung zu meiner Bewerbung als {role}",
        "subject_no_role": "Rückmeldung zu meiner Bewerbung",
        "greeting": "Guten Tag,",
        "thanks": "vielen Dank für Ihre Nachricht zur Stelle {role} bei {company}. "
                  "Ich habe mich über die Gelegenheit gefreut, am Auswahlverfahren teilzunehmen.",
        "ask": "Falls Sie kurz Zeit haben, wäre ich Ihnen für eine Rückmeldung zu {what} dankbar. "
               "Schon ein oder zwei Hinweise, was ich besser machen kann, würden mir sehr helfen.",
        "close": "Nochmals vielen Dank und freundliche Grüße",
        "what": {"interview": "meinem Vorstellungsgespräch", "assessment": "meiner Testaufgabe", None: "meiner Bewerbung"},
        "role": "der ausgeschriebenen Stelle", "company": "Ihrem Unternehmen",
    },
    "fr": {
        "subject": "Retour sur ma candidature au poste de {role}",
        "subject_no_role": "Retour sur ma candidature",
        "greeting": "Bonjour,",
        "thanks": "Merci de m'avoir fait part de votre décision concernant le poste de {role} chez {company}. "
                  "J'ai apprécié de pouvoir participer à ce processus.",
        "ask": "Si vous avez quelques minutes, un bref retour sur {what} me serait très utile. "
               "Même un ou deux points à améliorer m'aideraient beaucoup pour la suite.",
        "close": "Merci encore et bonne continuation,",
        "what": {"interview": "mon entretien", "assessment": "mon évaluation", None: "ma candidature"},
        "role": "ce poste", "company": "votre entreprise",
    },
    "es": {
        "subject": "Comentarios sobre mi candidatura para {role}",
        "subject_no_role": "Comentarios sobre mi candidatura",
        "greeting": "Hola:",
        "thanks": "Gracias por informarme de su decisión sobre el puesto de {role} en {company}. "
                  "Agradezco la oportunidad de haber participado en el proceso.",
        "ask": "Si dispone de unos minutos, le agradecería cualquier comentario sobre {what}. "
               "Uno o dos aspectos que pueda mejorar me ayudarían mucho.",
        "close": "Gracias de nuevo y un cordial saludo,",
        "what": {"interview": "mi entrevista", "assessment": "mi prueba", None: "mi candidatura"},
        "role": "este puesto", "company": "su empresa",
    },
    "nl": {
        "subject": "Feedback op mijn sollicitatie voor {role}",
        "subject_no_role": "Feedback op mijn sollicitatie",
        "greeting": "Beste,",
        "thanks": "Bedankt voor uw bericht over de functie {role} bij {company}. "
                  "Ik heb het gewaardeerd om aan de procedure deel te nemen.",
        "ask": "Als u een paar minuten heeft, stel ik feedback op {what} erg op prijs. "
               "Een of twee punten die ik kan verbeteren, zouden me al veel helpen.",
        "close": "Nogmaals bedankt en met vriendelijke groet,",
        "what": {"interview": "mijn gesprek", "assessment": "mijn assessment", None: "mijn sollicitatie"},
        "role": "deze functie", "company": "uw organisatie",
    },
}

NO_REPLY_MARKERS = ("noreply", "no-reply", "no_reply", "donotreply", "do-not-reply", "mailer-daemon", "notifications")
"""Local parts that nobody reads: the draft then has no recipient and the user picks one."""


def language_of(language: str | None) -> str:
    return language if language in LANGUAGES else "en"


def reply_address(address: str | None) -> str:
    """The sender's address when a person may read it, else empty."""
    address = (address or "").strip()
    local = address.partition("@")[0].lower()
    if not address or "@" not in address or any(marker in local for marker in NO_REPLY_MARKERS):
        return ""
    return address


def mailto(to: str, subject: str, body: str) -> str:
    """A ``mailto:`` URL (RFC 6068): line breaks as CRLF, everything percent-encoded."""
    body = body.replace("\r\n", "\n").replace("\n", "\r\n")
    return f"mailto:{quote(to, safe='@')}?subject={quote(subject, safe='')}&body={quote(body, safe='')}"


def feedback_email(language: str | None, company: str | None, role: str | None, stage: str | None,
                   address: str | None) -> dict:
    """A short, polite feedback request as plain text, with its recipient and ``mailto:`` link."""
    t = _FEEDBACK[language_of(language)]
    subject = t["subject"].format(role=role) if role else t["subject_no_role"]
    what = t["what"].get(stage if stage in ("interview", "assessment") else None)
    body = "\n\n".join((t["greeting"], t["thanks"].format(role=role or t["role"], company=company or t["company"]),
                        t["ask"].format(what=what), t["close"])) + "\n"
    to = reply_address(address)
    return {"to": to, "subject": subject, "body": body, "mailto": mailto(to, subject, body)}


JOB_BOARDS = (
    ("LinkedIn", "https://www.linkedin.com/jobs/search/?keywords={q}"),
    ("Indeed", "https://www.indeed.com/jobs?q={q}"),
    ("Glassdoor", "https://www.glassdoor.com/Job/jobs.htm?sc.keyword={q}"),
)
"""Where "similar roles" searches go: the main international boards, searched by job title."""


def similar_roles(role: str) -> list[dict]:
    """A search for this job title on each board."""
    q = quote_plus(role)
    return [{"name": name, "url": url.format(q=q)} for name, url in JOB_BOARDS]
