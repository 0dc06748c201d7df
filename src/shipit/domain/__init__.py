"""The domain: pure rules and plain data. No SQL, no I/O, no Rich, no Typer.

Imports nothing of shipit outside `shipit.domain` (tests/test_architecture.py holds
this). The clock has one seam, `dates.now()`, which tests replace.
"""
