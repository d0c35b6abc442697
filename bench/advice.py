"""The advice for real rejections: how many get a feedback draft, how many are written in the
email's language (the language the advice says it used, and the one the worker's detector reads in
everything it says), and how many doubled words ("the the", "role role") the texts hold.

    .venv/bin/python bench/advice.py            # tune and check of ../shared/realmail, tuned and holdout of tests/corpus
    .venv/bin/python bench/advice.py --show 3   # also print three drafts of the parts rules may be written from (tune, tuned)

Every labelled rejection is parsed and classified by the worker's mail core, then sent through
the advice builder (``server.advice.build``) as the extension's card gets it: with the email's
text, for a user who gave their name, in a temporary SQLite database. The classifier's own
label is not a filter here (``bench/quality.py`` measures it); ``card`` is the share of these
rejections ``POST /api/v1/advice`` would show a card for (a sure or a "Please check" rejection).
The real mail is read at run time and never copied."""

import argparse
import re
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from server import advice, create_app  # noqa: E402
from server.auth import create_user  # noqa: E402
from server.db import db_session, upgrade  # noqa: E402
from server.schemas import parse_datetime  # noqa: E402
from worker.evaluate import load_corpus, load_realmail, shared_folder  # noqa: E402
from worker.extract import detect_language  # noqa: E402
from worker.pipeline import analyze  # noqa: E402

TARGETS = {"draft": 0.95, "language": 0.95}
"""The share of rejections with a feedback draft, and with advice in the email's language (issue 13)."""

DOUBLED = re.compile(r"\b(\w+)\s+\1\b", re.IGNORECASE | re.UNICODE)
"""A word written twice in a row."""


def texts(item: dict) -> list[str]:
    """Every text the advice shows: the summary, the strategies, the steps and the draft."""
    out = [item["summary"], item.get("question") or ""]
    for s in item["strategies"]:
        out += [s["title"], s["nudge"], s["guidance"], s["reason"]]
    for step in item["next_steps"]:
        out += [step.get(k) or "" for k in ("title", "text", "subject", "body", "note")]
    return [t for t in out if t]


def doubled(item: dict, values: list[str]) -> list[str]:
    """Doubled words in the advice's texts that the email's own values (its subject, a company
    named "Bora Bora") do not already hold."""
    own = {m.group(0).lower() for v in values if v for m in DOUBLED.finditer(v)}
    return [m.group(0) for t in texts(item) for m in DOUBLED.finditer(t) if m.group(0).lower() not in own]


def advise(raw: bytes) -> tuple[dict, dict]:
    """The advice for one email, built as for the card, and the classifier's record."""
    analysis = analyze(raw)
    record, parsed = analysis.to_dict(), analysis.parsed
    fields = {**record, "date": parse_datetime(record["date"]) if record.get("date") else None,
              "from_address": parsed.from_address, "from_name": parsed.from_name, "subject": parsed.subject}
    session = db_session()
    return advice.build(session, USER_ID, fields, None, None, text=parsed.body), record


def measure(name: str, examples: list, show: int) -> None:
    rejections = [e for e in examples if e.label == "rejection"]
    if not rejections:
        print(f"\n== {name}: no rejections here ==")
        return
    drafts, in_language, reads_as, cards, found = 0, 0, 0, 0, []
    sources, languages = Counter(), Counter()
    shown = 0
    for e in rejections:
        item, record = advise(e.path.read_bytes())
        draft = next((s for s in item["next_steps"] if s["kind"] == "feedback_email"), None)
        if draft and draft["body"]:
            drafts += 1
            sources[draft["to_source"] + (" (signer named)" if draft.get("to_person") else "")] += 1
        languages[(e.language, item["language"])] += 1
        in_language += item["language"] == e.language
        reads_as += detect_language(" ".join(texts(item))) == e.language
        cards += record["label"] in advice.ADVISED
        found += [(e.path.name, d) for d in doubled(item, [record.get("company"), record.get("role"), record.get("subject"),
                                                           record.get("from_name")])]
        if shown < show and draft:
            shown += 1
            print(f"\n--- {e.path.name} ({e.language}) to {draft['to'] or '(nobody)'} [{draft['to_source']}]\n"
                  f"{item['summary']}\nSubject: {draft['subject']}\n\n{draft['body']}{draft.get('note') or ''}")
    n = len(rejections)
    print(f"\n== {name}: {n} labelled rejections ==")
    for label, value, target in (("with a draft", drafts / n, TARGETS["draft"]),
                                 ("in the email's language", in_language / n, TARGETS["language"])):
        print(f"{label:26} {value:6.1%}  target {target:.0%}  {'ok' if value >= target else 'below target'}")
    print(f"{'texts read as that one':26} {reads_as / n:6.1%}  (the worker's language detector run on everything the advice says)")
    print(f"{'doubled words':26} {len(found):6d}  target 0  {'ok' if not found else 'below target'}")
    print(f"{'draft goes to':26} " + ", ".join(f"{k} {v}" for k, v in sorted(sources.items())))
    print(f"{'card (POST /advice)':26} {cards / n:6.1%}  (the classifier's part: bench/quality.py)")
    wrong = {k: v for k, v in languages.items() if k[0] != k[1]}
    if wrong:
        print(f"{'language (labelled, used)':26} " + ", ".join(f"{a}->{b} {v}" for (a, b), v in sorted(wrong.items())))
    for file, word in found:
        print(f"  doubled: {word!r} in {file}")


USER_ID = 0


def main() -> None:
    global USER_ID
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--show", type=int, default=0, help="print this many drafts of each part")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{tmp}/bench.db"
        upgrade(url)
        app = create_app({"DATABASE_URL": url, "REDIS_URL": None, "SECRET_KEY": "bench"})
        with app.app_context():
            session = db_session()
            user, _ = create_user(session, "bench@example.org")
            user.display_name = "Robin Park"
            session.commit()
            USER_ID = user.id
            real = shared_folder(Path(__file__)) / "realmail"
            for split in ("tune", "check"):
                measure(f"realmail {split}", load_realmail(real, split), args.show if split == "tune" else 0)
            for split in ("tuned", "holdout"):
                measure(f"tests/corpus {split}", load_corpus(ROOT / "tests" / "corpus", split), args.show if split == "tuned" else 0)


if __name__ == "__main__":
    main()
