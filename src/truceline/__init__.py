"""truceline: track a ceasefire or peace process from the agreement to the latest report."""

__version__ = "0.1.0"
