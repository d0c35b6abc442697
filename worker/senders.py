"""Who sends job mail: applicant tracking systems, job boards and free mail providers.

Tables keyed by the registered part of a sender's domain. An ATS sends on an employer's
behalf, so its name is never the company; a job board sends alerts; a free mail address
says nothing about an employer.
"""

import re
from functools import lru_cache

ATS_DOMAINS: dict[str, str] = {
    "greenhouse.io": "Greenhouse",
    "greenhouse-mail.io": "Greenhouse",
    "lever.co": "Lever",
    "myworkday.com": "Workday",
    "myworkdayjobs.com": "Workday",
    "workday.com": "Workday",
    "smartrecruiters.com": "SmartRecruiters",
    "smartrecruiters-mail.com": "SmartRecruiters",
    "ashbyhq.com": "Ashby",
    "ashby.io": "Ashby",
    "personio.de": "Personio",
    "personio.com": "Personio",
    "recruitee.com": "Recruitee",
    "teamtailor.com": "Teamtailor",
    "teamtailor-mail.com": "Teamtailor",
    "workable.com": "Workable",
    "workablemail.com": "Workable",
    "icims.com": "iCIMS",
    "taleo.net": "Taleo",
    "oracle.com": "Taleo",
    "oraclecloud.com": "Oracle Recruiting",
    "jobvite.com": "Jobvite",
    "bamboohr.com": "BambooHR",
    "join.com": "JOIN",
    "softgarden.io": "softgarden",
    "softgarden.de": "softgarden",
    "rexx-systems.com": "rexx",
    "dvinci.de": "d.vinci",
    "dvinci-easy.com": "d.vinci",
    "dvinci-hr.com": "d.vinci",
    "successfactors.com": "SuccessFactors",
    "successfactors.eu": "SuccessFactors",
    "sapsf.com": "SuccessFactors",
    "sapsf.eu": "SuccessFactors",
    "homerun.co": "Homerun",
    "flatchr.io": "Flatchr",
    "talentsoft.com": "Talentsoft",
    "talent-soft.com": "Talentsoft",
    "pageuppeople.com": "PageUp",
    "jazzhr.com": "JazzHR",
    "applytojob.com": "JazzHR",
    "breezy.hr": "Breezy HR",
    "pinpointhq.com": "Pinpoint",
    "rippling.com": "Rippling",
    "gem.com": "Gem",
    "comeet.co": "Comeet",
    "hirehive.com": "HireHive",
    "zohorecruit.com": "Zoho Recruit",
    "eightfold.ai": "Eightfold",
    "avature.net": "Avature",
    "cornerstoneondemand.com": "Cornerstone",
    "csod.com": "Cornerstone",
    "ukg.com": "UKG",
    "ultipro.com": "UKG",
    "paylocity.com": "Paylocity",
    "dayforcehcm.com": "Dayforce",
    "hirevue.com": "HireVue",
    "welcomekit.co": "Welcome to the Jungle",
    "manatal.com": "Manatal",
    "factorial.co": "Factorial",
    "factorialhr.com": "Factorial",
    "recruitee-mail.com": "Recruitee",
    "recruiteemail.com": "Recruitee",
    "rexx-recruitment.com": "rexx",
    "lever-mail.com": "Lever",
    "ashbyhq-mail.com": "Ashby",
    "jobvite-mail.com": "Jobvite",
    "workable-mail.com": "Workable",
    "personio-mail.de": "Personio",
    "successfactors-mail.com": "SuccessFactors",
}
"""Applicant tracking systems by sending domain; the value is the vendor's name."""

