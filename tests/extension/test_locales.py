"""The extension's own texts come from ``extension/src/_locales`` in five languages: every message has every
language with the same placeholders, and the code, the pages and the manifest use no key that is missing.
(The advice texts on the card are the server's, in the email's language; they are not in here.)"""

import json
import re
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[2] / "extension" / "src"
LOCALES = ("en", "de", "fr", "es", "nl")

USES = [
    re.compile(r"""\bt\(\s*"(\w+)\""""),                 # t("key", ...) and Onward.t("key", ...)
    re.compile(r"""data-i18n(?:-[a-z-]+)?="(\w+)\""""),  # data-i18n="key" and data-i18n-placeholder="key" in pages
    re.compile(r"__MSG_(\w+)__"),                        # the manifest
    re.compile(r"""\["(\w+)", "(\w+)", \{ label"""),     # the card's table of corrections: asking and done keys
    re.compile(r"""\["\w+", "(num\w+)"\]"""),            # the popup's table of numbers
    re.compile(r'"(note[A-Z]\w*)"'),                    # the note's words per label and for other job mail
    re.compile(r'"(history[A-Z]\w*)"'),                 # the badge's line per status (and stage), without and with role
]
"""How code names a message: each pattern's groups are keys."""

def messages(lang: str) -> dict:
    return json.loads((SRC / "_locales" / lang / "messages.json").read_text(encoding="utf-8"))


def used_keys() -> set[str]:
    keys = set()
    for path in [*SRC.rglob("*.js"), *SRC.rglob("*.html"), SRC / "manifest.json"]:
        text = path.read_text(encoding="utf-8")
        for pattern in USES:
            for match in pattern.finditer(text):
                keys |= {g for g in match.groups() if g}
    sites = re.search(r"Onward\.SITES = Object\.freeze\(\{(.*?)\}\)", (SRC / "settings.js").read_text(), re.S)[1]
    keys |= {f"site_{s}" for s in re.findall(r"(\w+): \"", sites)}
    from server.pipeline import STATUSES

    keys |= {f"status_{s}" for s in STATUSES}
    return keys


def placeholders(entry: dict) -> set[str]:
    return {m.lower() for m in re.findall(r"\$(\w+)\$", entry["message"])}


def test_the_manifest_names_english_as_the_default_locale():
    """``default_locale`` is en, and the name, description and button title come from the catalogue."""
    manifest = json.loads((SRC / "manifest.json").read_text())
    assert manifest["default_locale"] == "en"
    assert (manifest["name"], manifest["description"], manifest["action"]["default_title"]) == (
        "__MSG_extName__", "__MSG_extDescription__", "__MSG_actionTitle__")
    assert sorted(p.name for p in (SRC / "_locales").iterdir()) == sorted(LOCALES)


@pytest.mark.parametrize("lang", LOCALES[1:])
def test_every_message_exists_in_every_language_with_the_same_placeholders(lang):
    """No key is missing or extra in a translation, none is empty, and each uses the placeholders English uses."""
    english, other = messages("en"), messages(lang)
    assert sorted(other) == sorted(english)
    for key, entry in english.items():
        assert other[key]["message"].strip(), (lang, key)
        assert placeholders(other[key]) == placeholders(entry), (lang, key)
        assert set(other[key].get("placeholders", {})) == set(entry.get("placeholders", {})), (lang, key)


@pytest.mark.parametrize("lang", LOCALES)
def test_every_placeholder_a_message_uses_is_defined(lang):
    """A ``$NAME$`` in a message has its entry under ``placeholders`` (else the browser prints it as it is)."""
    for key, entry in messages(lang).items():
        assert placeholders(entry) <= set(entry.get("placeholders", {})), (lang, key)


def test_the_code_uses_no_key_that_is_missing_and_every_key_is_used():
    """Every key the code, the pages and the manifest name is in the English catalogue, and every message is used."""
    english, used = set(messages("en")), used_keys()
    assert used - english == set()
    assert english - used == set()


SCRIPTS = sorted([*(SRC / "content").glob("*.js"), SRC / "popup" / "popup.js", SRC / "options" / "options.js"])
"""The scripts that put text in front of people: the card, the note and the job-board badge, the popup, the options."""

COMMENT = re.compile(r"/\*.*?\*/|(?<![:\"'\\])//[^\n]*", re.S)
LITERAL = re.compile(r""""(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|`(?:[^`\\]|\\.)*`""", re.S)
WORDS = re.compile(r"\b[A-Z][a-z']*:? [a-z]")
"""English words for people: a capitalised word, then a lower-case one ("I applied", "Nothing with ${company} yet.")."""


def sentences(code: str) -> list[str]:
    """The string and template literals outside comments that hold English words for people to read."""
    return [m[0] for m in LITERAL.finditer(COMMENT.sub("", code)) if WORDS.search(m[0])]


def test_the_check_for_hard_coded_sentences_finds_them():
    """The check below would see a sentence in any kind of literal, and not one in a comment or a CSS string."""
    code = """const TEXT = { nothing: (c) => `Nothing with ${c} yet.`, ask: "Did you apply?", applied: 'I applied' };
    /* A comment says things. */ // So does this one.
    const CSS = ".jb { font: 13px system-ui; }"; el("button", {}, t("badgeTrack"));"""
    assert sentences(code) == ["`Nothing with ${c} yet.`", '"Did you apply?"', "'I applied'"]


@pytest.mark.parametrize("path", SCRIPTS, ids=[p.name for p in SCRIPTS])
def test_the_scripts_have_no_hard_coded_sentence_for_people_to_read(path):
    """Texts people read in the card, the badge, the popup and the options go through the catalogue: no English
    words are left in a string or template literal."""
    assert sentences(path.read_text(encoding="utf-8")) == []
