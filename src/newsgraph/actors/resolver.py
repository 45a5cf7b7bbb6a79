"""Mention text -> Actor: a dictionary lookup for the common case, then country + sector composition."""

from __future__ import annotations

import re
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from newsgraph.actors.builtin import builtin_dictionary
from newsgraph.actors.dictionary import ActorDictionary, Entry
from newsgraph.actors.lexicon import rules
from newsgraph.actors.names import fold, slug
from newsgraph.records import Actor

# Labels that never name an actor.
_NOT_ACTORS = frozenset(
    {
        "DATE",
        "TIME",
        "PERCENT",
        "MONEY",
        "QUANTITY",
        "ORDINAL",
        "CARDINAL",
        "WORK_OF_ART",
        "LAW",
        "LANGUAGE",
        "EVENT",
        "PRODUCT",
    }
)
_PERSON_KINDS = ("person",)
_NAME_LABELS = frozenset({"GPE", "LOC", "NORP", "PERSON", "FAC"})
_PLACE_KINDS = ("state", "place")
_MAX_NGRAM = 8
_NUMBER = re.compile(r"^\d+$")


def _singular(word: str) -> list[str]:
    """Candidate singulars of a plural agent noun (soldiers, militias, policemen, authorities)."""
    out = [word]
    if word.endswith("men"):
        out.append(word[:-3] + "man")
    if word.endswith("ies"):
        out.append(word[:-3] + "y")
    if word.endswith("es"):
        out.append(word[:-2])
    if word.endswith("s"):
        out.append(word[:-1])
    return out


@dataclass(frozen=True, slots=True)
class _Match:
    start: int
    end: int
    entry: Entry | None = None
    sector: str | None = None  # an agent noun's sector
    generic: bool = False  # an agent noun that takes its sector from a modifier ("officer", "member")


def _same_given(words: list[str], name: str) -> bool:
    """Whether the given names before a surname fit a known person's name ("V. Putin", "Vladimir Putin")."""
    known = [w.lower().rstrip(".") for w in name.split()[:-1]]
    for word in words[:-1]:
        word = word.lower().rstrip(".")
        if not any(k == word or (len(word) == 1 and k.startswith(word)) for k in known):
            return False
    return True


def _capitalised(word: str) -> bool:
    return any(ch.isupper() for ch in word)


