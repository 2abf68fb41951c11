"""Flows: the orchestration of several steps (intake → extraction → fusion → picture)."""
