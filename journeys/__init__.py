"""Journeys: GOV.UK prototypes from YAML page flows, served live or frozen to static HTML."""

__all__ = ["create_app"]


def __getattr__(name: str):
    # `from journeys import create_app` works, yet importing the journey language (journeys.flows)
    # does not load Flask: the app is imported only when it is asked for.
    if name == "create_app":
        from journeys.web.app import create_app

        return create_app
    raise AttributeError(f"module 'journeys' has no attribute {name!r}")
