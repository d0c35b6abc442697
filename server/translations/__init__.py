"""The gettext catalogues (``<lang>/LC_MESSAGES/messages.po``; English is the source text itself):
the API's advice card and every feedback draft, in the language of the email, and the dashboard, the
weekly summary and the digest (the advice they show included), in the language of the person reading
them (``current``: their setting, else their browser's, else English).

The ``.po`` files are the only form kept: each is read with Babel and compiled in memory the
first time its language is asked for, so no build step can leave a stale ``.mo`` behind and
``make run``, the tests and the image all read the same text. ``make translations`` extracts
new message ids into ``messages.pot`` and merges them into every ``.po``."""

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from functools import lru_cache
from gettext import NullTranslations
from io import BytesIO
from pathlib import Path

from babel.dates import format_date, format_interval, format_skeleton
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_decimal
from babel.support import Translations
from flask import g, has_app_context, request

LANGUAGES = ("en", "de", "fr", "es", "nl")
"""Languages the advice is written in; any other falls back to English."""

SOURCE = "en"
"""The language the message ids are written in."""

FOLDER = Path(__file__).resolve().parent


def N_(text: str) -> str:  # noqa: N802 (gettext's name for "mark for extraction, translate later")
    """Marks a text kept in data (a strategy's title) for extraction; it is translated where it is shown."""
    return text


def language_of(language: str | None) -> str:
    """One of ``LANGUAGES``: the given one when the advice is written in it, else English."""
    return language if language in LANGUAGES else SOURCE


def catalogue_path(language: str) -> Path:
    return FOLDER / language / "LC_MESSAGES" / "messages.po"


@lru_cache(maxsize=len(LANGUAGES))
def translator(language: str | None) -> NullTranslations:
    """The translations of one language (English: the message ids as they are), compiled once per process."""
    language = language_of(language)
    if language == SOURCE:
        return NullTranslations()
    with catalogue_path(language).open("rb") as f:
        catalogue = read_po(f, locale=language)
    compiled = BytesIO()
    write_mo(compiled, catalogue)
    compiled.seek(0)
    return Translations(compiled)


def gettext_for(language: str | None):
    """The ``_`` of one language: ``_(msgid)`` gives its text there."""
    return translator(language).gettext


def by_what_is_known(_, texts: tuple[str, str, str, str], company: str | None, role: str | None) -> str:
    """One of four whole sentences (company and role known, only the company, only the role, neither),
    translated with ``_`` and filled in: a sentence never holds a gap or a stand-in glued around it."""
    both, company_only, role_only, neither = texts
    text = both if company and role else company_only if company else role_only if role else neither
    return _(text).format(company=company, role=role)


LANGUAGE_NAMES = {"en": "English", "de": "Deutsch", "fr": "Français", "es": "Español", "nl": "Nederlands"}
"""Each language in its own words, as the language selector lists them."""


def current() -> str:
    """The language of what is being made for a person: ``g.language`` (the dashboard sets it from the
    user's setting or the browser's, the digest from the user's setting), else English. The API sets
    none, so what it returns stays in the message ids' words."""
    return language_of(g.get("language")) if has_app_context() else SOURCE


def browser_language() -> str:
    """The best of Onward's languages the browser asks for (``Accept-Language``; ``de-CH`` counts as ``de``), else English."""
    return request.accept_languages.best_match(LANGUAGES, default=SOURCE)


def reader_language(user) -> str:
    """The language a person reads a page in: their setting, else their browser's, else English."""
    return language_of(user.language) if user is not None and user.language else browser_language()


@contextmanager
def speaking(language: str | None) -> Iterator[str]:
    """Make texts in ``language`` (English when unknown) until the block ends: the digest, one user at a time."""
    before = g.get("language")
    g.language = language_of(language)
    try:
        yield g.language
    finally:
        if before is None:
            g.pop("language", None)
        else:
            g.language = before


def gettext(message: str) -> str:
    """``message`` in the current language (``current``)."""
    return translator(current()).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The singular or plural message (by the current language's rule for ``n``), in the current language."""
    return translator(current()).ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    """``message`` in the current language, as it reads in ``context`` (a digest's greeting is not a letter's)."""
    return translator(current()).pgettext(context, message)


def colon(label: str) -> str:
    """``label`` and the colon Onward adds after it, as the current language writes it (French puts a
    narrow no-break space before it): for labels the code or a template follows with a value."""
    return gettext("{label}:").format(label=label)


def install(env) -> None:
    """Jinja's i18n for every template of the app: ``_``/``gettext``/``ngettext`` in the current language,
    new-style (``_("%(n)s sent", n=3)`` fills in and escapes), so a template never formats a translation itself."""
    if "jinja2.ext.InternationalizationExtension" not in env.extensions:
        env.add_extension("jinja2.ext.i18n")
    env.install_gettext_callables(gettext, ngettext, newstyle=True, pgettext=pgettext)
    env.globals["current_language"] = current
    env.filters["colon"] = colon
    env.filters["number"] = number


def number(value: float) -> str:
    """A figure with at most one decimal, as the reader writes it (``0.5`` in English, ``0,5`` in German and French)."""
    return format_decimal(round(value, 1), format="#,##0.#", locale=current())


DAY_SKELETON = "yMMMEd"
"""A day with its weekday, month in short words and year, each language's way (``Mo., 16. Nov. 2026``)."""


def day(value: date | datetime | str | None, tz=None) -> str:
    """A date as the reader writes it, in their zone: ``Mon 16 Nov 2026`` in English, Babel's form elsewhere."""
    if value is None:
        return ""
    if isinstance(value, str):
        value = datetime.fromisoformat(value) if "T" in value or " " in value else date.fromisoformat(value)
    if isinstance(value, datetime):
        value = (value.astimezone(tz) if tz else value) if value.tzinfo else value
        value = value.date()
    language = current()
    if language == SOURCE:
        return format_date(value, "EEE d MMM y", locale=SOURCE)
    return format_skeleton(DAY_SKELETON, value, locale=language)


def period(start: date, end: date) -> str:
    """A week as people write it: ``16–22 November 2026``, ``30 November – 6 December 2026`` (each language's way)."""
    language = current()
    if language != SOURCE:
        return format_interval(start, end, "yMMMMd", locale=language)
    if start.year != end.year:
        return f"{format_date(start, 'd MMMM y', locale=SOURCE)} – {format_date(end, 'd MMMM y', locale=SOURCE)}"
    if start.month != end.month:
        return f"{format_date(start, 'd MMMM', locale=SOURCE)} – {format_date(end, 'd MMMM y', locale=SOURCE)}"
    return f"{start.day}–{format_date(end, 'd MMMM y', locale=SOURCE)}"
