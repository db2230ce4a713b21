"""The records office's layer: the issued-document record, the registers, issuance, edXML exchange, archival packages."""
