"""Finding the quotations of a text: a table of cases per rule, and the seed article."""

import pytest

from claims.quotations import Quotation, find_quotations, quotation_holding

from .conftest import GOLD


def quoted(text):
    """Each quotation as ``(depth, "part | part")``, in text order."""
    return [
        (q.depth, " | ".join(text[start:end] for start, end in q.parts))
        for q in find_quotations(text)
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        ('He said "we will go" today.', [(0, "we will go")]),
        ("He said “we will go” today.", [(0, "we will go")]),
        ("He said ‘we will go’ today.", [(0, "we will go")]),
        ("He said 'we will go' today.", [(0, "we will go")]),
        ("He said «we will go» today.", [(0, "we will go")]),
        ("Il a dit « nous irons » hier.", [(0, "nous irons")]),
        ("Er sagte „wir gehen“ heute.", [(0, "wir gehen")]),
        ("Er sagte »wir gehen« heute.", [(0, "wir gehen")]),
        ("He said ‹we will go› today.", [(0, "we will go")]),
        # Typing mixes straight and curly marks of one family.
        ('He said “we will go" today.', [(0, "we will go")]),
        ('"We will go," he said.', [(0, "We will go,")]),
        ('He said: "We will go."', [(0, "We will go.")]),
        ('He said:"We will go."', [(0, "We will go.")]),
        ('("We will go")', [(0, "We will go")]),
        ("He called it “not helpful.” Toner agreed.", [(0, "not helpful.")]),
        ('"Yes." "No."', [(0, "Yes."), (0, "No.")]),
        ("“… insufficient access,” he said.", [(0, "… insufficient access,")]),
        ("He said “we will go — and stay”.", [(0, "we will go — and stay")]),
        ("A “scare” quote and “another”.", [(0, "scare"), (0, "another")]),
        ("Empty “” marks and “ ” are nothing.", []),
    ],
)
def test_it_finds_quotations_in_every_style_of_mark(text, expected):
    assert quoted(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Russia's base, Russia’s base.", []),
        ("'I don't know,' she said.", [(0, "I don't know,")]),
        ("‘I don’t know,’ she said.", [(0, "I don’t know,")]),
        ("Back in the '90s, they said 'no' to it.", [(0, "no")]),
        ("Back in the ’90s, they said ‘no’ to it.", [(0, "no")]),
        ("The class of '16 said 'yes'.", [(0, "yes")]),
        ("They played rock 'n' roll and 'swing' all night.", [(0, "swing")]),
        ("They played rock ’n’ roll all night.", []),
        ("'We were goin' home,' he said.", [(0, "We were goin' home,")]),
        ("‘We were goin’ home,’ he said.", [(0, "We were goin’ home,")]),
        ("He was just goin' home.", []),
        ("'It was the officials' decision,' he said.", [(0, "It was the officials' decision,")]),
        ("The officials' decision stands.", []),
        ("'I met the officials' he said.", [(0, "I met the officials")]),
        (
            "‘I saw the trucks’, he said, ‘and the tanks’.",
            [(0, "I saw the trucks"), (0, "and the tanks")],
        ),
        ("Tell 'em we're fine, 'til they come.", []),
        ("He is 5'10\" tall.", []),
        ("It costs 10 o'clock's price.", []),
    ],
)
def test_it_tells_apostrophes_from_quotation_marks(text, expected):
    assert quoted(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("He said “they told me ‘no’ twice” then.", [(0, "they told me ‘no’ twice"), (1, "no")]),
        ("He said \"they told me 'no' twice\" then.", [(0, "they told me 'no' twice"), (1, "no")]),
        # British style: single outside, double inside.
        ("He said ‘they told me “no” twice’ then.", [(0, "they told me “no” twice"), (1, "no")]),
        ("“‘No,’ she said,” he recalled.", [(0, "‘No,’ she said,"), (1, "No,")]),
        (
            "“He said ‘it’s the ’90s,’ twice.”",
            [(0, "He said ‘it’s the ’90s,’ twice."), (1, "it’s the ’90s,")],
        ),
        ("“a ‘b “c” d’ e”", [(0, "a ‘b “c” d’ e"), (1, "b “c” d"), (2, "c")]),
        # A nested opening never closed ends with the quotation around it.
        ("“It is ‘open to us,” he said.", [(0, "It is ‘open to us,")]),
    ],
)
def test_it_finds_quotations_nested_in_others(text, expected):
    assert quoted(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "“First paragraph.\n\n“Second paragraph,” he said.",
            [(0, "First paragraph. | Second paragraph,")],
        ),
        ("“One.\n“Two.\n“Three,” he said.", [(0, "One. | Two. | Three,")]),
        ('"One.  \n\n  "Two," he said.', [(0, "One. | Two,")]),
        ("\u2018One.\r\n\r\n\u2018Two,\u2019 he said.", [(0, "One. | Two,")]),
        # A line wrapped by hand is no end of paragraph.
        ("He said “we will\ngo home” today.", [(0, "we will\ngo home")]),
        # Open at the end of a paragraph and not re-opened: never closed, not a quotation.
        ("He said “we will go.\n\nOfficials said “no” later.", [(0, "no")]),
        ("He said “we will go.\n\nThe rest is narration.", []),
        ("“One.\n\n“Two, ‘nested\n\n“Three,” he said.", [(0, "One. | Two, ‘nested | Three,")]),
    ],
)
def test_it_follows_a_quotation_over_the_paragraphs_that_re_open_it(text, expected):
    assert quoted(text) == expected


