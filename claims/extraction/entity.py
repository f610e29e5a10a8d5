"""Who a figure is about: the gazetteer's forms as one pattern, and the context a figure falls back on."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from figcheck.claims.config import Config
from figcheck.claims.extraction.language import load_language, phrases, title_cased
from figcheck.claims.gazetteer import places

# The word next to a name, across spaces or a hyphen: "Lake Chad", "the Niger-Delta Development Commission".
_WORD_BEFORE = re.compile(r"(\w+)(?:[ \t]+|-)$")
_WORD_AFTER = re.compile(r"(?:[ \t]+|-)(\w+)")
_NAME_AFTER = re.compile(r"[ \t]+([A-Z][a-z]\w*)")
_LINE = re.compile(r"[^\n]+")


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    codes: frozenset[str]
    declared: bool = True  # a place figcheck.toml names, not only the built-in gazetteer
    listed: tuple[str, ...] = ()  # a listed set's members in the order written: "Chad and Mali" -> TD, ML

    @property
    def entity(self) -> str:
        return "+".join(sorted(self.codes))


@dataclass(frozen=True)
class Gazetteer:
    pattern: re.Pattern | None
    codes: dict[str, frozenset[str]]   # form as written -> member codes (one for a country)
    declared: frozenset[str] = frozenset()  # the forms figcheck.toml gives
    # "the province of X": a built-in country's name there names a part of another country (the
    # province of Équateur is no Ecuador). "X state" is not tested: "Iranian territory" is Iran's.
    before_part: re.Pattern | None = None
    feature: re.Pattern | None = None  # "Niger Delta", "Lake Chad": a name a natural feature's name holds
    adjectives: frozenset[str] = frozenset()  # forms that are a country's adjective: "French", "Iranians"
    actor: re.Pattern | None = None  # "-based", "-led" right after a name
    joins: tuple[re.Pattern, re.Pattern] | None = None  # list_joins() of the workspace's language
    one_country: re.Pattern | None = None  # "the West African country": a region's name before these means one
    # the forms matched whatever their case, read only on lines set in capitals ("EASTSHIRE: 12,345"), and
    # the form each casefolded one stands for
    caseless: re.Pattern | None = None
    folded: dict[str, str] | None = None

    def mentions(self, text: str, start: int, end: int) -> list[Mention]:
        """Entity mentions in [start, end), with listed sets merged into one group mention. Two names
        a bare comma joins are no list ("Apart from A, B reported ..."; "Kassala, Sudan")."""
        if self.pattern is None:
            return []
        singles: list[Mention] = []
        for m in sorted([*self.pattern.finditer(text, start, end), *self._in_capitals(text, start, end)],
                        key=lambda m: m.start()):
            form = " ".join(m.group().split())  # a form may wrap across a line
            form = form if form in self.codes else self.folded[form.casefold()]
            codes, declared = self.codes[form], form in self.declared
            if not declared and (self._names_a_part(text, m.start()) or self._in_feature(text, m.start(), m.end())
                                 or self._opens_a_name(text, m.end())):
                continue
            if len(codes) > 1 and not declared and self._describes_one(text, m.end()):
                continue  # "the West African country": one country the text names elsewhere, not the region
            if self.actor and self.actor.match(text, m.end()):
                continue  # "a US-based group": where an actor is based
            if text[m.start() - 1:m.start()] == "-" and not (singles and singles[-1].end == m.start() - 1):
                continue  # "pan-African", "anti-Nigerian"; but "the Chad-Sudan border" names both
            singles.append(Mention(m.start(), m.end(), codes, declared, ("+".join(sorted(codes)),)))
        groups: list[list[Mention]] = []
        for m in singles:
            if groups and self.joins[0].match(text[groups[-1][-1].end:m.start]):
                groups[-1].append(m)
            else:
                groups.append([m])
        found: list[Mention] = []
        for group in groups:
            if len(group) == 2 and self.joins[1].match(text[group[0].end:group[1].start]):
                found += group
                continue
            found.append(Mention(group[0].start, group[-1].end, frozenset().union(*(m.codes for m in group)),
                                 any(m.declared for m in group), tuple(e for m in group for e in m.listed)))
        return found


    def _in_capitals(self, text: str, start: int, end: int) -> list[re.Match]:
        """The places named on the lines of [start, end) that hold a figure and are set wholly in capitals,
        where a name is written in capitals too ("EASTSHIRE: 12,345" in a list, a headline in capitals);
        a line of capitals without one is more often a page's menu or section label ("AFRICA")."""
        found = []
        for line in _LINE.finditer(text, start, end):
            line_end = text.find("\n", line.end())
            whole = text[text.rfind("\n", 0, line.start()) + 1:line_end if line_end >= 0 else len(text)]
            if not any(c.islower() for c in whole) and any(c.isupper() for c in whole) and \
                    any(c.isdigit() for c in whole):
                found += self.caseless.finditer(text, line.start(), line.end())
        return found

    def adjective(self, text: str, mention: Mention) -> bool:
        """Whether the mention is a country's adjective or demonym ("French authorities"), not a name."""
        return " ".join(text[mention.start:mention.end].split()) in self.adjectives

    def _names_a_part(self, text: str, start: int) -> bool:
        return bool(self.before_part and self.before_part.search(text, max(0, start - 40), start))

    def _describes_one(self, text: str, end: int) -> bool:
        after = _WORD_AFTER.match(text, end, end + 20)
        return bool(self.one_country and after and self.one_country.fullmatch(after.group(1)))

    def _opens_a_name(self, text: str, end: int) -> bool:
        """Whether a place's name opens a longer proper name ("the Kisumu Teachers Union", "Kenya Airways"): a
        capitalised word follows that is no place, in a line not set in title case."""
        after = _NAME_AFTER.match(text, end, end + 30)
        if not after or (self.pattern and self.pattern.match(text, after.start(1))):
            return False
        line_start, line_end = text.rfind("\n", 0, end) + 1, text.find("\n", end)
        return not title_cased(text[line_start:line_end if line_end >= 0 else len(text)], 0.8, 4)

    def _in_feature(self, text: str, start: int, end: int) -> bool:
        if self.feature is None:
            return False
        before = _WORD_BEFORE.search(text, max(0, start - 20), start)
        after = _WORD_AFTER.match(text, end, end + 20)
        return any(m and self.feature.fullmatch(m.group(1)) for m in (before, after))


