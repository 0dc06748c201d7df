"""Use cases: one function or method per thing a user does, one transaction each.

Services validate through the domain, read and write through storage, and return
plain data. They never print and never import Rich or Typer.
"""
