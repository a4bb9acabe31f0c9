"""The paywall's decisions and writes, one module per concern (access, meter, subscriptions,
gifts, funnel). Nothing here knows about `request`; see `paywall.readers` and `paywall.gate`.
"""
