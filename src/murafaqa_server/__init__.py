"""Murafaqa central server: FastAPI over SQLAlchemy Core, the only sequencer of sync."""
