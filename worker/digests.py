"""The weekly digest job: ``rq cron`` enqueues ``send_digests`` every ``DIGEST_INTERVAL_SECONDS``
and the embedded loop calls it after each round. The server composes and sends (it holds the
summaries and the SMTP settings) and makes sure no week goes out twice; the job only asks it to."""

import logging

from worker import config
from worker.api import Api

log = logging.getLogger("onward.worker")

DIGEST_INTERVAL_SECONDS = 15 * 60
"""How often the scheduler asks: a digest goes out within 15 minutes of the user's chosen hour."""


def send_digests() -> dict:
    """Ask the server to send the digests that are due. A mail server that refuses raises
    ``ApiUnavailable`` (the server answers 502), so RQ records the failure and the next run tries again."""
    result = Api(config.load()).send_due_digests()
    if result.get("disabled"):
        log.debug("digests: %s", result["disabled"])
    elif result["sent"]:
        log.info("digests: %s sent", result["sent"])
    return result
