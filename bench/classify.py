"""Speed of the whole mail pipeline against the bare standard-library parse, in one run.

    python bench/classify.py [--messages 10000]

Generates messages from the corpus (fresh Message-ID, Date, recipient name and a
shuffled mix of plain, HTML and multipart bodies, with ordinary non-job mail in it),
then times on one core:
  bare:    email.message_from_bytes(raw, policy=email.policy.default) and get_body()
  onward:  worker.pipeline.analyze(raw): parse, clean text, classify, extract
and prints messages per second for each and the ratio.
"""

import argparse
import email
import email.policy
import gc
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from worker.pipeline import analyze  # noqa: E402

FIRST_NAMES = ["Alex", "Sam", "Jordan", "Maya", "Luca", "Noor", "Ines", "Tomás", "Femke", "Jonas"]


def generate(count: int, seed: int = 7) -> list[bytes]:
    """``count`` messages made from the corpus files with varied headers and greetings."""
    sources = sorted((ROOT / "tests" / "corpus").glob("*/*/*.eml"))
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


def timed(fn, messages: list[bytes]) -> float:
    gc.collect()
    start = time.perf_counter()
    for raw in messages:
        fn(raw)
    return time.perf_counter() - start


def bare(raw: bytes) -> None:
    email.message_from_bytes(raw, policy=email.policy.default).get_body()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=10_000)
    args = parser.parse_args()
    messages = generate(args.messages)
    size = sum(map(len, messages))
    print(f"{len(messages)} messages, {size / 1e6:.1f} MB, mean {size // len(messages)} bytes")
    analyze(messages[0])  # import-time work and regex compilation out of the measurement
    t_bare = timed(bare, messages)
    t_onward = timed(analyze, messages)
    rate_bare, rate_onward = len(messages) / t_bare, len(messages) / t_onward
    print(f"bare stdlib parse + get_body : {rate_bare:8.0f} msg/s  ({t_bare:.2f} s)")
    print(f"onward analyze (whole core) : {rate_onward:8.0f} msg/s  ({t_onward:.2f} s)")
    print(f"ratio onward/bare time      : {t_onward / t_bare:8.2f}x   (aim: at most 3x, and at least 1,000 msg/s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
