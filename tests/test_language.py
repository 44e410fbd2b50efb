"""Language tags and the words the builder writes in the deck's language."""
from builder.language import continued_marker, guess_language, normalise_tag

FRENCH = ("Les entreprises ont besoin d'échanger un nombre incalculable de données à travers le monde "
          "avec leurs clients et leurs fournisseurs. Elles sont donc confrontées à deux problèmes pour "
          "le volume de données qui est important et pour la distance entre les interlocuteurs.")
ENGLISH = ("The quick brown fox jumps over the lazy dog and it is the best thing that was ever seen by "
           "the people of this town, who are all happy with the result of the race on the hill.")


def test_tags_are_normalised():
    assert normalise_tag("fr") == "fr-FR"
    assert normalise_tag("en_gb") == "en-GB"
    assert normalise_tag("not a tag") is None


def test_guess_language():
    assert guess_language(FRENCH) == "fr-FR"
    assert guess_language(ENGLISH) == "en-US"
    assert guess_language("too short") is None


def test_continued_marker_follows_language():
    assert continued_marker("fr-FR") == "(suite)"
    assert continued_marker(None) == "(continued)"
    assert continued_marker("xx-YY") == "(continued)"
