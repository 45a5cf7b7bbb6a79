"""Every kind of bad input becomes a Failure with a code; the good inputs beside it still come through."""

from __future__ import annotations

import gzip
import io
import json
import os
import pwd
import shutil
import tempfile
from pathlib import Path

import pytest

from newsgraph.inputs import RawInput, content_id
from newsgraph.records import Failure
from newsgraph.sources import iter_inputs

ARTICLE = "North Korea fired a ballistic missile into the sea on Monday, Japan's defence ministry said.\n"


def _codes(items: list[RawInput | Failure]) -> list[str]:
    return [i.code if isinstance(i, Failure) else "ok" for i in items]


def test_folder_is_read_recursively_in_stable_order(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "a.txt").write_text(ARTICLE)
    (tmp_path / "b" / "c.html").write_text(f"<html><body><p>{ARTICLE}</p></body></html>")
    (tmp_path / "b" / "picture.png").write_bytes(b"\x89PNG\r\n")
    items = list(iter_inputs([str(tmp_path)]))
    assert [Path(i.path).name for i in items] == ["a.txt", "c.html"]
    assert [i.kind for i in items if isinstance(i, RawInput)] == ["text", "html"]


def test_doc_id_is_the_content_hash_and_stable(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE)
    [first] = iter_inputs([str(path)])
    [again] = iter_inputs([str(path)])
    assert first.doc_id == again.doc_id == content_id(ARTICLE.encode())


def test_glob(tmp_path: Path) -> None:
    for name in ("x.txt", "y.txt", "z.md"):
        (tmp_path / name).write_text(ARTICLE + name)
    items = list(iter_inputs([str(tmp_path / "*.txt")]))
    assert sorted(Path(i.path).name for i in items) == ["x.txt", "y.txt"]


@pytest.mark.parametrize(
    ("name", "content", "code"),
    [
        ("empty.txt", b"", "E-INPUT-EMPTY"),
        ("blank.txt", b"  \n\n \t\n", "E-INPUT-EMPTY"),
        ("image.html", bytes(range(256)) * 8, "E-INPUT-BINARY"),
        ("nul.txt", b"text\x00\x00\x00more", "E-INPUT-BINARY"),
        ("broken.html.gz", b"\x1f\x8b\x08\x00garbage", "E-INPUT-BINARY"),
    ],
)
def test_bad_file_gives_failure_and_batch_goes_on(
    tmp_path: Path, name: str, content: bytes, code: str
) -> None:
    (tmp_path / name).write_bytes(content)
    (tmp_path / "good.txt").write_text(ARTICLE)
    items = list(iter_inputs([str(tmp_path / name), str(tmp_path / "good.txt")]))
    assert _codes(items) == [code, "ok"]
    failure = items[0]
    assert isinstance(failure, Failure) and failure.path == str(tmp_path / name) and failure.message


def test_missing_path(tmp_path: Path) -> None:
    items = list(iter_inputs([str(tmp_path / "nope.txt"), str(tmp_path / "nothing-*.html")]))
    assert _codes(items) == ["E-INPUT-MISSING", "E-INPUT-MISSING"]


def test_file_over_the_size_limit(tmp_path: Path) -> None:
    (tmp_path / "big.txt").write_text(ARTICLE * 100)
    items = list(iter_inputs([str(tmp_path / "big.txt")], max_bytes=1000))
    assert _codes(items) == ["E-INPUT-TOO-LARGE"]
    assert "max-bytes" in items[0].message  # type: ignore[union-attr]


def test_gzip_bomb_is_refused_by_decompressed_size(tmp_path: Path) -> None:
    (tmp_path / "bomb.html.gz").write_bytes(gzip.compress(b"<p>" + b"a" * 200_000 + b"</p>"))
    items = list(iter_inputs([str(tmp_path / "bomb.html.gz")], max_bytes=50_000))
    assert _codes(items) == ["E-INPUT-TOO-LARGE"]


def test_gzipped_html_is_read(tmp_path: Path) -> None:
    (tmp_path / "page.html.gz").write_bytes(
        gzip.compress(f"<html><body><p>{ARTICLE}</p></body></html>".encode())
    )
    [item] = iter_inputs([str(tmp_path / "page.html.gz")])
    assert isinstance(item, RawInput) and item.kind == "html" and "ballistic" in item.content


def test_legacy_encoding_is_decoded_and_noted(tmp_path: Path) -> None:
    text = "Le ministre a déclaré après la réunion que la Corée du Nord a tiré un missile, coûte que coûte."
    (tmp_path / "latin.txt").write_bytes(text.encode("cp1252"))
    [item] = iter_inputs([str(tmp_path / "latin.txt")])
    assert isinstance(item, RawInput)
    assert item.content == text and item.encoding == "cp1252"


