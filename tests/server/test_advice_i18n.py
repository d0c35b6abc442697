"""The advice in the email's language: the catalogues are complete and keep every placeholder, the
template holds every message id the code uses, and the API answers in the language of the email."""

import re
from io import BytesIO

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po
from support import auth, msg

from server.translations import FOLDER, LANGUAGES, SOURCE, catalogue_path, gettext_for, translator

TRANSLATED = [lang for lang in LANGUAGES if lang != SOURCE]
PLACEHOLDER = re.compile(r"\{(\w*)\}|%\((\w+)\)[sd]")
ROOT = FOLDER.parents[1]


def catalogue(language: str):
    with catalogue_path(language).open("rb") as f:
        return read_po(f, locale=language)


def template_ids() -> set[str]:
    with (FOLDER / "messages.pot").open("rb") as f:
        return {m.id if isinstance(m.id, str) else m.id[0] for m in read_po(f) if m.id}


def test_template_holds_every_message_id_the_code_uses():
    """`make translations` was run: the message ids in the code and the templates (``babel.cfg``: the advice,
    the dashboard, the summary and the digest) are exactly those of messages.pot."""
    with (FOLDER / "babel.cfg").open() as f:
        method_map, options_map = parse_mapping_cfg(f)
    found = {message if isinstance(message, str) else message[0]
             for _, _, message, _, _ in extract_from_dir(ROOT, method_map, options_map,
                                                        keywords={"_": None, "N_": None, "gettext": None, "ngettext": (1, 2), "pgettext": ((1, "c"), 2)})}
    assert found and found == template_ids()


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_message_has_a_translation_with_the_same_placeholders(language):
    """Each message id of the template is translated (not fuzzy, not empty) and keeps exactly its placeholders."""
    cat = catalogue(language)
    ids = template_ids()
    for message_id in ids:
        entry = cat.get(message_id)
        strings = entry.string if entry is not None and isinstance(entry.string, tuple) else (entry and entry.string,)
        assert entry is not None and all(strings), f"{language}: no translation for {message_id!r}"
        assert not entry.fuzzy, f"{language}: fuzzy translation for {message_id!r}"
        for string in strings:  # a plural's forms each keep the placeholders (of the plural message id)
            assert sorted(PLACEHOLDER.findall(string)) == sorted(PLACEHOLDER.findall(message_id)), (language, message_id)
        if message_id[0].isalpha() and len(message_id.split()) > 3:
            assert strings[0] != message_id, f"{language}: {message_id!r} left in English"
    assert {m.id if isinstance(m.id, str) else m.id[0] for m in cat if m.id} == ids, f"{language}: obsolete entries"


@pytest.mark.parametrize("language", TRANSLATED)
def test_the_catalogue_is_read_from_the_po_file(language):
    """The gettext of a language gives the .po's text: no compiled file is needed or kept."""
    cat = catalogue(language)
    entry = cat.get("Not a rejection")
    assert gettext_for(language)("Not a rejection") == entry.string != "Not a rejection"
    assert not list(FOLDER.rglob("*.mo"))
    assert gettext_for("it")("Not a rejection") == "Not a rejection"  # any other language: English


EXPECTED = {
    "de": ("Kranich AG hat deine Bewerbung als Controller nach dem Vorstellungsgespräch abgelehnt.", "Um Rückmeldung bitten",
           "Keine Absage", "Guten Tag,"),
    "fr": ("Kranich AG a refusé votre candidature au poste « Controller » après l'entretien.", "Demander un retour",
           "Pas un refus", "Bonjour,"),
    "es": ("Kranich AG ha rechazado tu candidatura al puesto de Controller tras la entrevista.", "Pide una valoración",
           "No es un rechazo", "Buenos días:"),
    "nl": ("Kranich AG heeft je sollicitatie als Controller na het gesprek afgewezen.", "Vraag om feedback",
           "Geen afwijzing", "Geachte heer, mevrouw,"),
    "en": ("Kranich AG said no to your application for Controller after the interview.", "Ask for feedback",
           "Not a rejection", "Hello,"),
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_stored_rejection_is_advised_in_its_language(client, user, ingest, language):
    """The summary, the strategies, the steps and the draft all come in the email's language, which the response names."""
    _, token = user()
    ingest(token, msg("rejection", company="Kranich AG", role="Controller", stage="interview", language=language,
                      from_address="personal@kranich.example"))
    mid = client.get("/api/v1/messages", headers=auth(token), query_string={"label": "rejection"}).json["items"][0]["id"]
    res = client.get(f"/api/v1/messages/{mid}/advice", headers=auth(token)).json
    summary, strategy_title, not_rejection, greeting = EXPECTED[language]
    assert res["language"] == language and res["summary"] == summary
    assert strategy_title in [s["title"] for s in res["strategies"]]
    assert [s["title"] for s in res["next_steps"] if s["kind"] == "not_a_rejection"] == [not_rejection]
    assert res["next_steps"][0]["body"].startswith(greeting + "\n\n")


def test_an_open_french_email_is_advised_in_french(client, user):
    """POST /advice: the email on screen is French, so is everything the card shows, and the draft goes to the
    address the email names for questions when its sender is a no-reply address."""
    _, token = user()
    text = ("Bonjour,\n\nNous vous remercions de l'intérêt que vous portez à notre entreprise et pour votre candidature au poste "
            "de Comptable. Après examen attentif de votre dossier, nous sommes au regret de vous informer que nous ne "
            "donnerons pas suite à votre candidature.\n\nPour toute question, vous pouvez nous écrire à rh@vallon.example.\n\n"
            "Cordialement,\nL'équipe RH de Groupe Vallon")
    res = client.post("/api/v1/advice", json={"subject": "Votre candidature chez Groupe Vallon", "from_name": "Groupe Vallon",
                                              "from_address": "no-reply@vallon.example", "text": text}, headers=auth(token)).json
    item = res["advice"]
    assert item["language"] == "fr" and "candidature" in item["summary"]
    draft = item["next_steps"][0]
    assert draft["to"] == "rh@vallon.example" and draft["to_source"] == "contact" and draft["body"].startswith("Bonjour,")
    assert draft["subject"] == "Re: Votre candidature chez Groupe Vallon"
    assert "rh@vallon.example" in draft["note"] and "questions" in draft["note"]
    assert all(s["kind"] != "network" or s["to"] == "rh@vallon.example" for s in item["next_steps"])


def test_strategies_list_in_a_language(client, user):
    """GET /strategies?language=de lists the ten in German; an unknown language is refused."""
    _, token = user()
    items = client.get("/api/v1/strategies", query_string={"language": "de"}, headers=auth(token)).json["items"]
    assert items[1]["title"] == "Um Rückmeldung bitten" and len(items) == 10
    assert client.get("/api/v1/strategies", query_string={"language": "xx"}, headers=auth(token)).status_code == 400


def test_mo_free_catalogue_compiles_to_the_same_text():
    """Reading the .po in memory gives what a compiled .mo would: the Translations object answers every id."""
    buf = BytesIO(catalogue_path("nl").read_bytes())
    cat = read_po(buf, locale="nl")
    _ = gettext_for("nl")
    assert all((translator("nl").pgettext(m.context, m.id) if m.context else _(m.id)) == m.string
               for m in cat if isinstance(m.id, str) and m.id)
    plurals = [m for m in cat if isinstance(m.id, tuple)]
    assert plurals and all(translator("nl").ngettext(*m.id, n) == m.string[n != 1] for m in plurals for n in (1, 2))
