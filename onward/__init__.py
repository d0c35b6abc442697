"""The ``onward`` command line, assembled: the worker's commands and the server's on one group, and the
embedded runner of ``make run``. The only package that imports both ``worker`` and ``server``."""