def test_html_meta_charset_is_honoured(tmp_path: Path) -> None:
    page = '<html><head><meta charset="windows-1251"></head><body><p>Путин посетил Пхеньян.</p></body></html>'
    (tmp_path / "ru.html").write_bytes(page.encode("cp1251"))
    [item] = iter_inputs([str(tmp_path / "ru.html")])
    assert isinstance(item, RawInput) and "Путин" in item.content


def test_jsonl_malformed_line_is_named_and_others_processed(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "a1", "text": ARTICLE, "outlet": "Reuters", "published": "2024-06-17"}),
        "{not json",
        json.dumps({"id": "a3", "title": "no body"}),
        "",
        json.dumps({"id": "a5", "html": f"<p>{ARTICLE}</p>"}),
        json.dumps(["a list"]),
    ]
    (tmp_path / "in.jsonl").write_text("\n".join(lines) + "\n")
    items = list(iter_inputs([str(tmp_path / "in.jsonl")]))
    assert _codes(items) == ["ok", "E-INPUT-MALFORMED", "E-INPUT-MALFORMED", "ok", "E-INPUT-MALFORMED"]
    first, bad = items[0], items[1]
    assert (
        isinstance(first, RawInput) and first.doc_id == "a1" and first.verbatim and first.outlet == "Reuters"
    )
    assert isinstance(bad, Failure) and bad.line == 2 and "in.jsonl:2" in bad.message
    assert isinstance(items[3], RawInput) and items[3].kind == "html" and items[3].line == 5


def test_jsonl_from_stdin() -> None:
    stdin = io.BytesIO((json.dumps({"id": "s1", "text": ARTICLE}) + "\n").encode())
    [item] = iter_inputs(["-"], stdin=stdin)
    assert isinstance(item, RawInput) and item.doc_id == "s1" and item.path == "-"


def test_rss_feed_items_with_content(tmp_path: Path) -> None:
    body = "<p>" + ARTICLE * 6 + "</p>"
    feed = f"""<?xml version="1.0"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Example Wire</title>
<item><title>Missile launch</title><link>https://example.org/a</link>
<pubDate>Mon, 17 Jun 2024 09:00:00 GMT</pubDate><content:encoded><![CDATA[{body}]]></content:encoded></item>
<item><title>Teaser only</title><link>https://example.org/b</link><description>Short.</description></item>
</channel></rss>"""
    (tmp_path / "feed.rss").write_text(feed)
    items = list(iter_inputs([str(tmp_path / "feed.rss")]))
    assert len(items) == 1
    item = items[0]
    assert isinstance(item, RawInput)
    assert (item.title, item.url, item.outlet, item.published) == (
        "Missile launch",
        "https://example.org/a",
        "Example Wire",
        "2024-06-17",
    )


def test_atom_feed(tmp_path: Path) -> None:
    feed = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom News</title>
<entry><title>Talks</title><link href="https://example.org/t"/><updated>2023-09-15T00:00:00Z</updated>
<content type="html">&lt;p&gt;{ARTICLE * 5}&lt;/p&gt;</content></entry></feed>"""
    (tmp_path / "news.atom").write_text(feed)
    [item] = iter_inputs([str(tmp_path / "news.atom")])
    assert isinstance(item, RawInput) and item.published == "2023-09-15" and item.outlet == "Atom News"


def test_warc_html_responses(tmp_path: Path) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    path = tmp_path / "crawl.warc.gz"
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for url, ctype, body in (
            (
                "https://example.org/news",
                "text/html; charset=utf-8",
                f"<html><body><p>{ARTICLE}</p></body></html>",
            ),
            ("https://example.org/logo.png", "image/png", "PNG"),
        ):
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            record = writer.create_warc_record(
                url, "response", payload=io.BytesIO(body.encode()), http_headers=headers
            )
            writer.write_record(record)
    items = list(iter_inputs([str(path)]))
    assert len(items) == 1
    assert isinstance(items[0], RawInput) and items[0].url == "https://example.org/news"


def test_unreadable_file() -> None:
    """Permission denied is a Failure. Root reads anything, so as root the read runs as 'nobody'."""
    folder = Path(tempfile.mkdtemp(prefix="newsgraph-perm-"))
    folder.chmod(0o755)
    secret, good = folder / "secret.txt", folder / "good.txt"
    secret.write_text(ARTICLE)
    good.write_text(ARTICLE + "more")
    secret.chmod(0o000)
    good.chmod(0o644)
    as_root = os.geteuid() == 0
    try:
        if as_root:
            os.seteuid(pwd.getpwnam("nobody").pw_uid)  # the real uid stays root, so it can come back
        items = list(iter_inputs([str(secret), str(good)]))
    finally:
        if as_root:
            os.seteuid(0)
        secret.chmod(0o644)
        shutil.rmtree(folder)
    assert _codes(items) == ["E-INPUT-UNREADABLE", "ok"]
    assert "permission denied" in items[0].message  # type: ignore[union-attr]
