"""An imported dictionary fills gaps: it never overrides how an earlier dictionary reads a span."""

from __future__ import annotations

from newsgraph.actors import ActorDictionary, Resolver
from newsgraph.actors.dictionary import Entry


def _resolver() -> Resolver:
    first = ActorDictionary(name="first")
    first.add(Entry("CHL", "Chile", "state", "CHL"))
    first.add(Entry("CAN", "Canada", "state", "CAN"), ["Canadian"])
    first.add(Entry("POL", "Poland", "state", "POL"))
    first.add(Entry("RUS", "Russia", "state", "RUS"))
    for noun, sector in [
        ("defense department", "GOV"),
        ("ambassador", "GOV"),
        ("intelligence agency", "SPY"),
        ("military", "MIL"),
    ]:
        first.add_agent(noun, sector)
    later = ActorDictionary(name="later")
    # A later dictionary that lists a generic phrase as one country's institution, and longer agent nouns.
    later.add(Entry("USA-MIL", "US military", "state", "USA", "MIL"), ["Defense Department"])
    later.add(Entry("person:hussein", "Hussein", "person", "JOR", "GOV"))
    later.add(Entry("org:un", "United Nations", "organisation", None, "IGO"))
    later.add_agent("ambassador to", "GOV")
    later.add_agent("military intelligence agency", "MIL")
    later.add_agent("news agency", "MED")
    return Resolver([first, later])


def test_earlier_agent_beats_later_name() -> None:
    actor = _resolver().resolve("Chile's Defense Department")
    assert actor is not None and (actor.country, actor.sector) == ("CHL", "GOV")


def test_later_name_fills_a_gap() -> None:
    actor = _resolver().resolve("Defense Department")
    assert actor is not None and (actor.country, actor.sector) == ("USA", "MIL")


def test_later_longer_agent_does_not_swallow_the_complement() -> None:
    resolver = _resolver()
    actor = resolver.resolve("Russia's ambassador to Poland")
    assert actor is not None and (actor.country, actor.sector) == ("RUS", "GOV")
    actor = resolver.resolve("Canadian Ambassador to the United Nations")
    assert actor is not None and (actor.country, actor.sector) == ("CAN", "GOV")


def test_earlier_head_noun_beats_later_longer_one() -> None:
    actor = _resolver().resolve("foreign military intelligence agency")
    assert actor is not None and actor.sector == "SPY"


def test_later_agent_fills_a_gap() -> None:
    actor = _resolver().resolve("a news agency")
    assert actor is not None and actor.sector == "MED"


def test_one_word_name_inside_a_longer_name_is_not_that_person() -> None:
    resolver = _resolver()
    assert resolver.resolve("Mohammed Hussein Roble") is None
    actor = resolver.resolve("Hussein")
    assert actor is not None and actor.id == "person:hussein"
