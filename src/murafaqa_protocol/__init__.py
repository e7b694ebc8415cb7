"""The sync protocol between the laptops and the server, a package of its own
so that the server installs and imports it without the desktop application
(Qt, the store, printing). It needs only pydantic and the standard library.
"""
