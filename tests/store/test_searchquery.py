"""The search language: what a query means, and how it is written for FTS5 and for PostgreSQL."""

from __future__ import annotations

import pytest

from newsgraph.errors import SearchQueryError
from newsgraph.store.searchquery import MAX_TERMS, parse_query


@pytest.mark.parametrize(
    ("query", "fts5"),
    [
        ("Putin North Korea", '"Putin" AND "North" AND "Korea"'),
        ('"North Korea" Pyongyang ammunition', '"North Korea" AND "Pyongyang" AND "ammunition"'),
        ("Pyongyang OR Moscow", '("Pyongyang" OR "Moscow")'),
        ("Putin Kim or Xi", '"Putin" AND ("Kim" OR "Xi")'),  # OR binds tighter than AND
        ("Kim -ammunition", '("Kim") NOT "ammunition"'),
        ('Kim -"North Korea" -Seoul', '(("Kim") NOT "North Korea") NOT "Seoul"'),
        ('"unclosed phrase', '"unclosed phrase"'),
        ("putin-kim", '"putin-kim"'),
        ('say "hi"there', '"say" AND "hi" AND "there"'),
        ('in "  odd   spacing "', '"in" AND "odd spacing"'),
        ("OR Kim OR", '"Kim"'),  # dangling ORs join nothing
        ("NEAR(a b) AND c*", '"NEAR(a" AND "b)" AND "AND" AND "c*"'),  # FTS5 syntax stays words
        ('x"y', '"x y"'),  # a stray quote inside a word splits it, as the engines would
        ("100% - support", '"100%" AND "support"'),
    ],
)
def test_queries_become_quoted_fts5_expressions(query: str, fts5: str) -> None:
    assert parse_query(query).fts5() == fts5


def test_postgres_gets_one_websearch_query_per_term_joined_with_the_same_precedence() -> None:
    expression, params = parse_query('Putin Kim OR Xi -"North Korea"').tsquery("english")
    assert expression == (
        "((websearch_to_tsquery('english', :search_term_0)) && "
        "(websearch_to_tsquery('english', :search_term_1) || "
        "websearch_to_tsquery('english', :search_term_2)) && "
        "!!websearch_to_tsquery('english', :search_term_3))"
    )
    assert params == {
        "search_term_0": '"Putin"',
        "search_term_1": '"Kim"',
        "search_term_2": '"Xi"',
        "search_term_3": '"North Korea"',
    }


@pytest.mark.parametrize("query", ["", "   ", "%", "-putin", '-"north korea"', "OR", '""', "- -"])
def test_a_query_with_nothing_to_find_is_refused(query: str) -> None:
    with pytest.raises(SearchQueryError, match="no word to find") as caught:
        parse_query(query)
    assert caught.value.code == "E-SEARCH-QUERY" and caught.value.status == 400


def test_a_pasted_document_is_not_a_query() -> None:
    with pytest.raises(SearchQueryError, match="more than"):
        parse_query(" ".join(["word"] * (MAX_TERMS + 1)))
