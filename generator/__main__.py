"""`python -m generator`: the same as the `huddle` command."""

from .cli import main

raise SystemExit(main())
