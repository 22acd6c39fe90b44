"""The routers of the web app: `api` (JSON) and `pages` (HTML)."""
