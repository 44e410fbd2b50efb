"""deck: Markdown to PowerPoint decks that are right as PowerPoint opens them."""
__version__ = "0.1.0"
