"""Who did it to whom: source and target phrases of a trigger, read off the dependency parse."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from newsgraph.events.lexicon import rules

# Children that end an actor phrase: coordination (each conjunct is an actor of its own) and loose clauses.
# Appositions and relative clauses stay: "Mohammad Radmanish, an Afghan defence spokesperson".
_CUT = {"conj", "cc", "advcl", "parataxis", "case", "preconj"}
_SUBJECTS = {"nsubj", "csubj"}
_PASSIVE_SUBJECTS = {"nsubjpass", "csubjpass"}
_ACTOR_LABELS = {"GPE", "NORP", "ORG", "PERSON", "LOC", "FAC"}


@dataclass(frozen=True, slots=True)
class Roles:
    sources: tuple[Token, ...]
    targets: tuple[Token, ...]


def phrase(head: Token, avoid: int | None = None) -> tuple[int, int]:
    """Token range [start, end) of the actor phrase headed by ``head``, without conjuncts.

    A clause holding token ``avoid`` (the trigger: "troops who attacked") is left out.
    """
    keep = {head.i}
    stack = [c for c in head.children if c.dep_ not in _CUT and not _holds(c, avoid)]
    while stack:
        tok = stack.pop()
        keep.add(tok.i)
        stack.extend(c for c in tok.children if c.dep_ not in {"advcl", "parataxis"} and not _holds(c, avoid))
    start = end = head.i
    while start - 1 in keep:
        start -= 1
    while end + 1 in keep:
        end += 1
    doc = head.doc
    start, end = _whole_name(head, start, end, avoid)
    while start < end and doc[start].is_punct:
        start += 1
    while end > start and doc[end].is_punct and not (doc[end].text == ")" and _opens(doc, start, end)):
        end -= 1
    return start, end + 1


def _entity_bounds(token: Token) -> tuple[int, int] | None:
    """First and last token index of the named entity the token is part of, or None outside one."""
    if token.ent_iob_ not in {"B", "I"}:
        return None
    doc = token.doc
    lo = hi = token.i
    while lo > 0 and doc[lo].ent_iob_ == "I":
        lo -= 1
    while hi + 1 < len(doc) and doc[hi + 1].ent_iob_ == "I":
        hi += 1
    return lo, hi


def _whole_name(head: Token, start: int, end: int, avoid: int | None) -> tuple[int, int]:
    """Widen [start, end] to the whole named entity the head is part of ("Customs and Border Protection",
    whose "and" the parse reads as a coordination), unless that would take in the trigger."""
    bounds = _entity_bounds(head)
    if bounds is None or (avoid is not None and bounds[0] <= avoid <= bounds[1]):
        return start, end
    return min(start, bounds[0]), max(end, bounds[1])


def _opens(doc: Doc, start: int, end: int) -> bool:
    return any(doc[i].text == "(" for i in range(start, end))


def _holds(token: Token, index: int | None) -> bool:
    return index is not None and token.left_edge.i <= index <= token.right_edge.i


def antecedent(pronoun: Token) -> Token:
    """A pronoun subject's antecedent in the reporting clause above it ("NAF says it has killed ...")."""
    if pronoun.lower_ not in rules().pronoun_actors and pronoun.lower_ not in rules().possessives:
        return pronoun
    current = pronoun.head
    for _ in range(4):
        if current.dep_ not in {"ccomp", "xcomp", "conj", "advcl"} or current.head.i == current.i:
            break
        current = current.head
        for child in current.children:
            if child.dep_ in _SUBJECTS and child.pos_ != "PRON":
                return child
    return pronoun


def conjuncts(head: Token) -> tuple[Token, ...]:
    """The head and the actors it is coordinated with ("Putin and Kim"). A conjunct that is a thing of
    someone's ("the invasion of Ukraine and North Korea's missile development") is no co-actor. People of
    several states ("the ambassadors of Norway, Austria and Greece") are each state's: one actor each."""
    if not head.conjuncts:
        owners = _coordinated_owners(head)
        return owners if owners else (head,)
    return (head, *(c for c in head.conjuncts if not _owned_thing(c) and not _one_name(head, c)))


def _one_name(a: Token, b: Token) -> bool:
    """Two words of one named entity: "Customs and Border Protection" is one agency, "Trinidad and Tobago"
    one state, whatever the "and" inside them."""
    bounds = _entity_bounds(a)
    return bounds is not None and bounds[0] <= b.i <= bounds[1]


