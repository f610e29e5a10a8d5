"""The passes under extract_source on their own: segmentation, language data, the per-Config cache."""

import pytest

from figcheck.claims.config import parse_config
from figcheck.claims.errors import FigcheckError
from figcheck.claims.extraction.language import load_language
from figcheck.claims.extraction.segmentation import segment
from figcheck.claims.extraction.vocabulary import vocabulary


def sentences_of(text: str) -> list[str]:
    return [text[s:e] for block in segment(text, load_language("en")) for s, e in block.sentences]


def test_sentences_do_not_end_at_abbreviations_or_initials():
    text = "Dr. Katherine E. Brown met Mr. Smith at 10 a.m. on site. Then 5 people left."
    assert sentences_of(text)[-1] == "Then 5 people left."
    assert len(sentences_of(text)) == 2


@pytest.mark.parametrize("text, kinds", [
    ("Floods Leave 300 Dead In The North\nThe ministry said 300 people died.\n", ["heading", "paragraph"]),
    ("A short report.\n\nOVERVIEW\nBy May, 25 million people needed aid.\n", ["paragraph", "heading", "paragraph"]),
    # a wrapped sentence: the next line goes on in lower case, or the short line holds a figure
    ("Officials counted 5 operations\nwhich were carried out in May.\n", ["paragraph"]),
    ("A short report.\n\nIn all 5 operations\nThey brought 300 people home.\n", ["paragraph", "paragraph"]),
])
def test_an_unpunctuated_title_or_label_right_above_text_is_a_heading(text, kinds):
    assert [b.kind for b in segment(text, load_language("en"))] == kinds


def test_a_long_title_case_line_is_a_heading_but_a_long_line_in_sentence_case_is_not():
    title = "Northern Ministry Says 606 People Killed And 5,332 Injured Since The Start Of Fighting In The Northern Region"
    assert len(title) > 100
    body = "\nOfficials said on Tuesday that 606 people had been killed.\n"
    assert [b.kind for b in segment(title + body, load_language("en"))] == ["heading", "paragraph"]
    prose = "northern ministry says that 606 people were killed and 5,332 injured since the start of the fighting in the region"
    assert [b.kind for b in segment(prose + body, load_language("en"))] == ["paragraph"]


def test_blocks_headings_paragraphs_list_items_and_tables():
    text = ("# Title\n\nFirst line of a paragraph\nwrapped onto a second line.\n\n"
            "1. An item\n   that wraps.\n2. Another item.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n")
    blocks = segment(text, load_language("en"))
    assert [b.kind for b in blocks] == ["heading", "paragraph", "paragraph", "paragraph", "table"]
    assert text[blocks[1].start:blocks[1].end].endswith("second line.")
    assert text[blocks[2].start:blocks[2].end] == "1. An item\n   that wraps."
    assert [[c.text for c in row.cells] for row in blocks[4].rows] == [["a", "b"], ["1", "2"]]


def test_unknown_language_is_a_figcheck_error():
    with pytest.raises(FigcheckError, match="no language data for 'xx'"):
        load_language("xx")


def test_vocabulary_is_built_once_per_config_object():
    text = '[entities.KZ]\nname = "Kazakhstan"\nforms = ["Kazakh"]\n'
    config, same_text = parse_config(text), parse_config(text)
    assert vocabulary(config) is vocabulary(config)
    assert vocabulary(same_text) is not vocabulary(config)
    assert vocabulary(config).gazetteer.mentions("a Kazakh team", 0, 13)[0].entity == "KZ"
