"""Sync with the central server: the protocol (defined once, shared with the
server), the HTTP transport, the engine and enrolment. No Qt here."""
