"""Accounts: users and roles, password hashing, web sessions, API tokens, the audit log."""
