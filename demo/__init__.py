"""The demo publication: every app's demo content, and `manage.py load_demo` to load it.

The one app allowed to import every other app, and the only place demo data lives:
demo.content holds one module per app (articles, paywall, newsletters, the editorial
workflow), the stories as data under demo.content.stories. Nothing imports demo.
"""
