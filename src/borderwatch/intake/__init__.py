"""The intake step of the flow (see DESIGN.md)."""
