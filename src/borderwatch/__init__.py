"""borderwatch: one trustworthy picture of a border in crisis, and a plan for the response."""

__version__ = "0.1.0"