@lru_cache(maxsize=8)
def list_joins(code: str = "en") -> tuple[re.Pattern, re.Pattern]:
    """What joins the members of a listed set ("Chad, Mali, Niger, and Sudan"; `[entity] list_joins`),
    and a bare comma between two members. A member may keep its abbreviation in brackets and the next
    open with an article: "Chad, the Central African Republic (CAR) and Egypt"."""
    data = load_language(code)["entity"]
    words = phrases([j for j in data["list_joins"] if j[:1].isalnum()])
    symbols = phrases([j for j in data["list_joins"] if not j[:1].isalnum()])
    abbreviation, article = r"(?:[ \t]*\([A-Z.]{2,8}\))?", rf"(?:(?:{phrases(data['articles'])})[ \t]+)?$"
    join = re.compile(rf"^{abbreviation}(?:[ \t]*,[ \t]*(?:(?:{words})[ \t]+|(?:{symbols})[ \t]*)?"
                      rf"|[ \t]+(?:{words}|{symbols})[ \t]+|[ \t]*(?:{symbols})[ \t]*){article}")
    return join, re.compile(rf"^{abbreviation}[ \t]*,[ \t]*{article}")


def build_gazetteer(config: Config) -> Gazetteer:
    """The workspace's places (figcheck.claims.gazetteer: built-in countries and regions, its own
    entities and groups first) as one pattern."""
    known = places(config)
    if not known.forms:
        return Gazetteer(None, {})
    language = load_language(config.language or "en")
    parts = phrases(language["syntax"]["place_nouns"])
    # Proper names: matched as written, whole words only ("Niger" inside "Nigeria" is not a match).
    names = rf"(?<![\w])(?:{phrases(known.forms)})(?![\w])"
    folded: dict[str, str] = {}
    for form in known.forms:  # in the order of precedence: the workspace's forms first
        folded.setdefault(form.casefold(), form)
    return Gazetteer(re.compile(names), known.forms, known.declared,
                     re.compile(rf"(?i:(?<![\w-])(?:{parts})\s+of\s+(?:the\s+)?$)"),
                     re.compile(phrases(language["entity"]["features"])), known.adjectives,
                     re.compile(rf"-(?:{phrases(language['entity']['actor_suffixes'])})(?!\w)"),
                     list_joins(language.code), re.compile(phrases(language["entity"]["one_country_nouns"])),
                     re.compile(names, re.IGNORECASE), folded)