def _coordinated_owners(head: Token) -> tuple[Token, ...]:
    if head.lemma_.lower() not in rules().actor_nouns:
        return ()
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for owner in child.children:
                if owner.dep_ == "pobj" and owner.conjuncts and owner.ent_type_ in {"GPE", "NORP", "ORG"}:
                    return (owner, *owner.conjuncts)
    return ()


def _owned_thing(token: Token) -> bool:
    """A common noun whose only name is its possessor's: "North Korea's development"."""
    lemma = token.lemma_.lower()
    if (
        token.pos_ != "NOUN"
        or token.ent_type_ in _ACTOR_LABELS
        or lemma in rules().actor_nouns
        or lemma in rules().ones_own
    ):
        return False
    owner = [c for c in token.children if c.dep_ == "poss"]
    named_inside = any(
        t.ent_type_ in _ACTOR_LABELS
        for c in token.children
        if c.dep_ in {"compound", "amod"}
        for t in c.subtree
    )
    return bool(owner) and not named_inside


def _named(token: Token) -> bool:
    if token.ent_type_ in _ACTOR_LABELS:
        return True
    return any(t.ent_type_ in _ACTOR_LABELS for t in token.children if t.dep_ in {"compound", "amod", "poss"})


def is_actorish(token: Token) -> bool:
    if token.ent_type_ in _ACTOR_LABELS or token.lemma_.lower() in rules().actor_nouns:
        return True
    if token.lower_ in rules().pronoun_actors:
        return True
    return any(t.ent_type_ in _ACTOR_LABELS for t in token.subtree if t.dep_ in {"compound", "amod", "poss"})


def _may_be_actor(token: Token) -> bool:
    """A target is someone acted upon: a thing with no name anywhere in its phrase ("seized a house",
    "rejected appeals", "carried out operations") is what was done, not whom it was done to."""
    if is_actorish(token):
        return True
    return any(t.ent_type_ in _ACTOR_LABELS or t.lemma_.lower() in rules().actor_nouns for t in token.subtree)


def relative_antecedent(pronoun: Token) -> Token:
    """The noun a relative pronoun stands for ("Russia, which continues to invade": Russia), or the
    pronoun itself. A predicate noun stands for its copula's subject ("X is a country that supports ...")."""
    if pronoun.lower_ not in rules().relative_pronouns or pronoun.tag_ not in {"WDT", "WP"}:
        return pronoun
    clause = pronoun.head
    if clause.dep_ != "relcl" or clause.head.pos_ not in {"NOUN", "PROPN"}:
        return pronoun
    noun = clause.head
    if noun.dep_ == "attr" and noun.head.lemma_ == "be":
        subject = next((c for c in noun.head.children if c.dep_ == "nsubj" and c.pos_ != "PRON"), None)
        if subject is not None:
            return subject
    return noun


def _named_by(token: Token | None) -> Token | None:
    """None for a relative pronoun left without a noun ("..., which could prolong the invasion" stands
    for a whole clause): it names no actor."""
    if token is not None and token.lower_ in rules().relative_pronouns and token.tag_ in {"WDT", "WP"}:
        return None
    return token


def _subject(verb: Token) -> tuple[Token | None, bool]:
    """(subject, passive) of a verb, inherited along xcomp/conj/relcl chains."""
    seen = 0
    current = verb
    while seen < 6:
        seen += 1
        for child in current.children:
            if child.dep_ in _SUBJECTS:
                return relative_antecedent(child), False
            if child.dep_ in _PASSIVE_SUBJECTS:
                return relative_antecedent(child), True
        if current.dep_ in {"xcomp", "conj", "acomp"} and current.head.i != current.i:
            current = current.head
            continue
        if current.dep_ == "acl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in current.children):
            # "an opportunity to break through", "efforts to expand": the noun names no doer of the
            # infinitive, unless it names an actor ("troops to patrol the border").
            return (current.head, False) if is_actorish(current.head) else (None, False)
        if current.dep_ in {"relcl", "acl"} and current.head.pos_ in {"NOUN", "PROPN", "PRON"}:
            # "troops who attacked ..." / "forces deployed to ...": the modified noun is the doer
            # unless the participle is passive ("the village attacked by ...").
            return current.head, current.dep_ == "acl" and current.tag_ == "VBN"
        break
    return None, False


