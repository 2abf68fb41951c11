"""The store: engine, the unit of work (the only place that commits), tables and migrations."""
