"""Dossier files: agreements and hand-written records in YAML (see docs/files.md)."""

from truceline.files.reader import DossierContent, read_dir, read_file
from truceline.files.writer import write_actors, write_dir

__all__ = ["DossierContent", "read_dir", "read_file", "write_actors", "write_dir"]
