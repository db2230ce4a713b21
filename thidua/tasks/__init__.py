"""Background work outside the request: drafting, conversion, batch signing and issuance, as queue jobs that call
the workspace's workflows."""
