"""Uses of a dictionary verb that are no event of its own: a sense the CAMEO dictionary does not tell apart
("struck me as", "demonstrated its commitment", "it's striking that", "contributed reporting", "took to
social media"). The word lists are in ``data/rules.json``."""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.events.lexicon import rules


def has_object(token: Token) -> bool:
    """An object, or the passive subject that stands for it ("the town was captured")."""
    return any(c.dep_ in {"dobj", "obj", "nsubjpass", "dative"} for c in token.children) or (
        token.dep_ in {"acl", "relcl"} and token.tag_ == "VBN"
    )


def _seems(token: Token) -> bool:
    """ "struck me as different": a person as object and an "as" phrase, no one struck."""
    children = list(token.children)
    return any(
        c.dep_ in {"dobj", "obj"} and (c.pos_ == "PRON" or c.ent_type_ == "PERSON") for c in children
    ) and any(c.dep_ == "prep" and c.lower_ == "as" for c in children)


def _shows(token: Token) -> bool:
    """A verb with an object, a clause or a passive voice ("demonstrated that", "was demonstrated by")."""
    return (token.tag_ == "VBN" and token.dep_ in {"advcl", "acl", "amod"}) or any(
        c.dep_ in {"dobj", "obj", "ccomp", "auxpass", "nsubjpass", "agent"} for c in token.children
    )


def _extraposed_adjective(token: Token) -> bool:
    """ "It's striking that tensions are rising": an -ing form after "it is", its real subject a that-clause,
    is an adjective (striking, alarming, encouraging), not the act of the verb."""
    children = list(token.children)
    return (
        token.tag_ == "VBG"
        and any(c.dep_ in {"nsubj", "expl"} and c.lower_ == "it" for c in children)
        and any(c.dep_ in {"aux", "cop"} and (c.lemma_ == "be" or c.lower_ in {"'s", "’s"}) for c in children)
        and any(
            c.dep_ == "ccomp" and any(m.lower_ == "that" and m.dep_ == "mark" for m in c.children)
            for c in children
        )
    )


def not_this_verbs_event(token: Token, lemma: str) -> bool:
    """Uses of a dictionary verb that are no event of its own, whatever its patterns say."""
    found_rules = rules()
    vetoed = found_rules.no_event_objects.get(lemma, frozenset())
    return (
        token.lower_ in found_rules.never_triggers  # "according to the IAEA"
        # "went on to pull out of the deal": the pulling out is the event
        or (
            lemma in found_rules.aspectual
            and any(c.dep_ == "xcomp" and c.pos_ == "VERB" for c in token.children)
        )
        # "contributed reporting from Hong Kong": a credit line
        or any(c.dep_ in {"dobj", "obj"} and c.lemma_.lower() in vetoed for c in token.children)
        or (lemma in found_rules.seeming_senses and _seems(token))  # "That struck me as different"
        # "demonstrated its commitment", "as demonstrated by his departure"
        or (lemma in found_rules.showing_senses and _shows(token))
        or _extraposed_adjective(token)  # "It's striking that ...": an adjective of comment
    )
