"""Webhook delivery goes through the SSRF guard: a callback is user input too."""

import pytest

from quotetrail.fetch.errors import BlockedAddress
from tests.service.worker.outlets import WebhookReceiver
from worker.fetching import post_guarded


def test_posts_to_an_allowed_address():
    received = []
    receiver = WebhookReceiver(received)
    try:
        # the receiver answers 500 first (to exercise retries elsewhere), then 204
        assert post_guarded(receiver.url, b"{}", {"webhook-id": "msg_1"}, timeout=5) == 500
        assert post_guarded(receiver.url, b'{"a":1}', {"webhook-id": "msg_1"}, timeout=5) == 204
        assert received[0][1] == b'{"a":1}' and received[0][0]["webhook-id"] == "msg_1"
    finally:
        receiver.stop()


def test_refuses_an_address_off_the_allowed_list_without_connecting():
    received = []
    receiver = WebhookReceiver(received, host="127.0.0.2")  # loopback, but not allowed
    try:
        with pytest.raises(BlockedAddress):
            post_guarded(receiver.url, b"{}", {}, timeout=5)
        assert receiver.calls == 0
    finally:
        receiver.stop()
