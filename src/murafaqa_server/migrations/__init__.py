"""Alembic environment and versions, shipped inside the package so that an
installed server can migrate its database (``murafaqa-server migrate``)."""
