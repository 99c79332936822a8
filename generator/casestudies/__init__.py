"""The case studies of a site: Markdown files with front matter that Huddle checks itself."""

from .loader import CaseStudyError, load_case_studies, parse_case_study
from .model import SETTINGS, CaseStudy

__all__ = ["SETTINGS", "CaseStudy", "CaseStudyError", "load_case_studies", "parse_case_study"]
