"""What people see: Rich renderables and lines built from plain data.

All escaping of user text happens here. Views never touch storage or services.
"""
