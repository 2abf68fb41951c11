"""The planning step of the flow (see DESIGN.md)."""
