"""The web workspace: server-rendered pages (Jinja2, htmx) over the same workflows as the command line."""
