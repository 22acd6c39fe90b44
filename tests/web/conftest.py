"""Fixtures for the web tests: the app, a test client, example profiles, a live server and a
real headless Chromium (system package, driven by Playwright; a missing browser fails)."""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from canpath.web.app import create_app
from canpath.yamlio import load_yaml_file

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples" / "profiles"
ROLE_EXAMPLES = ROOT / "examples" / "roles"
ARTIFACTS = ROOT / "test-artifacts" / "web"
ON = "2026-06-01"
CHROMIUM = os.environ.get("CANPATH_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip


def example(name: str) -> dict[str, Any]:
    """An example profile as parsed YAML (dates as date objects)."""
    data: dict[str, Any] = load_yaml_file(EXAMPLES / f"{name}.yaml")
    return data


@pytest.fixture(scope="session")
def client() -> Iterator[TestClient]:
    """A client of the app, with its start-up (warm-up) run."""
    with TestClient(create_app(), raise_server_exceptions=False) as test_client:
        yield test_client


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="session")
def live_server() -> Iterator[str]:
    """The app served by uvicorn in a background thread on a free loopback port."""
    import uvicorn

    port = _free_port()
    config = uvicorn.Config(
        create_app(), host="127.0.0.1", port=port, access_log=False, log_level="warning"
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the web app did not start within 30 s")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """System Chromium through Playwright. CI installs it (`apt-get install -y chromium`)."""
    if not Path(CHROMIUM).exists():
        pytest.fail(
            f"Chromium is not at {CHROMIUM}: install it with `apt-get install -y chromium` "
            "(or set CANPATH_CHROMIUM to its path). Browser tests never skip."
        )
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Any, live_server: str) -> Iterator[Any]:
    """A fresh browser page (empty storage) at desktop size; requests off the server fail."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, base_url=live_server)
    context.set_default_timeout(15_000)
    new_page = context.new_page()
    new_page.off_site = []  # type: ignore[attr-defined]
    new_page.on(
        "request",
        lambda request: (
            None
            if request.url.startswith((live_server, "data:"))
            else new_page.off_site.append(request.url)
        ),
    )
    yield new_page
    context.close()
