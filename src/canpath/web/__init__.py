"""The canpath web app: a JSON API and server-rendered pages over the public Python API.

- `app.create_app()` builds the FastAPI application (needs the `web` extra).
- `routes.api`: `POST /api/crs`, `/api/assess`, `/api/plan`, `/api/role`; `GET /api/draws`,
  `/api/schema`, `/api/noc`. Bodies are profiles in the public format (DESIGN.md §5), or for
  `/api/role` a role (examples/roles/); answers are the same JSON as the CLI's `--json`.
- `routes.pages`: the guided questionnaire, the results page, the employer page, the API
  reference at `/docs`; every string in English and French (`locales/*/web.yaml`).
- `cli`: `canpath serve`.

The server keeps nothing: no profile is stored, no body is logged. Importing this package is
cheap (it imports neither FastAPI nor Jinja2); `canpath.web.cli` imports only typer.
"""
