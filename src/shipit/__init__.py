"""shipit: ship something every day, and see the habit.

This module holds the version only and imports nothing: `shipit --version`
and `--help` must start fast.
"""

__version__ = "0.1.0"
