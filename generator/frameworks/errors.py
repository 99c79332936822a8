"""Problems in framework files."""

from ..sources import SourceError


class FrameworkError(SourceError):
    """One or more problems in framework files."""