def respective(text: str, start: int, end: int, figures: list[tuple[int, int]], mentions: list[Mention],
               code: str = "en") -> dict[int, str]:
    """{figure index: place} for a sentence [start, end) that says "respectively": coordinated figures
    ("16 and 12 seats", "80% and 84%") take, in order, the members of the listed set of as many places
    nearest to them ("won 16 and 12 seats in Chad and Mali, respectively")."""
    found: dict[int, str] = {}
    if not says_respectively(text, start, end, code):
        return found
    for run in coordinated(text, figures, code):
        sets = [m for m in mentions if len(m.listed) == len(run)]
        chosen = nearest(sets, figures[run[0]][0], figures[run[-1]][1])
        if chosen:
            found.update(zip(run, chosen.listed))
    return found


def says_respectively(text: str, start: int, end: int, code: str = "en") -> bool:
    return _respectively(code).search(text, start, end) is not None


def coordinated(text: str, spans: list[tuple[int, int]], code: str = "en") -> list[list[int]]:
    """The runs of two or more of `spans` (in text order) that a list joins: "16 and 12", "2010 and 2005"."""
    runs, run = [], [0]
    for i in range(1, len(spans) + 1):
        if i < len(spans) and list_joins(code)[0].match(text[spans[i - 1][1]:spans[i][0]]):
            run.append(i)
            continue
        if len(run) > 1:
            runs.append(run)
        run = [i]
    return runs


def exemplified(text: str, start: int, mentions: list[Mention], code: str = "en") -> list[Mention]:
    """The mentions that a word such as "including" or "such as" opens, possibly after a preposition
    and "the" ("..., including to Egypt, Chad"): examples of a noun before them."""
    return _opened_by(text, start, mentions, code, "examples")


def located(text: str, start: int, mentions: list[Mention], code: str = "en") -> list[Mention]:
    """The mentions a word of location opens ("children in Pakistan"), not of origin ("people from A")."""
    return _opened_by(text, start, mentions, code, "locations")


def acting(text: str, start: int, mentions: list[Mention], code: str = "en") -> list[Mention]:
    """The mentions a word such as "by" or "against" opens: who acts or is opposed ("killed in attacks by
    A", "the war against A"), not where a figure stands."""
    ranked = _opened_by(text, start, mentions, code, "rankings")
    return [m for m in _opened_by(text, start, mentions, code, "actors") if m not in ranked]


def armed(text: str, mentions: list[Mention], code: str = "en") -> list[Mention]:
    """The mentions qualifying a force or an act of force right after them (`[syntax] force_nouns`:
    "A's missile strikes", "the A army"): who acted."""
    pattern = _armed(code)
    return [m for m in mentions if pattern.match(text, m.end)]


@lru_cache(maxsize=8)
def _armed(code: str) -> re.Pattern:
    nouns = phrases(load_language(code)["syntax"]["force_nouns"])
    return re.compile(rf"(?i)(?:['’]s)?\s+(?:[a-z][\w-]*\s+)?(?:{nouns})(?:s|es)?(?![\w-])")


def _opened_by(text: str, start: int, mentions: list[Mention], code: str, key: str) -> list[Mention]:
    """The mentions one of the language's `[entity] key` words opens."""
    return [m for m in mentions if _opened(text, start, m, _opener(code, key))]


def destined(text: str, start: int, mentions: list[Mention], code: str = "en") -> list[Mention]:
    """The mentions a word such as "into" opens: where the counted went ("fled into A"), not where a
    figure stands."""
    return _opened_by(text, start, mentions, code, "destinations")


def originated(text: str, start: int, mentions: list[Mention], code: str = "en") -> list[Mention]:
    """The mentions a word such as "from" opens: where the counted came from ("crossed from A to B")."""
    return _opened_by(text, start, mentions, code, "origins")


