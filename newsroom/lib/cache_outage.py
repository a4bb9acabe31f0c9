"""One warning when the shared cache stops answering, one note when it is back.

django-redis (with IGNORE_EXCEPTIONS) turns each failed call into None; the rate limits
and the funnel notice it and carry on without the cache. They report here, so an outage
is logged once per process rather than as a traceback per call.
"""

import logging
import threading

logger = logging.getLogger("newsroom.cache")

_lock = threading.Lock()
_down = False


def report_failure() -> None:
    global _down
    if _down:
        return
    with _lock:
        if _down:
            return
        _down = True
    logger.warning(
        "The cache is unreachable: rate limits are not enforced and funnel counts wait "
        "in this process until it answers again."
    )


def report_success() -> None:
    global _down
    if not _down:
        return
    with _lock:
        if not _down:
            return
        _down = False
    logger.info("The cache answers again: rate limits apply and funnel counts are pushed.")
