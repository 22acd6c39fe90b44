"""`canpath serve`: start the web app and JSON API (typer only at import; uvicorn inside)."""

from __future__ import annotations

from typing import Annotated

import typer

__all__ = ["register"]


def serve(
    host: Annotated[str, typer.Option("--host", help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[
        int, typer.Option("--port", help="Port to listen on.", min=1, max=65535)
    ] = 8000,
    workers: Annotated[int, typer.Option("--workers", help="Worker processes.", min=1, max=64)] = 1,
) -> None:
    """Serve the guided assessment pages and the JSON API (open http://HOST:PORT/)."""
    try:
        import uvicorn
    except ImportError:  # pragma: no cover - depends on the installed extras
        typer.echo("error: the web app needs the web extra: pip install 'canpath[web]'", err=True)
        raise typer.Exit(1) from None
    from canpath.web.logs import log_config

    typer.echo(f"canpath: serving on http://{host}:{port}/ (Ctrl+C to stop)")
    uvicorn.run(
        "canpath.web.app:create_app",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        access_log=False,
        log_config=log_config(),
        server_header=False,
    )


def register(app: typer.Typer) -> None:
    """Add `serve` to the top-level `canpath` command."""
    app.command(name="serve")(serve)