_MORE_ATS = {
    "jobylon": "Jobylon", "recruiterbox": "Recruiterbox", "freshteam": "Freshteam", "talentlyft": "TalentLyft", "jobscore": "JobScore", "hiringroom": "HiringRoom",
    "kenjo": "Kenjo", "bizneo": "Bizneo", "taleez": "Taleez", "digitalrecruiters": "Digitalrecruiters", "beetween": "Beetween", "jobaffinity": "Jobaffinity",
    "concludis": "concludis", "umantis": "Umantis", "prescreen": "Prescreen", "onlyfy": "onlyfy", "otys": "OTYS", "recruitnow": "RecruitNow", "mysolution": "Mysolution",
    "bullhorn": "Bullhorn", "vincere": "Vincere", "jobdiva": "JobDiva", "phenompeople": "Phenom", "beamery": "Beamery", "paradox": "Paradox", "apploi": "Apploi",
    "gupy": "Gupy", "hiringthing": "HiringThing", "harver": "Harver", "hireflix": "Hireflix", "myinterview": "myInterview", "sparkhire": "Spark Hire",
    "ceipal": "Ceipal", "recruitcrm": "Recruit CRM", "loxo": "Loxo", "teamtailor": "Teamtailor", "greenhouse": "Greenhouse", "smartrecruiters": "SmartRecruiters",
    "personio": "Personio", "recruitee": "Recruitee", "workable": "Workable", "jobvite": "Jobvite", "icims": "iCIMS", "successfactors": "SuccessFactors",
    "taleo": "Taleo", "bamboohr": "BambooHR", "ashbyhq": "Ashby", "breezy": "Breezy HR", "jazzhr": "JazzHR", "softgarden": "softgarden", "myworkday": "Workday",
    "myworkdayjobs": "Workday", "workday": "Workday", "dvinci": "d.vinci", "flatchr": "Flatchr", "talentsoft": "Talentsoft", "homerun": "Homerun", "pinpointhq": "Pinpoint",
    "zohorecruit": "Zoho Recruit", "avature": "Avature", "hirevue": "HireVue", "welcomekit": "Welcome to the Jungle", "manatal": "Manatal", "factorialhr": "Factorial",
}
ATS_BRANDS: dict[str, str] = {**{k.split(".")[0]: v for k, v in ATS_DOMAINS.items() if len(k.split(".")[0]) >= 6}, **_MORE_ATS}
"""Applicant tracking systems by the brand in their domain, whatever its top-level name. Short
or common words ("join", "gem", "lever") are left to the exact domains above."""

JOB_BOARD_DOMAINS: frozenset[str] = frozenset(
    """linkedin.com indeed.com indeed.de indeed.fr indeed.es indeed.nl indeed.co.uk indeedemail.com
    glassdoor.com glassdoor.de glassdoor.fr ziprecruiter.com monster.com monster.de monster.fr
    stepstone.de stepstone.com stepstone.nl stepstone.fr xing.com welcometothejungle.com
    welcometothejungle.co infojobs.net infojobs.com computrabajo.com nationalevacaturebank.nl
    jobbird.com werk.nl intermediair.nl apec.fr hellowork.com cadremploi.fr pole-emploi.fr
    francetravail.fr jobteaser.com otta.com wellfound.com angel.co dice.com careerbuilder.com
    simplyhired.com reed.co.uk totaljobs.com cv-library.co.uk seek.com.au jora.com naukri.com
    tecnoempleo.com jobatus.es trabajos.com jooble.org talent.com adzuna.com adzuna.co.uk
    adzuna.de adzuna.fr adzuna.nl jobs.ch jobup.ch karriere.at kimeta.de arbeitsagentur.de
    meinestadt.de jobware.de get-in-it.de berlinstartupjobs.com builtin.com hired.com
    workingnomads.com remoteok.com weworkremotely.com themuse.com flexjobs.com""".split()
)
"""Job boards and job sites: their mail is alerts and newsletters unless it says otherwise."""

BOARD_BRANDS: frozenset[str] = frozenset(
    """linkedin indeed indeedemail glassdoor ziprecruiter stepstone welcometothejungle infojobs computrabajo nationalevacaturebank jobbird
    intermediair hellowork cadremploi jobteaser wellfound careerbuilder simplyhired totaljobs naukri tecnoempleo jobatus adzuna kimeta
    arbeitsagentur meinestadt jobware berlinstartupjobs weworkremotely flexjobs bumeran zonajobs laborum trabajando jobandtalent meteojob
    regionsjob indeedmail kununu jobsinnetwork monsterboard jobrapido jooble talentio""".split()
)
"""Job boards by the brand in their domain, whatever its top-level name."""

FREE_MAIL_DOMAINS: frozenset[str] = frozenset(
    """gmail.com googlemail.com outlook.com hotmail.com live.com msn.com yahoo.com yahoo.co.uk
    yahoo.fr yahoo.es yahoo.de icloud.com me.com mac.com aol.com gmx.de gmx.net gmx.com web.de
    t-online.de freenet.de posteo.de mailbox.org protonmail.com proton.me orange.fr free.fr sfr.fr
    laposte.net wanadoo.fr hotmail.fr hotmail.es hotmail.de outlook.de outlook.fr outlook.es
    outlook.com.au telefonica.net ziggo.nl kpnmail.nl hetnet.nl home.nl planet.nl xs4all.nl
    live.nl hotmail.nl yahoo.co.in yahoo.in rediffmail.com btinternet.com sky.com virginmedia.com
    bigpond.com comcast.net verizon.net att.net libero.it skynet.be telenet.be bluewin.ch zoho.com fastmail.com hey.com tutanota.com yandex.com mail.com""".split()
)
"""Personal mail providers: a sender there is a person, not an employer."""

