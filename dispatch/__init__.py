"""The outgoing register, issuance, and (later) dispatch envelopes and archival packages."""
