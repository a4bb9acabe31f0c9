"""Plumbing shared by every app: one home for each cross-cutting helper."""
