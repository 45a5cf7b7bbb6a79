"""Import PETRARCH/Phoenix (TABARI-format) actor and agent dictionaries into an :class:`ActorDictionary`.

Actor files list a name, ``+``-prefixed aliases and bracketed CAMEO codes, optionally dated::

    VLADIMIR_PUTIN_  # CountryInfo.txt
    +PUTIN_
        [RUSGOV 991231-080507]
        [RUSGOV >080508]
        [RUSELI]

An undated code is the default, used when no dated role covers a date. Agent files map nouns to sectors
(``SOLDIER {SOLDIERS} [~MIL]``), with ``!PERSON!``-style macros.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pycountry

from newsgraph.actors.dictionary import ActorDictionary, Entry, Role
from newsgraph.actors.lexicon import rules
from newsgraph.actors.names import slug
from newsgraph.errors import MalformedInputError, MissingPathError
from newsgraph.records import ActorKind

_CODE = re.compile(r"\[([^\]}]*)[\]}]")
_DATE = re.compile(r"^\s*([<>]?)\s*(\d{6}|\d{8})?\s*(?:-\s*(\d{6}|\d{8}))?\s*$")
_MACRO = re.compile(r"^(![A-Z]+!)\s*=\s*(.+)$")


def _iso(code: str) -> str | None:
    code = rules().cameo_countries.get(code, code)
    return code if code == "XKX" or pycountry.countries.get(alpha_3=code) is not None else None


def _date(raw: str) -> str | None:
    if len(raw) == 6:
        year = int(raw[:2])
        # Two-digit years: CountryInfo's office holders run from the 1940s to the 2010s.
        raw = f"{1900 + year if year > 30 else 2000 + year}{raw[2:]}"
    if raw[4:6] == "00":
        raw = raw[:4] + "01" + raw[6:]
    if raw[6:8] == "00":
        raw = raw[:6] + "01"
    return f"{raw[:4]}-{raw[4:6]}-{raw[6:8]}"


def parse_code(text: str) -> tuple[str | None, str | None, str | None, str | None] | None:
    """A code's country, sector, start, end: "RUSGOV 991231-080507" -> RUS, GOV, 1999-12-31, 2008-05-07."""
    parts = text.strip().lstrip("~").split(None, 1)
    if not parts or not re.fullmatch(r"[A-Z0-9]{3,}", parts[0]):
        return None
    code, when = parts[0], parts[1] if len(parts) > 1 else ""
    chunks = [code[i : i + 3] for i in range(0, len(code), 3)]
    country = _iso(chunks[0])
    sector: str | None = None
    for chunk in chunks[1:] if country else chunks:
        chunk = rules().sector_aliases.get(chunk, chunk)
        if chunk in rules().sectors:
            sector = chunk
            break
    if country is None and sector is None:
        return None
    start = end = None
    match = _DATE.match(when)
    if when.strip() and match is None:
        return None  # a date we cannot read: better no role than a wrong one
    if match is not None and match.group(2):
        first = _date(match.group(2))
        if match.group(1) == "<":
            end = first
        else:
            start = first
        if match.group(3):
            end = _date(match.group(3))
    return country, sector, start, end


def _name(raw: str) -> str:
    return " ".join(raw.replace("_", " ").split())


@dataclass(slots=True)
class _Block:
    name: str
    aliases: list[str] = field(default_factory=list)
    codes: list[tuple[str | None, str | None, str | None, str | None]] = field(default_factory=list)


def _blocks(lines: Iterator[str]) -> Iterator[_Block]:
    block: _Block | None = None
    for raw in lines:
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        body = line.strip()
        codes = [c for c in (parse_code(m) for m in _CODE.findall(body)) if c is not None]
        head = _CODE.split(body)[0].strip() if "[" in body else body
        if raw[:1] in (" ", "\t") or body.startswith("["):
            if block is not None:
                block.codes.extend(codes)
            continue
        if body.startswith("+"):
            if block is not None and head[1:].strip():
                block.aliases.append(_name(head[1:]))
                block.codes.extend(codes)
            continue
        if block is not None:
            yield block
        block = _Block(_name(head), codes=list(codes))
    if block is not None:
        yield block


