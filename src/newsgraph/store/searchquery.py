"""The one search language of the CLI, the API and the dashboard, and its two translations.

A query is words that must all occur (``Putin North Korea``), "quoted phrases" whose words must occur
in that order, ``OR`` between two of them (either will do: ``Pyongyang OR Kremlin``) and ``-word`` or
``-"a phrase"`` for what must not occur. OR binds tighter than the implicit AND, as in PostgreSQL's
``websearch_to_tsquery``: ``Putin Kim OR Xi`` is Putin and (Kim or Xi).

The parsed query is rendered for SQLite FTS5 (``MATCH``) and for PostgreSQL (``websearch_to_tsquery``
per term); both renderings quote every term, so no user input is ever read as the engines' own syntax.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsgraph.errors import SearchQueryError

# A term must hold a letter or digit: "%" or "--" alone finds nothing on either engine.
_WORDY = re.compile(r"\w")
_TOKEN = re.compile(r'(?P<neg>-?)"(?P<phrase>[^"]*)"?|(?P<word>\S+)')
# A query is typed by a person; past this many terms it is a pasted document, not a question.
MAX_TERMS = 40


@dataclass(frozen=True, slots=True)
class Term:
    """A word, or the words of a quoted phrase (which must occur in this order)."""

    text: str
    phrase: bool = False

    def quoted(self) -> str:
        # Both engines read a double-quoted string as a phrase of the words their tokenizer finds in it.
        return '"' + self.text.replace('"', " ") + '"'


@dataclass(frozen=True, slots=True)
class SearchQuery:
    """A parsed query: every group must match (a group is terms joined by OR); no excluded term may."""

    text: str
    groups: tuple[tuple[Term, ...], ...]
    excluded: tuple[Term, ...] = ()

    def fts5(self) -> str:
        """The query as an SQLite FTS5 MATCH expression."""
        parts = []
        for group in self.groups:
            alternatives = " OR ".join(t.quoted() for t in group)
            parts.append(f"({alternatives})" if len(group) > 1 else alternatives)
        expression = " AND ".join(parts)
        for term in self.excluded:
            expression = f"({expression}) NOT {term.quoted()}"
        return expression

    def tsquery(self, config: str) -> tuple[str, dict[str, str]]:
        """The query as a PostgreSQL tsquery expression and its parameters.

        Each term goes through ``websearch_to_tsquery`` (a quoted term is a phrase there) and the terms
        are joined with tsquery's own operators, so OR binds tighter than AND exactly as in FTS5: a
        whole query in websearch syntax would read ``a b OR c`` as ``(a AND b) OR c``.
        """
        params: dict[str, str] = {}

        def term(t: Term) -> str:
            name = f"search_term_{len(params)}"
            params[name] = t.quoted()
            return f"websearch_to_tsquery('{config}', :{name})"

        parts = ["(" + " || ".join(term(t) for t in group) + ")" for group in self.groups]
        parts += [f"!!{term(t)}" for t in self.excluded]
        return "(" + " && ".join(parts) + ")", params


def parse_query(text: str) -> SearchQuery:
    """Parse a search query; raises SearchQueryError when nothing in it can be searched for.

    >>> parse_query('"North Korea" Pyongyang OR Moscow -ammunition').fts5()
    '"North Korea" AND ("Pyongyang" OR "Moscow") NOT "ammunition"'
    """
    groups: list[list[Term]] = []
    excluded: list[Term] = []
    joining = False  # the previous token was OR
    count = 0
    for match in _TOKEN.finditer(text):
        word = match["word"]
        if word is not None and word.upper() == "OR":
            joining = bool(groups)
            continue
        if word is not None and word.startswith("-") and len(word) > 1:
            negated, term = True, Term(word[1:])
        elif word is not None:
            negated, term = False, Term(word)
        else:
            negated, term = bool(match["neg"]), Term(" ".join(match["phrase"].split()), phrase=True)
        if not _WORDY.search(term.text):
            joining = False
            continue
        count += 1
        if count > MAX_TERMS:
            raise SearchQueryError(f"the query has more than {MAX_TERMS} terms; search for fewer words")
        if negated:
            excluded.append(term)
        elif joining:
            groups[-1].append(term)
        else:
            groups.append([term])
        joining = False
    if not groups:
        raise SearchQueryError(
            f'the query {text!r} has no word to find; give at least one word or "phrase" '
            "(-word only excludes)"
        )
    return SearchQuery(text, tuple(tuple(g) for g in groups), tuple(excluded))
