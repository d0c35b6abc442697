"""The skill area an assessment rejection names ("your results in the SQL exercise"), so the
advice can point the user's learning at it. Only what the email says: no area is guessed."""

import re

from worker.text import fold

SKILL_AREAS: tuple[tuple[str, re.Pattern], ...] = tuple(
    (area, re.compile(pattern))
    for area, pattern in (
        ("SQL", r"\bsql\b"),
        ("system design", r"\bsystems? design\b|\barchitecture (?:exercise|interview|round)\b"),
        ("coding", r"\bcoding (?:challenge|exercise|test|assessment|task|round)|\b(?:programming|technical|code) (?:challenge|test|exercise|task)"
                   r"|\bhackerrank\b|\bcodility\b|\bcodesignal\b|\blive coding\b|\bprogrammieraufgabe\b|\bprueba tecnica\b|\btest technique\b"),
        ("numerical reasoning", r"\bnumerical (?:reasoning|test|assessment)|\bnumeric(?:al)? ability\b|\bzahlenverstandnis\b"),
        ("verbal reasoning", r"\bverbal (?:reasoning|test|assessment)"),
        ("logical reasoning", r"\b(?:logical|abstract|inductive|deductive) reasoning\b"),
        ("case study", r"\bcase (?:study|interview|exercise|presentation)\b|\bfallstudie\b|\bestudio de caso\b|\betude de cas\b"),
        ("data analysis", r"\bdata (?:analysis|exercise|challenge|task)\b|\bexcel (?:test|exercise|task)\b"),
        ("writing", r"\bwriting (?:exercise|test|sample|task|assignment)\b|\bwritten (?:exercise|test|assignment)\b|\bschreibaufgabe\b"),
        ("presentation", r"\bpresentation (?:exercise|task|round|stage)\b"),
        ("design", r"\bdesign (?:challenge|exercise|task|assignment)\b|\bportfolio review\b"),
        ("language", r"\blanguage (?:test|assessment)\b|\bsprachtest\b"),
    )
)
"""Areas in the order they are tried: the specific (SQL) before the general (coding)."""


def skill_area(text: str) -> str | None:
    """The first skill area the text names, or None."""
    folded = fold(text)
    for area, pattern in SKILL_AREAS:
        if pattern.search(folded):
            return area
    return None
