"""Speed of the whole mail pipeline against the bare standard-library parse, in one run.

    python bench/classify.py [--messages 10000] [--rounds 3]

Three sets, timed in this one process (one core):
  mix:       95 % real everyday mail (``../shared/mail/real-ordinary.tar.gz``, read at run time)
             and 5 % job mail, as a real mailbox is; aim: faster than the bare parse, and at
             least 1,500 msg/s
  job:       job mail alone (the corpus, varied); aim: at most 2.5x the bare parse
  everyday:  the everyday mail alone
where bare is email.message_from_bytes(raw, policy=email.policy.default) and get_body(),
and onward is worker.pipeline.analyze(raw): gate, parse, clean text, classify, extract.
Job mail is generated from the corpus (fresh Message-ID, Date, recipient name).

Bare and onward run in turns, ``--rounds`` times; the best round of each is kept, in CPU time
of this process (``time.process_time``: what a shared machine's other work disturbs least) and
in wall time. The ratio onward/bare is the figure to compare between machines and loads. For
each set it also says how the everyday gate settled the messages (and so what was not parsed).
"""

import argparse
import email
import email.policy
import gc
import random
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from worker.classify import names  # noqa: E402
from worker.classify.gate import header_bytes, raw_text_verdict  # noqa: E402
from worker.evaluate import everyday_messages, load_corpus, shared_folder  # noqa: E402
from worker.parse import header_fields  # noqa: E402
from worker.pipeline import analyze  # noqa: E402

FIRST_NAMES = ["Alex", "Sam", "Jordan", "Maya", "Luca", "Noor", "Ines", "Tomás", "Femke", "Jonas"]


def generate(count: int, seed: int = 7) -> list[bytes]:
    """``count`` messages made from the corpus files with varied headers and greetings."""
    sources = [e.path for e in load_corpus(ROOT / "tests" / "corpus") if e.label != "other"]
    if not sources:
        raise SystemExit("no corpus under tests/corpus")
    templates = [p.read_bytes() for p in sources]
    rng = random.Random(seed)
    out = []
    for i in range(count):
        raw = templates[rng.randrange(len(templates))]
        head, sep, body = raw.partition(b"\n\n")
        lines = [ln for ln in head.split(b"\n") if not ln.lower().startswith((b"message-id:", b"date:"))]
        day = 1 + i % 28
        lines.append(f"Message-ID: <bench-{i}-{rng.randrange(10**9)}@example.org>".encode())
        lines.append(f"Date: Mon, {day:02d} Sep 2026 {i % 24:02d}:{i % 60:02d}:00 +0200".encode())
        name = FIRST_NAMES[i % len(FIRST_NAMES)].encode()
        out.append(b"\n".join(lines) + sep + body.replace(b"Hi ", b"Hi " + name + b" ", 1))
    return out


def timed(fn, messages: list[bytes]) -> tuple[float, float]:
    """(CPU seconds, wall seconds) of ``fn`` over every message."""
    gc.collect()
    cpu, wall = time.process_time(), time.perf_counter()
    for raw in messages:
        fn(raw)
    return time.process_time() - cpu, time.perf_counter() - wall


def bare(raw: bytes) -> None:
    email.message_from_bytes(raw, policy=email.policy.default).get_body()


def everyday() -> list[bytes]:
    archive = shared_folder(ROOT / "bench") / "mail" / "real-ordinary.tar.gz"
    if not archive.is_file():
        raise SystemExit(f"no everyday mail at {archive}")
    return [raw for _, raw in everyday_messages(archive)]


def mix(count: int, seed: int = 7) -> list[bytes]:
    """``count`` messages: 95 % real everyday mail (cycled) and 5 % job mail, shuffled."""
    ordinary = everyday()
    jobs = count // 20
    out = [ordinary[i % len(ordinary)] for i in range(count - jobs)] + generate(jobs, seed)
    random.Random(seed).shuffle(out)
    return out


HEADER_REASONS = (names.MAILING_LIST, names.DELIVERY_REPORT, names.NOTIFICATION)


def how_settled(messages: list[bytes]) -> Counter:
    """How the pipeline took each message: settled from its headers, from its raw body (no
    parse), from its parsed text, or classified in full."""
    ways = Counter()
    for raw in messages:
        evidence = analyze(raw).classification.evidence
        reason = evidence[0].rule if evidence else ""
        if reason in HEADER_REASONS:
            ways["settled from the headers"] += 1
        elif reason == names.NO_JOB_WORDS:
            head = header_bytes(raw)
            fields = header_fields(head)
            raw_body = fields is not None and raw_text_verdict(raw, head, fields) is not None
            ways["settled from the raw body, unparsed" if raw_body else "settled after the parse"] += 1
        else:
            ways["parsed and classified in full"] += 1
    return ways


def compare(name: str, messages: list[bytes], rounds: int, aim: str) -> None:
    size = sum(map(len, messages))
    best = {"bare": (float("inf"), float("inf")), "onward": (float("inf"), float("inf"))}
    for _ in range(rounds):
        for who, fn in (("bare", bare), ("onward", analyze)):
            cpu, wall = timed(fn, messages)
            best[who] = (min(best[who][0], cpu), min(best[who][1], wall))
    n = len(messages)
    (cpu_bare, wall_bare), (cpu_onward, wall_onward) = best["bare"], best["onward"]
    print(f"\n{name}: {n} messages, {size / 1e6:.1f} MB, mean {size // n} bytes; best of {rounds} rounds")
    print(f"  bare stdlib parse + get_body : {n / cpu_bare:7.0f} msg/s CPU  {n / wall_bare:7.0f} msg/s wall")
    print(f"  onward analyze (whole core)  : {n / cpu_onward:7.0f} msg/s CPU  {n / wall_onward:7.0f} msg/s wall")
    print(f"  ratio onward/bare time       : {cpu_onward / cpu_bare:7.2f}x CPU  {wall_onward / wall_bare:7.2f}x wall   ({aim})")
    ways = how_settled(messages)
    print("  " + "; ".join(f"{way}: {count} ({count / n:.0%})" for way, count in ways.most_common()))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    job = generate(args.messages)
    analyze(job[0])  # import-time work and regex compilation out of the measurement
    compare("mix (95 % everyday, 5 % job)", mix(args.messages), args.rounds, "aim: below 1x, and at least 1,500 msg/s")
    compare("job mail alone", job, args.rounds, "aim: at most 2.5x")
    ordinary = everyday()
    compare("everyday mail alone", [ordinary[i % len(ordinary)] for i in range(args.messages)], args.rounds, "no aim of its own")
    return 0


if __name__ == "__main__":
    sys.exit(main())