def _kind(block: _Block, file_kind: str) -> ActorKind:
    dated = any(c[2] or c[3] for c in block.codes)
    if file_kind == "countries":
        bare_state = all(c[1] is None for c in block.codes)
        return "state" if bare_state and not dated else "person"
    if file_kind == "nonstate":
        return "group"
    return "person" if dated else "organisation"


def _add_block(out: ActorDictionary, block: _Block, file_kind: str) -> None:
    if not block.codes or not block.name:
        return
    kind = _kind(block, file_kind)
    undated = [c for c in block.codes if not (c[2] or c[3])]
    dated = [c for c in block.codes if c[2] or c[3]]
    default = undated[-1] if undated else (None, None, None, None)
    country, sector = default[0], default[1]
    if kind == "state":
        assert country is not None
        entry_id, name = country, block.name.title()
    else:
        prefix = {"person": "person", "group": "org", "organisation": "org"}.get(kind, "org")
        entry_id, name = f"{prefix}:{slug(block.name)}", block.name.title()
        # CAMEO writes a person's default as a bare sector ("[ELI]"); the country is the one of the roles.
        if country is None and dated:
            country = dated[-1][0]
    roles = tuple(Role(c[0] or country, c[1], c[2], c[3]) for c in dated)
    out.add(Entry(entry_id, name, kind, country, sector, roles), block.aliases)


def _file_kind(path: Path) -> str:
    lower = path.name.lower()
    if "agent" in lower:
        return "agents"
    if "countr" in lower:
        return "countries"
    if "milnonstate" in lower or "nonstate" in lower:
        return "nonstate"
    return "international"


def _import_agents(out: ActorDictionary, text: str) -> None:
    macros: dict[str, list[str]] = {}
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip()
        macro = _MACRO.match(line)
        if macro:
            macros[macro.group(1)] = [w.strip() for w in macro.group(2).split(",") if w.strip()]
            continue
        codes = _CODE.findall(line)
        if not codes:
            continue
        parsed = parse_code(codes[0])
        if parsed is None or parsed[1] is None:
            continue
        before = _CODE.split(line)[0]
        plural = re.search(r"\{([^}]*)\}", before)
        nouns = [re.sub(r"\{[^}]*\}", "", before).strip()]
        if plural and plural.group(1).strip():
            nouns.append(plural.group(1).strip())
        for noun in nouns:
            for expanded in _expand(noun, macros):
                out.add_agent(_name(expanded), parsed[1])


def _expand(noun: str, macros: dict[str, list[str]]) -> list[str]:
    for macro, words in macros.items():
        if macro in noun:
            return [n for w in words for n in _expand(noun.replace(macro, w, 1), macros)]
    return [noun]


def import_phoenix(path: Path) -> ActorDictionary:
    """Read a Phoenix dictionary file, or a folder of them (``*.actors.txt`` and ``*agents*.txt``)."""
    if not path.exists():
        raise MissingPathError(f"no Phoenix dictionary at {path}", path=str(path))
    if path.is_dir():
        files = sorted(
            p for p in path.iterdir() if p.name.endswith(".actors.txt") or "agents" in p.name.lower()
        )
    else:
        files = [path]
    if not files:
        raise MalformedInputError(
            f"{path} holds no *.actors.txt or *agents*.txt files; point at a Phoenix dictionary folder",
            path=str(path),
        )
    out = ActorDictionary(name=f"phoenix:{path.name}", source=str(path))
    for file in files:
        text = file.read_text(encoding="utf-8", errors="replace")
        kind = _file_kind(file)
        if kind == "agents":
            _import_agents(out, text)
            continue
        for block in _blocks(iter(text.splitlines())):
            _add_block(out, block, kind)
    if not out.entries and not out.agents:
        raise MalformedInputError(f"{path} contains no Phoenix actor or agent entries", path=str(path))
    return out
