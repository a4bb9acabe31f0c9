"""Everything in newsletters that writes, sends or decides, by domain:

- ``subscribers``: a subscriber's status: the transition table and ``change_status``.
- ``signup``: signing up, double opt-in confirmation, rate limits.
- ``preferences``: the preference centre and unsubscribing.
- ``sending``: rendering an issue and sending it to its confirmed subscribers.
- ``subscribers_csv``: streaming export and checked import of subscribers.
"""
