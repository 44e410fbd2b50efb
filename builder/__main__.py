"""`python -m builder` is the `deck` command."""
from .cli import run

run()
