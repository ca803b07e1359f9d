"""``python -m truceline`` runs the CLI."""

from truceline.cli import main

main()
