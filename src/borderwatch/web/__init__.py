"""The web step of the flow (see DESIGN.md)."""
