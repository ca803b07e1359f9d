"""Sign in and out (team mode): argon2-checked passwords, a session cookie, a login rate limit."""

from __future__ import annotations

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData

from truceline.web.deps import render, require_csrf, web
from truceline.web.session import clear_session_cookie, session_token, set_session_cookie
from truceline.web.settings import Mode

router = APIRouter()


def _next(value: str | None) -> str:
    if not value or not value.startswith("/") or value.startswith("//") or "\\" in value:
        return "/"
    return value


@router.get("/login", response_class=HTMLResponse)
def login_form(request: Request) -> HTMLResponse:
    if web(request).settings.mode is not Mode.TEAM:
        raise HTTPException(404, "This dashboard has no accounts.")
    return render(
        request,
        "login.html",
        next=_next(request.query_params.get("next")),
        error="",
        name="",
        title="Sign in",
    )


@router.post("/login", dependencies=[Depends(require_csrf)])
async def login(request: Request) -> Response:
    """Read the form here; check it in a worker thread (see ``_sign_in``)."""
    if web(request).settings.mode is not Mode.TEAM:
        raise HTTPException(404, "This dashboard has no accounts.")
    form = await request.form()
    return await run_in_threadpool(_sign_in, request, form)


def _sign_in(request: Request, form: FormData) -> Response:
    """The login itself, off the event loop: argon2 takes tens of milliseconds of
    CPU, and a burst of logins on the loop would stall every other request."""
    w = web(request)
    name = str(form.get("username") or "").strip()
    password = str(form.get("password") or "")
    target = _next(str(form.get("next") or ""))
    client = request.client.host if request.client else "?"
    wait = w.limiter.retry_after(w.dossier, client, name)
    if wait:
        raise HTTPException(
            429,
            f"Too many failed sign-ins; try again in {wait} seconds.",
            headers={"Retry-After": str(wait)},
        )
    role = w.dossier.authenticate(name, password) if name else None
    if role is None:
        w.limiter.failed(w.dossier, client, name)
        return render(
            request,
            "login.html",
            status=401,
            next=target,
            error="Unknown user name or wrong password.",
            name=name,
            title="Sign in",
        )
    w.limiter.succeeded(w.dossier, client, name)
    token = w.dossier.open_session(name, w.settings.session_hours)
    response = RedirectResponse(target, status_code=303)
    set_session_cookie(response, token, w.settings)
    return response


@router.post("/logout", dependencies=[Depends(require_csrf)])
async def logout(request: Request) -> Response:
    token = session_token(request)
    if token:
        await run_in_threadpool(web(request).dossier.close_session, token)
    response = RedirectResponse("/login" if web(request).settings.mode is Mode.TEAM else "/", 303)
    clear_session_cookie(response)
    return response
