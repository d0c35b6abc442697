"""What a message is about: a job search at all, and, for rejection words, a job rather than
a talk, a paper, a booking, a loan, leave, a flat or a place at a school.

Rejection wording is the same whatever is declined ("we regret to inform you that your
submission was not accepted"). A rejection is only called one when the message speaks of a
job at least as much as of anything else that can be turned down.
"""

import re
from functools import lru_cache

from worker.prefilter import Alternatives, haystack

JOB_WORDS = re.compile(
    r"\b(?:jobs?|positions?|roles?|vacanc\w*|hiring|hire|hired|recruit\w*|interview\w*|career\w*|employ\w*|talent"
    r"|cv|resume|opening|headhunt\w*|internship|traineeship|onboarding|salary"
    r"|team|hiring manager|rolle|spot|ausbildung\w*|azubi|duales|rol|cargo|plaza|convocatoria|busqueda|traineeship|functie\w*"
    r"|stelle\w*|karriere|vorstellungsgesprach|kennenlerngesprach|personal\w*|arbeitsvertrag|einstellung|anstellung|praktikum"
    r"|poste|postes|emploi|embauche|recrutement|entretien|stage|alternance"
    r"|puesto|empleo|vacante|entrevista|seleccion|contratacion"
    r"|vacature\w*|sollicit\w*|functie|gesprek\w*|baan|werving|dienstverband|arbeidsovereenkomst"
    r"|praktikum\w*|werkstudent\w*|bewerbungsprozess|bewerbungsverfahren|auswahlverfahren|auswahlprozess|thuisopdracht|take-home"
    r"|developers?|engineers?|designers?|analysts?|consultants?|developpeur\w*|ingenieur\w*|entwickler\w*|ontwikkelaar\w*|desarrollador\w*|ingeniero\w*)\b"
)
"""Words that name a job, in the five languages; not "application", "candidate" or "offer",
which loans, flats and schools have too."""

NOT_A_JOB = re.compile(
    r"\b(?:talks?|papers?|manuscript\w*|submissions?|abstracts?|proposals?|cfp|call for (?:papers|proposals|speakers)|speakers?|conference|journal|editor\w*|reviewers?|peer review"
    r"|vortrag\w*|einreichung\w*|beitrag|konferenz|manuskript\w*|soumission\w*|article|revue|propuesta\w*|ponencia\w*|envio|articulo|revista|inzending\w*|voorstel\w*"
    r"|loan|loans|credit|mortgage|kredit\w*|darlehen|finanzierung\w*|pret|credito|prestamo\w*|hypothe\w*|lening\w*|financiering\w*|krediet\w*|financing|financement|financiacion"
    r"|reservation\w*|booking\w*|reservierung\w*|buchung\w*|reserva\w*|reservering\w*|tickets?|hotel|restaurant"
    r"|admissions?|admitted|masters?|bachelors?|rentree|scolarite|pedagogique|bootcamp|semester|semestre|enrol\w*|degree|scholarship|studium|studiengang|studienplatz|zulassung|stipendium|inscription|bourse|beca|admision|matricula|opleiding|studie|toelating"
    r"|leave|holiday|vacation|urlaub\w*|urlaubsantrag|conge\w*|vacaciones|permiso|verlof\w*|vakantie"
    r"|apartment|flat|tenancy|rental|viewing|wohnung\w*|miet\w*|vermiet\w*|besichtigung|appartement|logement|location|piso|alquiler|vivienda|woning|huur\w*|bezichtiging"
    r"|orders?|refund|shipment|delivery|bestellung|lieferung|commande|livraison|remboursement|pedido|envio|reembolso|bestelling|levering|terugbetaling"
    r"|payment|paiement|zahlung\w*|pago|betaling|invoice|rechnung|facture|factura|factuur|registrierung|firmenregistrierung|registration"
    r"|grant|funding|subsidy|forderantrag|foerderung|subvention|subvencion|subsidie|prolongation|verlangerung|extension|visa|visum"
    r"|fellowship|residency|accelerator|hackathon|award|prize|competition|contest|sponsorship|membership|adoption|insurance|claim|tender|beta|waitlist|workshop|festival|exhibition"
    r"|wettbewerb|mitgliedschaft|versicherung\w*|adhesion|sinistre|assurance|membresia|seguro|lidmaatschap|verzekering\w*|wedstrijd)\b"
)
"""Things other than a job that are applied for and turned down."""


EMPLOYMENT_WORDS = re.compile(
    r"\b(?:jobs?|positions?|roles?|vacanc\w*|hiring|hired|recruit\w*|interview\w*|career\w*|employ\w*|cv|resume|internship|salary|hiring manager"
    r"|stelle\w*|bewerbung\w*|vorstellungsgesprach|arbeitsvertrag|anstellung|praktikum\w*|werkstudent\w*"
    r"|poste|postes|emploi|embauche|recrutement|entretien|candidature|alternance"
    r"|puesto|empleo|vacante|entrevista|contratacion|candidatura|postulacion"
    r"|vacature\w*|sollicit\w*|functie|sollicitatiegesprek|baan|werving|dienstverband)\b"
)
"""Words that name employment and nothing else (not "team", "stage", "selection" or "spot",
which a conference, a course or a booking has too): a rejection is only sure when its
message speaks of a job in these words."""


APPLIED = re.compile(r"\bappl(?:y|ied|ying|ications?)\b")
""""Application" and "apply": with ``EMPLOYMENT_WORDS``, what a receipt for a job application names."""


_COUNTED = Alternatives((JOB_WORDS, NOT_A_JOB))
"""Both word lists run as their alternatives, only where their literals are: the same matches."""


@lru_cache(maxsize=4)
def word_counts(text: str) -> tuple[int, int]:
    """How many times a folded text names a job's words and something else that can be declined
    (``len(JOB_WORDS.findall(text))``, ``len(NOT_A_JOB.findall(text))``), counted once per text:
    the decision and the rejection's confidence both read them."""
    runs = _COUNTED.runs(haystack(text))
    return tuple(sum(1 for _ in Alternatives.finditer(runs[i], text)) if i in runs else 0 for i in range(2))


def declines_a_job(text: str) -> bool:
    """Whether a text with rejection words is about a job: it names a job's words at least as
    often as something else that can be declined."""
    job_words, other_words = word_counts(text)
    return job_words >= other_words


def confirms_an_application(text: str, generic_only: bool) -> bool:
    """Whether a text with a receipt's wording acknowledges a job application: it names a job or an
    application at least as often as a talk, a quote request or anything else applied for, and,
    when only wording any receipt has says so ("thanks for submitting", "I will get back to you"),
    it names employment or an application at all."""
    named = len(EMPLOYMENT_WORDS.findall(text)) + len(APPLIED.findall(text))
    job_words, other_words = word_counts(text)
    return job_words + named >= other_words and (named > 0 or not generic_only)


HEALTH = re.compile(
    r"\b(?:dr|docteur|doctor|medecin|medical|patient\w*|dentist\w*|dentaire|arzt\w*|praxis|ordonnance|clinique|clinic|hopital|hospital"
    r"|doctolib|kine\w*|physio\w*|huisarts|tandarts|medico|clinica|consulta medica|vaccin\w*|impf\w*)\b"
)
"""Words of a health appointment: a reminder of one is not an interview invitation."""


def health_appointment(text: str) -> bool:
    """Whether a message with meeting words is a health appointment rather than a job's."""
    return HEALTH.search(text) is not None and not JOB_WORDS.search(text)
