"""Logging for `canpath serve`: no access log and nothing personal.

Uvicorn's access log is off (it would record query strings, which may hold dates of birth in
links people share). The app logs only start-up, shutdown and, for a fault, the exception type
with the method and path (see `edge.py`). Bodies are never logged.
"""

from __future__ import annotations

from typing import Any

__all__ = ["log_config"]


def log_config(level: str = "INFO") -> dict[str, Any]:
    """A `logging.config.dictConfig` mapping for uvicorn: errors and lifecycle only."""
    handler = {"class": "logging.StreamHandler", "formatter": "plain", "stream": "ext://sys.stderr"}
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
        "handlers": {"stderr": handler},
        "loggers": {
            "uvicorn": {"handlers": ["stderr"], "level": level, "propagate": False},
            "uvicorn.error": {"level": level},
            "uvicorn.access": {"handlers": [], "level": "CRITICAL", "propagate": False},
            "canpath.web": {"handlers": ["stderr"], "level": level, "propagate": False},
        },
    }
