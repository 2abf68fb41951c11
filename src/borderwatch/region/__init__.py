"""The region step of the flow (see DESIGN.md)."""
