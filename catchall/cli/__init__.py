"""The ``catchall`` command: a thin front over :mod:`catchall.services`."""
