"""Agreements as code: parties, phases and obligations, validated from YAML."""
