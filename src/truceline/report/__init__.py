"""Presenting a dossier: data exports, static site, charts."""
