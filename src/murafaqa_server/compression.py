"""Answers compressed with zstd for a laptop that accepts it; the others get
gzip from the middleware, as before.

On a first sync zstd at level 15 gives about 15 % fewer bytes than gzip at
level 9 on the same page, for about a millisecond of the server's time per
100 rows (docs/sync.md, "Where the bytes go").

Pages in one answer (``PageStream``) share one zstd stream, flushed after
each page: a page refers back to the pages before it in the same answer
(the same texts, the same ids) and still reaches the laptop whole as soon
as it is sent, so that a cut loses only the page in flight.
"""
from __future__ import annotations

import zstandard
from fastapi.responses import Response

LEVEL = 15
MINIMUM_SIZE = 600  # as the gzip middleware: a smaller answer gains nothing


def accepts_zstd(accept_encoding: str) -> bool:
    for item in accept_encoding.split(","):
        name, _, params = item.strip().partition(";")
        if name.strip().lower() == "zstd":
            return params.replace(" ", "").lower() not in ("q=0", "q=0.0", "q=0.00", "q=0.000")
    return False


# An optimal parse (btopt, as level 15 uses on a page of known size) in a
# window of 1 MB: a tenth smaller than level 15's defaults over pages that
# follow each other (without a size to go by it takes a faster search), for some
# 6 MB of the server's memory per answer being sent and under a millisecond
# per 100 rows (docs/sync.md, "Where the bytes of a first sync go").
STREAM_PARAMETERS = zstandard.ZstdCompressionParameters(
    strategy=zstandard.STRATEGY_BTOPT, window_log=20, hash_log=19, chain_log=19, search_log=6, min_match=4,
    target_length=128)


class PageStream:
    """One answer's pages, each compressed as it goes and flushed whole."""

    def __init__(self) -> None:
        self._out = zstandard.ZstdCompressor(compression_params=STREAM_PARAMETERS).compressobj()

    def line(self, body: bytes) -> bytes:
        return self._out.compress(body + b"\n") + self._out.flush(zstandard.COMPRESSOBJ_FLUSH_BLOCK)

    def end(self) -> bytes:
        return self._out.flush()


def encoded(body: bytes, accept_encoding: str) -> Response:
    if len(body) >= MINIMUM_SIZE and accepts_zstd(accept_encoding):
        return Response(zstandard.ZstdCompressor(level=LEVEL).compress(body), media_type="application/json",
                        headers={"Content-Encoding": "zstd", "Vary": "Accept-Encoding"})
    return Response(body, media_type="application/json")
