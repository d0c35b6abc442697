"""The schedule for ``rq cron worker.cron``: every ``ONWARD_SYNC_INTERVAL_MINUTES`` (default 10)
``worker.jobs.sync_all`` is enqueued on the ``onward`` queue, and it enqueues one sync per account;
every 15 minutes ``worker.digests.send_digests`` has the server send the weekly digests that are due."""

from rq import cron

from worker import config, digests, jobs

INTERVAL_SECONDS = max(1, round(config.load().sync_interval_minutes * 60))
"""Read when ``rq cron`` loads this module."""

cron.register(jobs.sync_all, jobs.QUEUE, interval=INTERVAL_SECONDS, job_timeout=300, name="sync every account")
cron.register(digests.send_digests, jobs.QUEUE, interval=digests.DIGEST_INTERVAL_SECONDS, job_timeout=600,
              name="send the weekly digests that are due")
