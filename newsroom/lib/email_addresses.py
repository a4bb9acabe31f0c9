"""One spelling per mailbox, so the same reader is one account, one subscriber, one limit."""


def normalise_email(email: str | None) -> str:
    """Trimmed and lower-cased, so "Ann@X.org " and "ann@x.org" match; "" for nothing.

    The whole address is lower-cased, not only its domain as Django's normalize_email
    does: readers type their address in any case, and no mail provider we deliver to
    treats the local part's case as a different mailbox.
    """
    return (email or "").strip().lower()