def went_to(text: str, start: int, end: int, mentions: list[Mention], code: str = "en") -> list[Mention]:
    """The places people went to, in a workspace counting them where they came from: a word of `[entity]
    moved_to` opens the place a few words after one of `movement` ("fled to A", "crossed the border into
    A", "arrived in eastern A"), not after a place they left ("fled their homes in A"), or opens a clause
    whose verb of movement follows ("In A, 300 refugees arrive each day")."""
    after, fronted, moved, left = _movement(code)
    return [m for m in mentions
            if (found := after.search(text, max(start, m.start - 80), m.start)) and not left.search(found.group(1))
            or text.startswith(",", m.end) and _opens_clause(text, start, m, fronted)
            and moved.search(text, m.end, end)]


def _opens_clause(text: str, start: int, mention: Mention, opener: re.Pattern) -> bool:
    """Whether `opener` right before the mention opens its sentence or a clause after a comma or "and"."""
    found = opener.search(text, max(start, mention.start - 16), mention.start)
    before = text[start:found.start()].rstrip() if found else "-"
    return not before or before.endswith((",", ";")) or before.casefold().endswith(" and")


@lru_cache(maxsize=8)
def _movement(code: str) -> tuple[re.Pattern, re.Pattern, re.Pattern, re.Pattern]:
    data = load_language(code)["entity"]
    moved, to, articles, left = (phrases(data[k]) for k in ("movement", "moved_to", "articles", "left"))
    return (re.compile(rf"(?i)(?<![\w-])(?:{moved})((?:\s+[^\s,;:.]+){{0,3}}?)\s+(?:{to})\s+(?:(?:{articles})\s+)?"
                       rf"(?:[a-z][\w-]*\s+)?$"),
            re.compile(rf"(?i)(?<![\w-])(?:{to})\s+(?:(?:{articles})\s+)?$"),
            re.compile(rf"(?i)(?<![\w-])(?:{moved})(?![\w-])"),
            re.compile(rf"(?i)(?<![\w-])(?:{left})(?![\w-])"))


@lru_cache(maxsize=8)
def whole_country_pattern(code: str = "en") -> re.Pattern:
    """`[entity] whole_country` ("nationally", "nationwide"), not as a name's word ("the National Policy")."""
    words = phrases(load_language(code)["entity"]["whole_country"])
    return re.compile(rf"(?i:(?<![\w-])(?:{words}))(?![\w-])(?!\s+[A-Z])")


def set_aside(text: str, start: int, mentions: list[Mention], code: str = "en") -> list[Mention]:
    """The mentions without those a word such as "apart from" or "except" opens: "Apart from A, B
    reported 81% turnout" is about B."""
    aside = _opened_by(text, start, mentions, code, "exceptions")
    return [m for m in mentions if m not in aside]


def _opened(text: str, start: int, mention: Mention, opener: re.Pattern) -> bool:
    return bool(opener.search(text, max(start, mention.start - 40), mention.start))


@lru_cache(maxsize=8)
def _opener(code: str, key: str) -> re.Pattern:
    """One of the language's `[entity]` word lists right before a place, after a preposition and "the"."""
    data = load_language(code)["entity"]
    words, prepositions, articles = (phrases(data[k]) for k in (key, "opener_prepositions", "articles"))
    return re.compile(rf"(?i)(?<!\w)(?:{words})\s+(?:(?:{prepositions})\s+)?(?:(?:{articles})\s+)?$")


def item_place(text: str, figure_start: int, mentions: list[Mention], code: str = "en") -> Mention | None:
    """The place a comma and a preposition set off right before a figure: "after India, with 32
    million, and Pakistan, with 28 million" (`[syntax] item_prepositions`, up to two words between);
    without the comma the preposition may hang on the verb ("hit back at A with 22 waves")."""
    pattern = _item(code)
    return next((m for m in reversed(mentions) if m.end <= figure_start
                 and pattern.fullmatch(text, m.end, figure_start)), None)


def trailing_place(text: str, figure_end: int, mentions: list[Mention], code: str = "en") -> Mention | None:
    """The place a word of location or possession opens a few lowercase words after a figure, in the
    same list item: "seven in A" and "12 constituencies of B" in "..., seven in A, five in B"."""
    return _first_opened_after(text, figure_end, mentions, _trailing(code))


