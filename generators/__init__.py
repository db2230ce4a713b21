"""Data -> model -> rules -> document contexts -> DOCX -> PDF/A."""