def _agent(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ == "agent":
            for grand in child.children:
                if grand.dep_ == "pobj":
                    return grand
    return None


def _objects(verb: Token) -> list[Token]:
    """Candidate targets in preference order: direct object, dative, prepositional objects."""
    direct = [c for c in verb.children if c.dep_ in {"dobj", "obj"}]
    if not direct:
        # "called Foreign Minister Sergey Lavrov": a name parsed as the verb's predicate is its object.
        direct = [c for c in verb.children if c.dep_ == "oprd" and c.pos_ == "PROPN"]
    dative = [c for c in verb.children if c.dep_ in {"dative", "iobj"}]
    preps: list[tuple[int, Token]] = []
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in rules().target_preps:
            for grand in child.children:
                if grand.dep_ == "pobj":
                    preps.append((rules().target_preps.index(child.lower_), grand))
        if child.dep_ == "dative" and child.lower_ == "to":
            dative.extend(g for g in child.children if g.dep_ == "pobj")
    for thing in direct:
        # "provides aid to Russia": the recipient hangs on the object.
        for child in thing.children:
            if child.dep_ == "prep" and child.lower_ in {"to", "for", "against", "on"}:
                preps.extend(
                    (rules().target_preps.index(child.lower_), g) for g in child.children if g.dep_ == "pobj"
                )
    preps.sort(key=lambda pair: pair[0])
    # A named actor beats a common-noun actor, which beats a thing ("give Tanzania a grant", "filed a
    # lawsuit against X"); a place ("in Yerevan") comes last ("detained demonstrators in Yerevan").
    ordered = dative + direct + [t for _, t in preps]

    aimed = verb.lemma_.lower() in rules().directed_at

    def tier(token: Token) -> int:
        if aimed and token.dep_ == "pobj" and token.head.lower_ == "at" and _named(token):
            return 0  # "fired two artillery shells at Seoul": what is aimed at, not where
        if token.dep_ == "pobj" and token.head.lower_ in rules().locative_preps:
            return 3 if token.ent_type_ not in {"GPE", "NORP", "ORG", "PERSON"} or direct else 0
        if _named(token):
            return 0
        return 1 if is_actorish(token) else 2

    return sorted(ordered, key=tier)


def verb_roles(verb: Token) -> Roles:
    subject, passive = _subject(verb)
    agent = _agent(verb)
    source: Token | None
    target: Token | None
    if passive:
        source, target = agent, subject
    else:
        source, target = subject, None
    if target is None:
        objects = _objects(verb)
        if not objects:
            for child in verb.children:
                if child.dep_ == "xcomp":
                    objects = _objects(child)
                    break
        if objects and _may_be_actor(objects[0]):
            target = objects[0]
    if source is not None and source.dep_ == "poss":
        source = source.head
    if source is not None and source.pos_ == "PRON":
        source = antecedent(source)
    if target is not None:
        target = relative_antecedent(target)
    source, target = _named_by(source), _named_by(target)
    return Roles(
        conjuncts(source) if source is not None else (),
        conjuncts(target) if target is not None else (),
    )


def joining_verb(noun: Token) -> Token | None:
    """The verb through which a subject takes part in the noun's event, or None."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.dep_ != "prep" or prep.head.pos_ != "VERB":
        return None
    verb = prep.head
    return verb if prep.lower_ in rules().joining.get(verb.lemma_.lower(), set()) else None


def noun_roles(noun: Token) -> Roles:
    """Possessor or "by" phrase as source; "of"/"to"/"against" phrase as target; a light verb's subject."""
    source: Token | None = None
    target: Token | None = None
    for child in noun.children:
        if child.dep_ == "poss" or (
            child.dep_ in {"amod", "compound"}
            and child.ent_type_ in {"NORP", "GPE", "ORG"}
            and source is None
        ):
            source = child
        elif child.dep_ == "prep":
            pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
            if pobj is None:
                continue
            if child.lower_ in rules().nominal_source_preps and source is None:
                source = pobj
            elif child.lower_ in rules().nominal_target_preps and target is None:
                target = pobj
    # "held a summit", "ordered an attack": the verb's subject does the noun's event; the subject of
    # "condemned the summit" or "welcomed the deal" takes a stance on it and did not do it.
    for child in noun.children:
        # "sanctions imposed by the United States": the participle's agent does the noun's event.
        if source is None and child.dep_ == "acl" and child.lemma_.lower() in rules().light_verbs:
            source = _agent(child)
    governed = (
        noun.dep_ in {"dobj", "obj", "nsubjpass"}
        and noun.head.pos_ in {"VERB", "AUX"}
        and noun.head.lemma_.lower() not in rules().stance_verbs
    )
    joined = joining_verb(noun)
    if joined is not None and (source is None or source.pos_ == "PRON"):
        subject, passive = _subject(joined)
        if not passive and subject is not None and _may_stand_for(source, subject):
            source = subject
    if governed and (source is None or source.pos_ == "PRON"):
        subject, passive = _subject(noun.head)
        if not passive and subject is not None and _may_stand_for(source, subject):
            source = subject
    if governed and target is None:
        # "launched an assault on X": spaCy often hangs the target on the light verb; a verb of giving
        # names its receiver ("gave military aid to Ukraine", "gave Ukraine aid").
        giving = noun.head.lemma_.lower() in rules().giving_verbs
        for child in noun.head.children:
            if giving and child.dep_ == "dative" and child.i != noun.i:
                target = next((g for g in child.children if g.dep_ == "pobj"), child)
                break
            if child.dep_ == "prep" and (
                child.lower_ in rules().light_target_preps or (giving and child.lower_ == "to")
            ):
                target = next((g for g in child.children if g.dep_ == "pobj"), None)
                if target is not None:
                    break
    if source is not None and target is not None and not _may_be_actor(target):
        target = None  # "their assault on the old city": who assaulted is known, no one named is the target
    if source is not None and source.lower_ in rules().possessives and source.dep_ == "poss":
        source = possessor_in_sentence(source) or source
    source, target = _named_by(source), _named_by(target)
    if source is None and target is not None and target.head.lower_ == "between":
        source = target
        target = None
    return Roles(
        conjuncts(source) if source is not None else (),
        conjuncts(target) if target is not None else (),
    )


_BODY_LABELS = frozenset({"GPE", "ORG", "NORP"})


def fits(pronoun: str, token: Token) -> bool:
    """Whether a noun can be what a possessive pronoun refers to, by number and kind."""
    plural = bool(token.conjuncts) or token.tag_ in {"NNS", "NNPS"}
    if pronoun == "their":
        # "a group of diplomats ... their", "the Taliban ... their": a collective stands for its members.
        members = [g for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children]
        collective = token.ent_type_ in {"NORP", "ORG"} or any(
            g.tag_ in {"NNS", "NNPS"} and is_actorish(g) for g in members
        )
        return (plural or collective) and (
            _named(token)
            or token.lemma_.lower() in rules().actor_nouns
            or any(is_actorish(g) for g in members)
        )
    if plural:
        return False
    if pronoun == "its":
        return token.ent_type_ in _BODY_LABELS or (
            token.ent_type_ != "PERSON" and token.lemma_.lower() in rules().actor_nouns
        )
    return token.ent_type_ == "PERSON"


def _may_stand_for(pronoun: Token | None, subject: Token) -> bool:
    """Whether the subject may replace a possessive ("Russia continued its invasion"), not one it cannot
    stand for ("analysts criticised its crackdown")."""
    if pronoun is None or pronoun.lower_ not in rules().possessives or subject.pos_ == "PRON":
        return True
    return fits(pronoun.lower_, subject)


def possessor_in_sentence(pronoun: Token) -> Token | None:
    """The subject a possessive pronoun refers to in its own sentence: the nearest clause above it whose
    subject fits ("Russia, continuing its invasion", "Russia is isolated by sanctions over its invasion"),
    or None. A relative or personal pronoun subject is no answer; the caller may look further back."""
    word = pronoun.lower_
    current = pronoun.head
    for _ in range(12):
        if current.pos_ in {"VERB", "AUX"}:
            subject, _passive = _subject(current)
            if subject is not None and subject.pos_ != "PRON" and fits(word, subject):
                return subject
        if current.head.i == current.i:
            break
        current = current.head
    return None
