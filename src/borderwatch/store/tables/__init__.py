"""Every table of the store, one module per flow step; importing this package registers them all."""

from borderwatch.store.tables import accounts, fusion, reports

__all__ = ["accounts", "fusion", "reports"]
