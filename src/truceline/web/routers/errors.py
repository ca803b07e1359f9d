"""Error pages: the same layout, a clear sentence, the right status."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse
from starlette.exceptions import HTTPException

from truceline.errors import TrucelineError
from truceline.web.deps import render

_TITLES = {
    400: "Bad request",
    401: "Sign in",
    403: "Not allowed",
    404: "Not found",
    429: "Too many tries",
}


def error_page(request: Request, exc: HTTPException) -> HTMLResponse | JSONResponse:
    if request.url.path.startswith("/api/"):
        return JSONResponse({"error": exc.detail}, status_code=exc.status_code)
    response = render(
        request,
        "error.html",
        status=exc.status_code,
        title=_TITLES.get(exc.status_code, "Error"),
        message=str(exc.detail),
    )
    for name, value in (exc.headers or {}).items():
        response.headers[name] = value
    return response


def install_error_pages(app: FastAPI) -> None:
    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException):  # type: ignore[no-untyped-def]
        return error_page(request, exc)

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, exc: RequestValidationError):  # type: ignore[no-untyped-def]
        return error_page(request, HTTPException(400, "The request's parameters are not valid."))

    @app.exception_handler(TrucelineError)
    async def refused(request: Request, exc: TrucelineError):  # type: ignore[no-untyped-def]
        return error_page(request, HTTPException(400, str(exc)))
