"""claimdiff: compare how different outlets report the same event."""

__version__ = "0.1.0"
