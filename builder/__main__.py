"""`python -m builder` is the `deck` command."""
import sys

from .cli import main

sys.exit(main())