@pytest.mark.parametrize(
    "text",
    ["", "No marks at all.", "Stray ” closing mark.", "“Never closed.", "'", '"', "''", "“”"],
)
def test_it_finds_nothing_where_nothing_is_quoted(text):
    assert find_quotations(text) == []


def test_parts_leave_out_the_marks_and_the_space_inside_them():
    text = "He said “ we will \n\n“ go ” today."

    (quotation,) = find_quotations(text)

    assert quotation.parts == ((10, 17), (22, 24))
    assert (quotation.start, quotation.end, quotation.depth) == (10, 24, 0)
    assert quotation.mark == "“"
    assert [text[s:e] for s, e in quotation.parts] == ["we will", "go"]


def test_a_quotation_holds_the_spans_inside_its_parts():
    text = "“One two.\n\n“Three four,” he said."
    (quotation,) = find_quotations(text)

    assert quotation.holds(1, 4)
    assert quotation.holds(5, 9)
    assert quotation.holds(1, text.index(" four") + 5)  # across the re-opened mark
    assert not quotation.holds(text.index("he"), text.index("he") + 2)
    assert not quotation.holds(0, 4)  # takes the opening mark in
    assert not quotation.holds(9, 12)  # starts between the parts
    assert not quotation.holds(3, 3)


def test_the_innermost_quotation_holding_a_span_is_found():
    text = "He said “they told me ‘no’ twice” then."
    quotations = find_quotations(text)
    no = text.index("no")

    assert quotation_holding(quotations, no, no + 2).depth == 1
    assert quotation_holding(quotations, no - 5, no + 2).depth == 0
    assert quotation_holding(quotations, 0, 2) is None


def test_the_result_is_a_fresh_list_of_frozen_quotations():
    text = "He said “yes”."
    first = find_quotations(text)
    first.clear()

    assert find_quotations(text) == [Quotation(9, 12, ((9, 12),), 0, "“")]


def test_every_direct_quote_of_the_seed_article_lies_inside_one_quotation(seed_text):
    quotations = find_quotations(seed_text)

    for statement in GOLD["statements"]:
        if statement["kind"] == "direct_quote":
            assert quotation_holding(quotations, statement["start"], statement["end"]), statement


def test_the_seed_article_quotes_exactly_the_gold_quotations(seed_text):
    assert quoted(seed_text) == [
        (0, "significant stationing"),
        (0, "not helpful."),
        (0, GOLD["statements"][12]["text"]),
        (0, "We continue to pursue that,"),
    ]


def test_no_gold_paraphrase_lies_inside_a_quotation(seed_text):
    quotations = find_quotations(seed_text)

    for statement in GOLD["statements"]:
        if statement["kind"] == "paraphrase":
            assert quotation_holding(quotations, statement["start"], statement["end"]) is None


def test_a_long_text_is_read_in_one_pass():
    paragraph = "“We will go,” she said. It’s the ’90s, rock ’n’ roll, goin’ home.\n\n"
    text = paragraph * 20_000  # 1.4 million characters

    quotations = find_quotations(text)

    assert len(quotations) == 20_000
    assert {q.depth for q in quotations} == {0}
