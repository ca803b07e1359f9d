"""One APIRouter per page module; ``create_app`` includes them in this order."""

from __future__ import annotations

from truceline.web.routers import (
    auth,
    compliance,
    data,
    deadlines,
    disputes,
    home,
    negotiation,
    records,
    review,
    speakers,
    timeline,
)

ROUTERS = [
    home.router,
    timeline.router,
    records.router,
    speakers.router,
    disputes.router,
    review.router,
    compliance.router,
    deadlines.router,
    negotiation.router,
    data.router,
    auth.router,
]

# Modules whose pages the static site publishes (each has ``static_paths(web)``).
ROUTERS_WITH_PAGES = [
    home,
    timeline,
    records,
    speakers,
    disputes,
    compliance,
    deadlines,
    negotiation,
    data,
]
