"""The fusion step of the flow (see DESIGN.md)."""