def sourced_item_place(text: str, figure_end: int, mentions: list[Mention], code: str = "en") -> Mention | None:
    """The place a list item of a nounless figure names as its source: "14 from A", "seven each from B"."""
    return _first_opened_after(text, figure_end, mentions, _sourced_item(code))


def _first_opened_after(text: str, figure_end: int, mentions: list[Mention], opener: re.Pattern) -> Mention | None:
    """The first mention after the figure that `opener`, filling the text between them, leads to."""
    return next((m for m in mentions if m.start >= figure_end and opener.fullmatch(text, figure_end, m.start)), None)


def leading_item_place(text: str, sentence_start: int, figure_start: int, mentions: list[Mention],
                       code: str = "en") -> Mention | None:
    """The place a list item opens with right before its figure: "..., B 74.2 per cent and C 56.9 per cent"."""
    opening = _item_opening(code)
    return next((m for m in mentions if m.end < figure_start and not text[m.end:figure_start].strip()
                 and opening.search(text, sentence_start, m.start)), None)


@lru_cache(maxsize=4)
def _sourced_item(code: str) -> re.Pattern:
    data = load_language(code)["entity"]
    return re.compile(rf"[ \t]+(?:(?:{phrases(data['distributives'])})[ \t]+)?(?:{phrases(data['item_sources'])})"
                      rf"[ \t]+(?:(?:{phrases(data['articles'])})[ \t]+)?")


@lru_cache(maxsize=4)
def _item_opening(code: str) -> re.Pattern:
    """A list item's opening: after a comma or semicolon, or a list's joining word after a figure."""
    words = phrases([j for j in load_language(code)["entity"]["list_joins"] if j[:1].isalnum()])
    after_figure = rf"\d[^\W\d]*%?(?:[ \t]+[^\W\d]+){{0,2}}[ \t]+(?:{words})[ \t]+"  # "55.5 per cent and "
    return re.compile(rf"(?:[,;][ \t]*(?:(?:{words})[ \t]+)?|{after_figure})$")


@lru_cache(maxsize=4)
def _trailing(code: str) -> re.Pattern:
    data = load_language(code)["entity"]
    openers, articles = phrases(data["locations"] + data["possessors"]), phrases(data["articles"])
    return re.compile(rf"(?:[ \t]+[a-z]+){{0,3}}[ \t]+(?:{openers})[ \t]+(?:(?:{articles})[ \t]+)?")


@lru_cache(maxsize=4)
def _item(code: str) -> re.Pattern:
    words = phrases(load_language(code)["syntax"]["item_prepositions"])
    return re.compile(rf"[ \t]*,[ \t]+(?:{words})[ \t]+(?:[a-z]+[ \t]+){{0,2}}")


@lru_cache(maxsize=4)
def _respectively(code: str) -> re.Pattern:
    return re.compile(rf"(?i)(?<!\w)(?:{phrases(load_language(code)['syntax']['respectively'])})(?!\w)")


def nearest(mentions: list[Mention], start: int, end: int) -> Mention | None:
    """The mention closest to a figure at [start, end); one before it wins a tie. Where a workspace
    declares entities, the places it declares are its subjects: another place named beside one
    ("returned from Syria") is context, and counts only in sentences that name none of them."""
    best, best_distance = None, None
    for m in [m for m in mentions if m.declared] or mentions:
        distance = start - m.end if m.end <= start else m.start - end
        if distance < 0:
            distance = 0
        if best_distance is None or distance < best_distance:
            best, best_distance = m, distance
    return best


def currency_country(iso: str) -> str:
    """The one country a currency (ISO 4217) is legal tender in today, by Babel's CLDR data: "NGN" ->
    "NG"; "" for a currency several territories use ("USD", "EUR", "XOF")."""
    return _national_currencies().get(iso, "")


@lru_cache(maxsize=1)
def _national_currencies() -> dict[str, str]:
    from babel.core import get_global

    users: dict[str, set[str]] = {}
    for territory, used in get_global("territory_currencies").items():
        for iso, _, until, tender in used:
            if until is None and tender:
                users.setdefault(iso, set()).add(territory)
    return {iso: territories.pop() for iso, territories in users.items() if len(territories) == 1}
