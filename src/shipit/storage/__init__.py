"""The local journal on stdlib sqlite3: location, connections, transactions,
migrations, the change history, backups, and every SQL statement shipit runs.

SQLAlchemy/SQLModel are imported only to create or migrate a journal (schema.py is
the schema's single source of truth); every daily path is plain SQL on sqlite3.
"""
