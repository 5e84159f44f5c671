"""Errors a user can act on. The command line prints their message and exits with `exit_code`."""


class QuellenlageError(Exception):
    exit_code = 1


class InputError(QuellenlageError):
    """The input cannot be analysed as given (empty, binary, too large, not German, no text)."""

    exit_code = 2
