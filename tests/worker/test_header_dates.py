"""A ``Date:`` header outside 1970..2099 (a broken clock, a forged header) through the worker: the message is
stored once with the date the mailbox or the file gives, and the user's pages keep answering."""

import os
import urllib.request
from datetime import UTC, datetime

import pytest
from helpers import add_account, all_messages, call

from worker.importer import import_messages
from worker.parse import parse_message
from worker.sources import iter_messages
from worker.sync import sync_account

FAR_DATES = ["Fri, 31 Dec 9999 23:59:59 -1200", "Mon, 01 Jan 1900 00:00:00 +0000", "Thu, 01 Jan 1970 00:00:00 +0100"]


def rejection(date: str, n: int) -> bytes:
    return (f"From: Acme Careers <careers@acme-corp.com>\r\nTo: robin@example.org\r\nSubject: Your application to Acme\r\n"
            f"Date: {date}\r\nMessage-ID: <far-{n}@acme-corp.com>\r\n\r\nDear Robin,\r\n\r\nThank you for applying for the Data "
            f"Analyst role. Unfortunately, we have decided not to move forward with your application.\r\n\r\nAcme Talent Team\r\n").encode()


@pytest.mark.parametrize("date", FAR_DATES)
def test_a_date_header_outside_the_bounds_is_a_defect_not_a_date(date):
    parsed = parse_message(rejection(date, 0))
    assert parsed.date is None and any("outside 1970..2099" in d for d in parsed.defects)


def _pages_answer(live_server, token: str) -> None:
    for path in ("/summary/weekly", "/applications", "/follow-ups", "/messages"):
        call(live_server, token, "GET", path)  # raises on anything but 2xx
    for app in call(live_server, token, "GET", "/applications")["items"]:
        request = urllib.request.Request(f"{live_server.url}/api/v1/applications/{app['id']}/follow-up.ics",
                                         headers={"Authorization": f"Bearer {token}"})
        with urllib.request.urlopen(request, timeout=10) as res:
            assert res.status == 200 and b"BEGIN:VEVENT" in res.read()


def test_sync_stores_far_dated_mail_at_its_arrival(dovecot, live_server, tokens, api):
    """Each message is stored (nothing skipped or refused) dated by the server's INTERNALDATE."""
    arrived = datetime(2026, 11, 20, 9, 30, tzinfo=UTC)
    dovecot.deliver([rejection(d, i) for i, d in enumerate(FAR_DATES)], when=arrived)
    account = add_account(live_server, tokens[0], dovecot)
    result = sync_account(api, account["id"], now=datetime(2026, 12, 1, tzinfo=UTC))
    assert not result.skipped
    stored = all_messages(live_server, tokens[0])
    assert sorted(m["message_id"] for m in stored) == [f"<far-{i}@acme-corp.com>" for i in range(3)]
    assert {m["date"] for m in stored} == {arrived.isoformat()}
    _pages_answer(live_server, tokens[0])


def test_import_stores_far_dated_mail_at_its_files_time(tmp_path, live_server, tokens, api):
    """Imported .eml files are dated by their modification time instead."""
    for i, date in enumerate(FAR_DATES):
        path = tmp_path / f"{i}.eml"
        path.write_bytes(rejection(date, i))
        os.utime(path, (1_767_225_600, 1_767_225_600))  # 2026-01-01T00:00:00Z
    summary = import_messages(api, iter_messages([tmp_path]))
    assert summary.new == 3 and not summary.skipped
    assert {m["date"] for m in all_messages(live_server, tokens[0])} == {"2026-01-01T00:00:00+00:00"}
    _pages_answer(live_server, tokens[0])
