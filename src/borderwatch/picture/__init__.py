"""The picture step of the flow (see DESIGN.md)."""
