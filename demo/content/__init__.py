"""Each app's demo data and its idempotent loader, `load_demo(stdout)`, one module per app.

`articles` (structure and stories, drawing lead images with `images`), `paywall` (plans,
meter policy, demo readers), `newsletters` (newsletters, subscribers, one sent issue) and
`workflow` (a demo staff account per role, and articles at each workflow step). A module
with accounts lists them in LOGINS for load_demo to print.
"""
