"""The gettext catalogues of the advice: what the card, the pages and the drafts say about a
rejection, in the language of the email (``<lang>/LC_MESSAGES/messages.po``; English is the
source text itself).

The ``.po`` files are the only form kept: each is read with Babel and compiled in memory the
first time its language is asked for, so no build step can leave a stale ``.mo`` behind and
``make run``, the tests and the image all read the same text. ``make translations`` extracts
new message ids into ``messages.pot`` and merges them into every ``.po``."""

from functools import lru_cache
from gettext import NullTranslations
from io import BytesIO
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import Translations

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
