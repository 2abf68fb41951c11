"""The intake step of the flow: `readers.read` (bytes to ReadItems), `service` (storing reports)."""
