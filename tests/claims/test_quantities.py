"""Quantities: numbers in digits and words, with their units and what they count."""

import pytest

from claims.quantities import agreeing, differing, quantities

CASES = [
    ("186 dead", [(186, "deaths")]),
    ("97 people were killed in the floods", [(97, "deaths")]),
    ("The death toll rose to 186 on Monday", [(186, "deaths")]),
    ("ninety-seven deaths", [(97, "deaths")]),
    ("Volkswagen plans to cut 10,000 jobs by 2026", [(10_000, "jobs")]),
    ("cuts of ten thousand jobs", [(10_000, "jobs")]),
    ("two dozen soldiers", [(24, "troops")]),
    ("Unemployment rose to 5.2% in May", [(5.2, "percent")]),
    ("five per cent of voters", [(5, "percent")]),
    ("a budget of $3 million", [(3_000_000, "dollars")]),
    ("a 1.2bn euro deal", [(1_200_000_000, "euros")]),
    ("since World War II ended in 1945", []),
    ("Tupolev Tu-22 bombers and Su-34 fighters", []),
    ("The first wave hit Aleppo", []),
]


@pytest.mark.parametrize("text, expected", CASES)
def test_it_reads_each_number_with_what_it_counts(text, expected):
    assert [(q.value, q.unit) for q in quantities(text)] == [
        (float(value), unit) for value, unit in expected
    ]


@pytest.mark.parametrize(
    "first, second, differ",
    [
        ("186 dead", "97 deaths", True),
        ("186 dead", "186 people were killed", False),
        ("about 100 dead", "97 deaths", False),
        ("186 dead", "97 injured", False),
        ("10,000 jobs", "ten thousand jobs", False),
        ("10,000 jobs", "7,000 jobs", True),
        ("5% growth", "5.5% growth", True),
    ],
)
def test_quantities_differ_when_the_same_thing_is_counted_otherwise(first, second, differ):
    assert bool(differing(quantities(first), quantities(second))) is differ


def test_the_same_count_agrees_but_a_single_one_is_no_evidence():
    assert agreeing(quantities("10,000 jobs"), quantities("ten thousand jobs"))
    assert not agreeing(quantities("one death"), quantities("1 dead"))
