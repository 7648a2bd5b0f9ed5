"""Specific exception types, each with a message that says what to do."""


class CorroborateError(Exception):
    """Base class of corroborate's errors."""


class ConfigError(CorroborateError):
    """An option is unknown or has the wrong type."""


class InputError(CorroborateError):
    """One input cannot be used; the message is the recorded rejection reason."""


class NoUsableInputError(CorroborateError):
    """Every input was rejected, so no briefing can be made."""


class CitationError(CorroborateError):
    """A summary citation failed its check: the cited span does not say the summary sentence."""