class Resolver:
    """Resolves mentions against an ordered list of dictionaries (earlier ones win)."""

    def __init__(self, dictionaries: Sequence[ActorDictionary] | None = None) -> None:
        self.dictionaries: list[ActorDictionary] = list(dictionaries or [builtin_dictionary()])
        self._lock = threading.Lock()
        self._surnames: dict[str, list[Entry]] | None = None
        self._cached = lru_cache(maxsize=100_000)(self._resolve)

    def add(self, dictionary: ActorDictionary) -> None:
        """Add a dictionary after the existing ones (it fills gaps, it does not override)."""
        with self._lock:
            self.dictionaries.append(dictionary)
            self._surnames = None
            self._cached.cache_clear()

    def resolve(self, text: str, *, date: str | None = None, label: str | None = None) -> Actor | None:
        return self._cached(text, date[:10] if date else None, label)

    # -- lookups ------------------------------------------------------------------------------------------

    def _entries(self, key: str) -> list[Entry]:
        out: list[Entry] = []
        for d in self.dictionaries:
            out.extend(d.lookup(key))
        return out

    def _agent(self, key: str, dictionaries: Sequence[ActorDictionary] | None = None) -> str | None:
        found = self._ranked_agent(key, dictionaries)
        return None if found is None else found[1]

    def _ranked_agent(
        self, key: str, dictionaries: Sequence[ActorDictionary] | None = None
    ) -> tuple[int, str] | None:
        """The sector of an agent noun and the rank of the first dictionary that lists it."""
        words = key.split()
        if not words:
            return None
        for rank, d in enumerate(self.dictionaries if dictionaries is None else dictionaries):
            for last in _singular(words[-1]):
                sector = d.agents.get(" ".join([*words[:-1], last]))
                if sector is not None:
                    return rank, sector
        return None

    def _named_rank(self, key: str) -> int | None:
        """The rank of the first dictionary that lists ``key`` as a name (as :meth:`_named` reads it)."""
        for rank, d in enumerate(self.dictionaries):
            if d.lookup(key):
                return rank
            plural = key.endswith("s") and len(key) > 4
            if plural and any(e.kind == "state" and e.sector is None for e in d.lookup(key[:-1])):
                return rank
        return None

    def surname_index(self) -> dict[str, list[Entry]]:
        """Last name -> people, for a bare surname ("Museveni") no dictionary lists as an alias."""
        with self._lock:
            if self._surnames is None:
                index: dict[str, list[Entry]] = {}
                for d in self.dictionaries:
                    for entry in d:
                        if entry.kind == "person":
                            words = entry.name.lower().split()
                            if len(words) > 1:
                                index.setdefault(fold(words[-1]).lower(), []).append(entry)
                self._surnames = index
            return self._surnames

    # -- resolution ---------------------------------------------------------------------------------------

    def _resolve(self, text: str, date: str | None, label: str | None) -> Actor | None:
        if label in _NOT_ACTORS:
            return None
        words = fold(text).split()
        former = False
        while words and (
            words[0].lower() in rules().leading_words
            or _NUMBER.match(words[0])
            or words[0].lower() in rules().former
        ):
            former = former or words[0].lower() in rules().former
            words = words[1:]
        if not words:
            return None
        actor = self._whole(words, date, label)
        if actor is None:
            actor = self._compose(words, date, label)
            if (
                actor is not None
                and actor.kind == "sector"
                and actor.country is None
                and label in _NAME_LABELS
            ):
                return None  # a place or a name is not a bare sector ("Soviet Union" is no labour union)
            if actor is not None and label == "PERSON" and actor.kind in _PLACE_KINDS:
                return None  # "Hassan" the senator is not Hassan the Indian city
        if actor is not None and former and actor.sector not in (None, "ELI"):
            # "a former White House official": CAMEO's elite (ELI) of the same country.
            if actor.kind in ("state", "sector") and actor.country:
                name = f"{self._state_name(actor.country)} {rules().sector_names['ELI']}"
                actor = Actor(f"{actor.country}-ELI", name, "sector", actor.country, "ELI")
            else:
                actor = Actor(actor.id, actor.name, actor.kind, actor.country, "ELI")
        return actor

    def _choose(self, entries: list[Entry], label: str | None) -> Entry | None:
        if not entries:
            return None
        if label == "PERSON":
            preferred = [e for e in entries if e.kind in _PERSON_KINDS]
            return preferred[0] if preferred else None
        if label in ("GPE", "LOC", "NORP"):
            preferred = [e for e in entries if e.kind not in _PERSON_KINDS]
            return preferred[0] if preferred else None
        return entries[0]

    def _named(self, key: str) -> list[Entry]:
        """Entries for a capitalised n-gram; a plural demonym ("Russians") names its state."""
        entries = self._entries(key)
        if not entries and key.endswith("s") and len(key) > 4:
            entries = [e for e in self._entries(key[:-1]) if e.kind == "state" and e.sector is None]
        return entries

    def _whole(self, words: list[str], date: str | None, label: str | None) -> Actor | None:
        if not any(_capitalised(w) for w in words):
            return None  # names are capitalised; this keeps "us" and "turkey" from being states
        key = " ".join(words).lower()
        entry = self._choose(self._named(key), label)
        if entry is None and label == "PERSON" and len(words) == 1:
            people = self.surname_index().get(key, [])
            entry = people[0] if len(people) == 1 else None
        return None if entry is None else entry.actor_at(date)

    def _matches(self, words: list[str]) -> list[_Match]:
        """Longest dictionary matches, left to right: names (capitalised) and agent nouns.

        Earlier dictionaries answer first, as :meth:`add` promises: a span that an earlier dictionary reads
        as an agent noun is not a later dictionary's name ("Chile's Defense Department" is Chile's, though
        Phoenix lists "Defense Department" as the US military), and a later dictionary's longer agent noun
        does not swallow an earlier one's ("ambassador to" would hide the complement of "ambassador").
        """
        lower = [w.lower() for w in words]
        out: list[_Match] = []
        i = 0
        while i < len(words):
            found: _Match | None = None
            top = min(len(words), i + _MAX_NGRAM)
            # The best rank of an agent noun starting here, for the shorter spans too.
            agent_ranks = [self._ranked_agent(" ".join(lower[i:j])) for j in range(i + 1, top + 1)]
            for j in range(top, i, -1):
                key = " ".join(lower[i:j])
                agent = agent_ranks[j - i - 1]
                named_rank = self._named_rank(key) if any(_capitalised(w) for w in words[i:j]) else None
                if named_rank is not None and (agent is None or named_rank <= agent[0]):
                    found = _Match(i, j, entry=self._named(key)[0])
                    break
                if agent is not None:
                    shorter = [a[0] for a in agent_ranks[: j - i - 1] if a is not None]
                    if shorter and min(shorter) < agent[0]:
                        continue  # an earlier dictionary's shorter agent noun answers first
                    generic = j - i == 1 and lower[i] in rules().generic_heads
                    found = _Match(i, j, sector=agent[1], generic=generic)
                    break
            if found is None:
                i += 1
            else:
                out.append(found)
                i = found.end
        return out

    def _compose(self, words: list[str], date: str | None, label: str | None) -> Actor | None:
        matches = self._inside_names(words, self._matches(words))
        persons = [m for m in matches if m.entry is not None and m.entry.kind == "person"]
        if persons:
            # "French Foreign Minister Jean-Yves Le Drian": the titles describe the person named last.
            entry = persons[-1].entry
            assert entry is not None
            titles = {m.sector for m in matches if m.sector is not None and m.start < persons[-1].start}
            actor = entry.actor_at(date, titles=titles)
            heads = [m for m in matches if m.sector is not None and m.start >= persons[-1].end]
            if not heads or actor.country is None:
                return actor
            # "the Biden administration", "Putin's regime": the person's country, the head noun's sector.
            sector = heads[-1].sector
            assert sector is not None
            name = f"{self._state_name(actor.country)} {rules().sector_names.get(sector, sector)}"
            return Actor(f"{actor.country}-{sector}", name, "sector", actor.country, sector)
        if label == "PERSON" and len(words) > 1:
            # A name we do not know: a known person of that surname whose given names agree, else the
            # title's country and sector. "Sabrina Singh" is not Rajnath Singh: a surname never gives a
            # nationality on its own.
            known = [e for e in self.surname_index().get(words[-1].lower(), []) if _same_given(words, e.name)]
            if len(known) == 1:
                return known[0].actor_at(date)
        if not matches:
            return None
        titled = self._titled_name(words, matches, label, date)
        if titled is not None:
            return titled
        # The head of an English noun phrase comes before its first complement ("ambassador to the UN").
        covered = {i for m in matches for i in range(m.start, m.end)}
        cut = next(
            (
                i
                for i, w in enumerate(words)
                if i > 0 and i not in covered and w.lower() in rules().prepositions
            ),
            len(words),
        )
        head = [m for m in matches if m.end <= cut]
        complement = [m for m in matches if m.start > cut]
        named = [m for m in head if m.entry is not None]
        head_agent = self._head_agent(words, head, cut)
        sector = None if head_agent is None else head_agent.sector
        if head_agent is not None and head_agent.generic:
            # "intelligence agency officer", "Boko Haram gunmen": the modifier says which sector.
            modifiers = [m for m in head if m.end <= head_agent.start]
            for m in reversed(modifiers):
                modifier_sector = m.sector if m.entry is None else m.entry.actor_at(date).sector
                if modifier_sector is not None:
                    sector = modifier_sector
                    break
        if head_agent is None and named:
            actor = named[-1].entry.actor_at(date)  # type: ignore[union-attr]
            country = actor.country or self._country([m for m in named[:-1]], date)
            return Actor(actor.id, actor.name, actor.kind, country, actor.sector)
        owner = self._country_actor(named, date)
        if owner is None and complement:
            # "a park in Kabul", "professor ... in Scotland": the complement places it, it does not act.
            owner = self._country_actor(list(reversed(complement)), date)
            if owner is not None and owner.country is not None and owner.kind in _PLACE_KINDS:
                owner = Actor(owner.country, self._state_name(owner.country), "state", owner.country)
        if owner is None:
            if sector is None:
                return None
            return Actor(sector, rules().sector_names.get(sector, sector), "sector", None, sector)
        if sector is None or (sector == owner.sector and owner.kind != "state"):
            return owner
        if owner.kind in ("organisation", "outlet", "group"):
            return Actor(f"{owner.id}-{sector}", owner.name, "sector", owner.country, sector)
        country = owner.country
        state = self._state_name(country)
        return Actor(
            f"{country}-{sector}",
            f"{state} {rules().sector_names.get(sector, sector)}",
            "sector",
            country,
            sector,
        )

    @staticmethod
    def _inside_names(words: list[str], matches: list[_Match]) -> list[_Match]:
        """Drop a town or a one-word name found inside a longer name: "Hassan" in "Omar Hassan al-Bashir" is
        no Indian city, "Hussein" in "Mohammed Hussein Roble" is not King Hussein."""
        covered = {i for m in matches for i in range(m.start, m.end)}

        def free_name_word(i: int) -> bool:
            return (
                0 <= i < len(words)
                and i not in covered
                and (words[i][:1].isupper() or words[i] in rules().name_particles)
            )

        return [
            m
            for m in matches
            if not (
                m.entry is not None
                and (m.entry.kind == "place" or (m.entry.kind == "person" and m.end - m.start == 1))
                and free_name_word(m.start - 1)
                and free_name_word(m.end)
            )
        ]

    def _head_agent(self, words: list[str], head: list[_Match], cut: int) -> _Match | None:
        """The longest agent noun ending the head: only the head noun gives the sector ("military
        cooperation" is no military, "military officials" are; "military intelligence agency" is SPY)."""
        lower = [w.lower() for w in words]
        named_end = max((m.end for m in head if m.entry is not None), default=0)
        # Dictionary by dictionary: a later one's longer agent noun does not override an earlier one's head
        # (Phoenix's "military intelligence agency" is MIL, the built-in "intelligence agency" is SPY).
        for d in self.dictionaries:
            for k in range(named_end, cut):
                sector = self._agent(" ".join(lower[k:cut]), (d,))
                if sector is not None:
                    return _Match(
                        k, cut, sector=sector, generic=cut - k == 1 and lower[k] in rules().generic_heads
                    )
        return None

    def _titled_name(
        self, words: list[str], matches: list[_Match], label: str | None, date: str | None
    ) -> Actor | None:
        """Titles before a name we do not know: "Armenian Prime Minister Nikol Pashinyan" is ARM/GOV."""
        tail = words[matches[-1].end :]
        if (
            not tail
            or not _capitalised(tail[-1])
            or not all(_capitalised(w) or w in rules().name_particles for w in tail)
            or matches[-1].sector is None
        ):
            return None
        if label != "PERSON":
            # Title-case headlines look like titled names ("Military Ties Pose Challenge"): without a PERSON
            # label, only a person's title directly before one to four name words counts.
            title = " ".join(w.lower() for w in words[matches[-1].start : matches[-1].end])
            if label is not None or title not in rules().person_titles or len(tail) > 4:
                return None
        titles = [m for m in matches if m.sector is not None]
        owner = self._country_actor(matches, date)
        name = " ".join(tail)
        return Actor(
            f"person:{slug(name)}",
            name,
            "person",
            None if owner is None else owner.country,
            titles[-1].sector,
        )

    def state(self, country: str) -> Actor:
        """The state actor of an ISO alpha-3 code ("PRK" -> North Korea)."""
        return Actor(country, self._state_name(country), "state", country)

    def _state_name(self, country: str | None) -> str:
        for d in self.dictionaries:
            entry = d.entries.get(country or "")
            if entry is not None:
                return entry.name
        return country or ""

    def _country(self, named: list[_Match], date: str | None) -> str | None:
        actor = self._country_actor(named, date)
        return None if actor is None else actor.country

    def _country_actor(self, named: list[_Match], date: str | None) -> Actor | None:
        """The first named state or organisation among the matches: whose the head noun is."""
        for m in named:
            if m.entry is None:
                continue
            actor = m.entry.actor_at(date)
            if actor.country is not None or actor.kind in ("organisation", "outlet", "group"):
                return actor
        return None


_DEFAULT: Resolver | None = None
_DEFAULT_LOCK = threading.Lock()


def default_resolver() -> Resolver:
    """The process-wide resolver: built-in dictionary, then installed ones, then :func:`use_dictionary`."""
    global _DEFAULT
    with _DEFAULT_LOCK:
        if _DEFAULT is None:
            from newsgraph.actors.installed import installed

            # Installed (imported) dictionaries fill gaps; the curated built-in one answers first.
            _DEFAULT = Resolver([builtin_dictionary(), *installed()])
        return _DEFAULT


def use_dictionary(dictionary: ActorDictionary) -> None:
    """Make an imported dictionary available to :func:`resolve` (after the built-in one)."""
    default_resolver().add(dictionary)


def resolve(text: str, *, date: str | None = None, label: str | None = None) -> Actor | None:
    """A mention's text ("North Korean soldiers", "the Kremlin", "Putin") to its actor, or None."""
    return default_resolver().resolve(text, date=date, label=label)
