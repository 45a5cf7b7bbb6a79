from __future__ import annotations

import pytest

from newsgraph.extract.metadata import find_metadata, parse_date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sept. 15, 2023", "2023-09-15"),
        ("September 15, 2023", "2023-09-15"),
        ("Sep 15 2023", "2023-09-15"),
        ("15 May 2024", "2024-05-15"),
        ("2024-06-17", "2024-06-17"),
        ("Feb. 30, 2023", None),
        ("Smarch 3, 2023", None),
    ],
)
def test_parse_date(text: str, expected: str | None) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    ("paragraphs", "outlet", "published", "source", "author"),
    [
        (
            ("Body.", "(From The Yomiuri Shimbun, Sept. 15, 2023)"),
            "The Yomiuri Shimbun",
            "2023-09-15",
            "signoff",
            None,
        ),
        (("Body.", "(Source: Reuters, 3 May 2024)"), "Reuters", "2024-05-03", "signoff", None),
        (
            ("By Jane Doe", "SEOUL, June 17, 2024 (Yonhap) -- North Korea fired."),
            "Yonhap",
            "2024-06-17",
            "dateline",
            "Jane Doe",
        ),
        (("WASHINGTON (Reuters) - The talks resumed.",), "Reuters", None, "none", None),
        (("Nothing to see here.", "The end of the story."), None, None, "none", None),
    ],
)
def test_find_metadata(
    paragraphs: tuple[str, ...], outlet: str | None, published: str | None, source: str, author: str | None
) -> None:
    meta = find_metadata(paragraphs)
    assert (meta.outlet, meta.published, meta.published_source, meta.author) == (
        outlet,
        published,
        source,
        author,
    )
