"""What a number counts, read from the words around it: the *kind* of quantity (deaths, arrests,
participants, damage, …) and *scope* marks that make two quantities of one kind different
figures (insured vs total damage, workers called to strike vs workers on strike, per household).

German news names the counted thing in a handful of ways: a noun after the number ("vier Tote"),
a noun the number is the value of ("Die Zahl der Todesopfer liegt bei neun"), or the verb of the
clause ("sind sechs Menschen ums Leben gekommen"). The lexicon below lists word stems for each
kind; the kind nearest to the number in its clause wins. It is a lexicon of news quantities in
general, not of any one story; extend it with a line per kind.
"""

from __future__ import annotations

import re

# kind -> stems (regular expressions matched at a word start, case-insensitive)
KINDS: dict[str, tuple[str, ...]] = {
    "deaths": (
        r"tote[n]?\b",
        r"todesopfer",
        r"ums leben",
        r"getötet",
        r"gestorben",
        r"starben",
        r"verstorben",
        r"tödlich",
        r"leichen?\b",
        r"opferzahl",
        r"zahl der opfer",
    ),
    "injured": (r"verletzt", r"schwerverletzt", r"leichtverletzt"),
    "missing": (r"vermisst", r"verschollen", r"verschüttet"),
    "evacuated": (
        r"evakuier",
        r"in sicherheit gebracht",
        r"aus ihren (?:häusern|wohnungen)",
        r"zum verlassen",
        r"ihre (?:häuser|wohnungen) verlassen",
        r"notunterkünft",
        r"obdachlos",
    ),
    "arrests": (r"festgenommen", r"festnahme", r"verhaftet", r"verhaftung", r"gewahrsam", r"inhaftiert"),
    "participants": (
        r"teilnehm",
        r"demonstrant",
        r"demonstrier",
        r"versammelt",
        r"kundgebung",
        r"protest",
        r"auf die straße",
        r"menschenkette",
        r"besucher",
        r"zuschauer",
    ),
    "strikers": (r"streikend", r"gestreikt", r"streikt", r"ausstand", r"arbeit niedergelegt", r"warnstreik"),
    "forces": (
        r"einsatzkr",
        r"beamt",
        r"polizist",
        r"helfer",
        r"rettungskr",
        r"feuerwehrleute",
        r"kräfte[n]?\b",
        r"im einsatz",
        r"hilfskr",
        r"sanitäter",
    ),
    "damage": (r"schaden", r"schäden", r"gesamtschaden"),
    "cost": (r"kosten", r"mehrkosten", r"kostet", r"ausgaben"),
    "aid": (r"soforthilfe", r"hilfspaket", r"hilfsprogramm", r"hilfe", r"förder", r"zuschuss", r"unterstützung"),
    "wages": (r"lohn", r"löhne", r"gehalt", r"gehälter", r"tarif", r"entgelt", r"vergütung"),
    "jobs": (r"stellen\b", r"arbeitsplätze", r"jobs\b", r"stellenabbau"),
    "votes": (r"stimmen\b", r"wahlbeteiligung", r"wählerstimmen", r"mandate", r"sitze\b"),
    "outage": (r"ohne strom", r"stromausfall", r"vom netz", r"am netz", r"ohne (?:wasser|gas|heizung)"),
    "precipitation": (r"liter (?:regen )?pro quadratmeter", r"niederschlag", r"regen"),
    "water_level": (r"pegel", r"wasserstand", r"höchststand"),
    "members": (r"mitglieder", r"organisationen", r"verbände", r"unterstützer"),
    "vehicles": (r"busse[n]?\b", r"bahnen\b", r"züge\b", r"fahrzeuge"),
    "companies": (r"unternehmen", r"betriebe", r"firmen"),
    "commuters": (r"pendler", r"fahrgäste", r"reisende"),
    "volunteers": (r"freiwillige",),
}
# Marks that make two quantities of one kind different figures, and the kinds they refine
# (None: any kind).
SCOPES: dict[str, tuple[tuple[str, ...], frozenset[str] | None]] = {
    "insured": ((r"versichert",), frozenset({"damage"})),
    "total": ((r"gesamtschaden", r"volkswirtschaftlich"), frozenset({"damage", "cost"})),
    "called": ((r"aufgerufen", r"aufruf"), frozenset({"strikers", "participants"})),
    "per_unit": (
        (r"pro (?:haushalt|kopf|person|monat|jahr|tag)", r"je (?:haushalt|person)", r"im monat", r"monatlich"),
        None,
    ),
    "children": ((r"kinder", r"minderjährig"), frozenset({"deaths", "injured", "missing", "evacuated"})),
    "counter": ((r"gegenkundgebung", r"gegendemonstration", r"gegenprotest"), frozenset({"participants"})),
    # a part of a total named before: "Davon betroffen sei allein Schweinfurt mit 700 Stellen",
    # "zwei von ihnen mussten ins Krankenhaus"
    "subset": ((r"davon\b", r"darunter\b", r"von ihnen\b", r"unter ihnen\b"), None),
}
# What happened to the counted (they died, were hurt, went missing, were evacuated or arrested)
# says more than who they are ("Drei Polizisten seien leicht verletzt worden": injured).
EVENT_KINDS = frozenset({"deaths", "injured", "missing", "evacuated", "arrests"})
# A noun right after a preposition is what the counted do, not what they are.
GOVERNED = re.compile(
    r"\b(?:gegen|für|wegen|über|trotz|nach|vor|seit|bei|mit|ohne|um|durch)\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE
)
KIND_PATTERNS = [(kind, re.compile(r"\b(?:" + "|".join(stems) + ")", re.IGNORECASE)) for kind, stems in KINDS.items()]
SCOPE_PATTERNS = [
    (scope, kinds, re.compile(r"\b(?:" + "|".join(stems) + ")", re.IGNORECASE))
    for scope, (stems, kinds) in SCOPES.items()
]
# Units that say the kind by themselves.
MEASURES = {
    "€": "money",
    "Euro": "money",
    "Dollar": "money",
    "$": "money",
    "Franken": "money",
    "%": "percent",
    "Prozent": "percent",
    "Prozentpunkte": "percent",
    "Meter": "length",
    "Zentimeter": "length",
    "Kilometer": "length",
    "km": "length",
    "Liter": "volume",
    "Grad": "temperature",
    "Tonnen": "weight",
    "Stunden": "duration",
    "Tage": "duration",
    "Tagen": "duration",
    "Jahre": "duration",
    "Jahren": "duration",
    "Minuten": "duration",
    "Wochen": "duration",
    "Monate": "duration",
    "Monaten": "duration",
    "Jahrzehnte": "duration",
    "Jahrzehnten": "duration",
    "Uhr": "clock",
}
# Measures that are not a reported quantity of a story (FORMAT §4.1: times and durations).
NOT_FIGURES = frozenset({"duration", "clock"})


