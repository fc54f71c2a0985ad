"""Webhook signing follows the Standard Webhooks spec byte for byte."""

import base64
from types import SimpleNamespace

import pytest

from worker import webhooks

# The example from the Standard Webhooks reference libraries.
SPEC_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
SPEC_ID = "msg_p5jXN8AQM9LWM0D4loKWxJek"
SPEC_TS = 1614265330
SPEC_BODY = b'{"test": 2432232314}'
SPEC_SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="


def test_signature_matches_the_spec_example():
    assert webhooks.sign(SPEC_SECRET, SPEC_ID, SPEC_TS, SPEC_BODY) == SPEC_SIGNATURE


def test_headers_verify_and_tampering_is_caught():
    secret = webhooks.new_secret()
    body = b'{"type":"job.succeeded"}'
    headers = webhooks.headers_for(secret, "msg_1", body, now=1_700_000_000)
    assert headers["webhook-id"] == "msg_1"
    assert headers["webhook-timestamp"] == "1700000000"
    assert webhooks.verify(secret, headers, body, now=1_700_000_010)
    assert not webhooks.verify(secret, headers, body + b" ", now=1_700_000_010)
    assert not webhooks.verify(webhooks.new_secret(), headers, body, now=1_700_000_010)
    # replay outside the tolerance window
    assert not webhooks.verify(secret, headers, body, now=1_700_000_000 + 3600)


def test_unsigned_when_no_secret():
    headers = webhooks.headers_for(None, "msg_1", b"{}")
    assert "webhook-signature" not in headers


@pytest.mark.parametrize(
    "bad", ["whsec_not base64!", "whsec_" + base64.b64encode(b"short").decode()]
)
def test_bad_secret_is_a_clear_error(bad):
    with pytest.raises(webhooks.WebhookError, match="QUOTETRAIL_WEBHOOK_SECRET"):
        webhooks.sign(bad, "msg", 1, b"{}")


def test_event_id_is_stable_across_retries():
    job = SimpleNamespace(
        id="j1",
        status="succeeded",
        error=None,
        title="t",
        sources_total=2,
        sources_done=2,
        quotes_total=3,
        verdict_counts={"matched": 3},
    )
    first, body1 = webhooks.event_for(job)
    second, _ = webhooks.event_for(job)
    assert first == second == "msg_j1_succeeded"
    assert b'"type":"job.succeeded"' in body1


def test_callback_url_from_request():
    assert webhooks.callback_url({"callback_url": " http://x/hook "}) == "http://x/hook"
    assert webhooks.callback_url({"callback_url": ""}) is None
    assert webhooks.callback_url(None) is None
