"""Placeholder: the review dashboard's owner replaces this."""


def mount(app, store, config) -> None:
    """Attach the dashboard's routes to the API app."""
