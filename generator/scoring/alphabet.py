"""Crockford's base 32, as result codes and invitation tickets write it. Standard library only."""

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
"""No I, L, O or U, so a code read aloud or retyped stays readable."""

ALIASES = str.maketrans("OIL", "011")
"""Crockford's reading of letters that look like digits."""
