"""The api step of the flow (see DESIGN.md)."""
