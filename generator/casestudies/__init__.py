"""The case studies of a site: Markdown files with front matter that Huddle checks itself."""

from .loader import CaseStudyError, load_case_studies, parse_case_study
from .model import CaseStudy

__all__ = ["CaseStudy", "CaseStudyError", "load_case_studies", "parse_case_study"]
