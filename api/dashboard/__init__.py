"""The review dashboard journalists work in: server-rendered pages under /dashboard.

`mount(app, store, config)` attaches it to the API app. Jobs are submitted through
the same store + dispatcher path as the API; reviews, assignments and users live in
the store's tables of migrations 0002_review, 0003_sessions and 0005_comments.
"""

from __future__ import annotations

from typing import Any

PREFIX = "/dashboard"


def mount(app, store, config, dispatcher: Any = None) -> None:
    """Attach the dashboard's routes to the API app under /dashboard.

    On the API app, jobs go through the API's own context (schema, URL policy,
    dispatcher); on a bare app, through `dispatcher` or the worker's get_dispatcher,
    looked up lazily so that building the app never needs a broker.
    """
    from api.dashboard.app import create_dashboard
    from quotetrail.config import ServiceConfig

    config = config or ServiceConfig.from_env()
    cached: list[Any] = [dispatcher] if dispatcher is not None else []

    def api_context() -> Any:
        return getattr(app.state, "quotetrail", None)

    def get_dispatcher() -> Any:
        if not cached:
            context = api_context()
            if context is not None:
                return context.dispatcher
            from worker.dispatch import get_dispatcher as make

            cached.append(make(config))
        return cached[0]

    dashboard = create_dashboard(store, config, get_dispatcher, api_context)
    app.mount(PREFIX, dashboard, name="dashboard")
