"""Reading author-written YAML (framework files, front matter) with precise problems."""

from .errors import Problem, SourceError

__all__ = ["Problem", "SourceError"]
