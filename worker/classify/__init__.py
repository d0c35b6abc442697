"""Which kind of job email a message is, how sure, and why: a pure function of a parsed message.

Split by concern: ``gate`` settles everyday mail cheaply; ``rules`` holds the weighted phrase
rules as data and ``names`` the rule names the code refers to; ``guards`` the patterns that say
words are not meant as said; ``evidence`` runs the rules; ``scope`` tells a job from the other
things that get declined; ``decide`` picks the label and its calibrated confidence; ``stage``
says how far a rejected application had got.
"""

from worker.classify.decide import Classification, classify, settled
from worker.classify.evidence import Evidence
from worker.classify.gate import header_verdict
from worker.text import REPLY_PREFIX, is_reply

__all__ = ["REPLY_PREFIX", "Classification", "Evidence", "classify", "header_verdict", "is_reply", "settled"]
