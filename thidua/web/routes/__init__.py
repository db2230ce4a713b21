"""The routes, one module per role or area."""
