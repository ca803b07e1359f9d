"""`truceline extract`: placeholder module, filled by the extraction work."""