_SECOND_LEVEL = frozenset(("co.uk", "com.au", "co.nz", "co.in", "com.br", "com.mx", "co.za", "com.es", "com.ar", "org.uk", "ac.uk", "gov.uk", "co.jp"))
_SECOND_LEVEL_LABELS = frozenset(
    "com co org net gov gob edu ac ltd plc nhs police sch mod nic or ne go mil int".split()
)
"""Labels that, under a two-letter country code, are public second levels (``com.pe``,
``police.uk``, ``gob.mx``): the organisation's name is the label before them."""


@lru_cache(maxsize=1024)
def registered_domain(domain: str) -> str:
    """``mail.jobs.acme.co.uk`` -> ``acme.co.uk``: the part an organisation registers (cached: the
    company, ATS and board checks ask it of the same few domains a dozen times a message)."""
    parts = domain.lower().strip(".").split(".")
    if len(parts) >= 3 and (".".join(parts[-2:]) in _SECOND_LEVEL or (len(parts[-1]) == 2 and parts[-2] in _SECOND_LEVEL_LABELS)):
        return ".".join(parts[-3:])
    return ".".join(parts[-2:])


def ats_vendor(domain: str) -> str | None:
    """The ATS vendor that sends from this domain, if any: by its known domain, or by its
    brand under another top-level name (``personio.es``, ``mail.teamtailor.eu``)."""
    if not domain:
        return None
    reg = registered_domain(domain)
    return ATS_DOMAINS.get(reg) or ATS_BRANDS.get(_brand(reg))


def is_job_board(domain: str) -> bool:
    if not domain:
        return False
    reg = registered_domain(domain)
    return reg in JOB_BOARD_DOMAINS or _brand(reg) in BOARD_BRANDS


@lru_cache(maxsize=1024)
def _brand(registered: str) -> str:
    """The brand of a registered domain: its name without a mail suffix ("greenhouse-mail.io"
    gives "greenhouse")."""
    return re.sub(r"[-_]?(?:mail|mailer|email|notifications?)$", "", registered.split(".")[0])


def is_free_mail(domain: str) -> bool:
    return bool(domain) and registered_domain(domain) in FREE_MAIL_DOMAINS

RELAY_DOMAINS: frozenset[str] = frozenset(
    """docusign.net docusign.com hellosign.com adobesign.com echosign.com pandadoc.com
    codility.com hackerrank.com hackerrankforwork.com codesignal.com testgorilla.com
    goodtime.io calendly.com modernhire.com sparkhire.com willo.video shl.com cappfinity.com
    criteriacorp.com pymetrics.ai coderbyte.com""".split()
)
"""Services that send on an employer's behalf (signatures, tests, scheduling): like an ATS,
their name is never the company."""

RELAY_BRANDS: frozenset[str] = frozenset(
    """docusign hellosign adobesign echosign pandadoc codility hackerrank hackerrankforwork codesignal testgorilla goodtime calendly
    modernhire sparkhire cappfinity criteriacorp pymetrics coderbyte testdome mettl hirevue hireflix willo myinterview harver
    mailchimp mailgun sendgrid mandrillapp sendinblue brevo mailjet postmarkapp sparkpostmail amazonses""".split()
)
"""Signature, test, scheduling and bulk-mail services by the brand in their domain."""

_AGENCY_HINT = re.compile(
    r"recruit|talent|(?<!re)search|staffing|personnel|headhunt|hunters|resourcing|werving|uitzend|interim|personalberatung|personalvermittlung|personaldienst"
    r"|(?:^|-)(?:rpo|rh|personal|executive)(?:-|$)"
)


def is_relay(domain: str) -> bool:
    if not domain:
        return False
    reg = registered_domain(domain)
    return reg in RELAY_DOMAINS or _brand(reg) in RELAY_BRANDS


def looks_like_agency(domain: str) -> bool:
    """A sender domain named like a recruitment agency ("bridgepointtalent.co.uk"): its
    recruiters relay a client's decisions, so the client is the employer."""
    if not domain or ats_vendor(domain) or is_job_board(domain) or is_relay(domain):
        return False
    return bool(_AGENCY_HINT.search(registered_domain(domain).split(".")[0]))


PLACEHOLDER_LABELS: frozenset[str] = frozenset("example company companyname yourcompany mycompany orgname organisation organization domain yourdomain".split())
"""Domain names of templates and samples ("hr@company.example", "jobs@example.com"): they
name no employer, so their name is never the company."""


def is_placeholder(domain: str) -> bool:
    """A template's stand-in domain: ``example.com``, ``orgname.example``, ``company.test``."""
    return bool(domain) and registered_domain(domain).split(".")[0] in PLACEHOLDER_LABELS
