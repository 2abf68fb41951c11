"""The extraction step of the flow (see DESIGN.md)."""