def measure(unit: str | None) -> str:
    """The kind of quantity a unit says, in any case: "Liter" and "Litern" are volumes."""
    unit = unit or ""
    found = MEASURES.get(unit)
    if found is None and unit.endswith("n"):
        found = MEASURES.get(unit[:-1])
    return found or "count"


def kind_near(
    text: str, start: int, end: int, number_start: int, number_end: int, skip: tuple[int, int] | None = None
) -> str | None:
    """The kind whose word stands nearest to the number within text[start:end], what happened
    to the counted before who they are (`EVENT_KINDS`). A noun governed by a preposition after
    the number is left out: "Tausende Beschäftigte gegen den geplanten Stellenabbau
    demonstriert" counts protesters, not jobs; so are the words in `skip` (where the clause
    names the source: "nach Unternehmensangaben" says who counted, not what)."""
    best: tuple[bool, int, str] | None = None
    for kind, pattern in KIND_PATTERNS:
        for m in pattern.finditer(text, start, end):
            if skip is not None and skip[0] <= m.start() < skip[1]:
                continue
            if m.start() >= number_end and m.group(0)[0].isupper() and GOVERNED.search(text, number_end, m.start()):
                continue
            rank = (kind not in EVENT_KINDS, abs(m.start() - number_start), kind)
            if best is None or rank < best:
                best = rank
    return best[2] if best else None


def scopes_for(kind: str | None, text: str, start: int, end: int) -> list[str]:
    """The scope marks of text[start:end] that refine quantities of this kind."""
    return [
        scope
        for scope, kinds, pattern in SCOPE_PATTERNS
        if (kinds is None or kind in kinds) and pattern.search(text, start, end)
    ]
