"""Archival packages (Circular 05/2025/TT-BNV, E-ARK CSIP): one zipped package per dossier, and its verification."""
