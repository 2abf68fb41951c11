"""The JSON API under /api/v1: the same data the pages show, for machine clients."""
