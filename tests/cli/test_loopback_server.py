"""The loopback server behind the demo and the test outlets stays quiet when a client
hangs up early — the fetcher does that on purpose when it refuses a page."""

import socket
import struct
import time

from quotetrail.demo.site import LoopbackServer


def _reset_connection(port: int) -> None:
    sock = socket.create_connection(("127.0.0.1", port))
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    sock.sendall(b"GET / HTTP/1.1\r\n")  # half a request, then a reset
    sock.close()


def test_a_client_reset_prints_no_traceback(capsys):
    server = LoopbackServer(lambda request: (200, {}, b"ok")).start()
    try:
        for _ in range(5):
            _reset_connection(server.port)
        time.sleep(0.3)
    finally:
        server.stop()
    assert capsys.readouterr().err == ""
