"""The German words that mark reported speech: reporting verbs, subjunctive forms, source frames.

Verb forms are generated from stems so that "sagte", "sagt", "gesagt", "sagten" all count; the
trained morphologizer (Mood=Sub) is preferred for the subjunctive, this lexicon backs it up.
"""

from __future__ import annotations

import re
from functools import cache

from quellenlage.model import Token
from quellenlage.patterns import either_case

# weak verbs: stem -> participle (None: ge + stem + t)
WEAK_REPORTING = {
    "sag": None,
    "erklär": "erklärt",
    "beton": "betont",
    "bericht": "berichtet",
    "warn": None,
    "forder": "gefordert",
    "kritisier": "kritisiert",
    "behaupt": "behauptet",
    "mein": None,
    "bestätig": "bestätigt",
    "erläuter": "erläutert",
    "versicher": "versichert",
    "ergänz": "ergänzt",
    "antwort": "geantwortet",
    "twitter": None,
    "argumentier": "argumentiert",
    "vermut": "vermutet",
    "glaub": None,
    "mahn": None,
    "fürcht": "gefürchtet",
    "befürcht": "befürchtet",
    "hoff": None,
    "bekräftig": "bekräftigt",
    "zitier": "zitiert",
    "klag": None,
    "beklag": "beklagt",
    "monier": "moniert",
    "verkünd": "verkündet",
    "äußer": "geäußert",
    "erzähl": "erzählt",
    "schilder": "geschildert",
    "meld": "gemeldet",
    "dementier": "dementiert",
    "verurteil": "verurteilt",
    "appellier": "appelliert",
    "droh": None,
    "bezeichn": "bezeichnet",
    "kündig": "gekündigt",
    "teil": None,
    "räum": None,
    "füg": None,
    "erinner": "erinnert",
    "signalisier": "signalisiert",
    "bilanzier": "bilanziert",
    "verlautbar": "verlautbart",
    "prognostizier": "prognostiziert",
    "schätz": None,
    "rechn": None,
    "insistier": "insistiert",
    "entgegn": "entgegnet",
    "präzisier": "präzisiert",
    "bestreit": None,
    "verlang": None,
    "beschuldig": "beschuldigt",
    "begründ": "begründet",
    "bedauer": "bedauert",
    "erwähn": "erwähnt",
    "plädier": "plädiert",
    "formulier": "formuliert",
    "würdig": "gewürdigt",
    "spekulier": "spekuliert",
    "kommentier": "kommentiert",
    "resümier": "resümiert",
    "konstatier": "konstatiert",
    "bezweifel": "bezweifelt",
    "beteuer": "beteuert",
    "bekund": "bekundet",
}
STRONG_REPORTING = [
    "sprach",
    "spricht",
    "sprechen",
    "gesprochen",
    "schrieb",
    "schreibt",
    "schreiben",
    "geschrieben",
    "hieß",
    "heißt",
    "heißen",
    "unterstrich",
    "unterstreicht",
    "unterstrichen",
    "hob",
    "hebt",
    "hervorgehoben",
    "versprach",
    "verspricht",
    "versprochen",
    "gab",
    "gibt",
    "zugegeben",
    "bestritt",
    "bestreitet",
    "bestritten",
    "verwies",
    "verweist",
    "verwiesen",
    "wies",
    "weist",
    "hingewiesen",
    "rief",
    "ruft",
    "aufgerufen",
    "nannte",
    "nennt",
    "ließ",
    "lässt",
    "verlauten",
    "verlautete",
    "wusste",
    "riet",
    "rät",
    "geraten",
    "warf",
    "wirft",
    "vorgeworfen",
    "beschrieb",
    "beschreibt",
    "beschrieben",
    "empfahl",
    "empfiehlt",
    "empfehlen",
    "empfohlen",
    "schlug",
    "schlägt",
    "vorgeschlagen",
    "bat",
    "bittet",
    "baten",
    "gebeten",
    "aufgefordert",
    "mitgeteilt",
    "angekündigt",
    "angegeben",
    "angewiesen",
    "bekanntgegeben",
    "bekanntgab",
    "mitteilte",
    "mitteilten",
    "mitteilt",
    "ausführte",
    "ausgeführt",
    "beschloss",
    "beschlossen",
    "entschied",
    "entschieden",
    "lautete",
    "lautet",
    "geheißen",
    "feststellte",
    "festgestellt",
]
# Verbs of demanding, proposing and accusing: their object is whom the words address
# ("forderte die Regierung auf, die Grenze zu öffnen").
DIRECTIVE = re.compile(
    r"(?:auf)?(?:ge)?forder|bat|bitte|gebeten|schlug|schlägt|vorgeschlagen|empf(?:ahl|iehlt|ehlen|ohlen)|appellier"
    r"|rief|ruft|aufgerufen|warf|wirft|vorgeworfen|(?:ge)?beschuldig|(?:an)?(?:ge)?kündig|versprach|versprich|versproch"
    r"|(?:ge)?droh|(?:ge)?warn|riet|rät|geraten|(?:ge)?verlang|angewiesen|(?:ge)?mahn"
)
# Verbs that report an act of speaking without giving its content ("warnt vor …").
SPEECH_ACT = re.compile(
    r"\b(?!droht\b|verglichen\b|(?:ge\w+t|angekündigt)(?:e|en|em|er|es)\b|\w+end(?:e|en|em|er|es)?\b)"
    r"(?:warn|forder|appellier|droh|mahn|bezeichn|kündigt|angekündigt|nannte|nennt|verwies"
    r"|verweist|würdigt|verglich|beziffert|attackiert|versichert|klagt|beklagt|wirft|warf|riet|rät|plädier)"
    r"\w*\b"
    r"|(?:sprach|spricht|sprechen|sprachen|berichtet|berichten|berichtete|berichteten)(?=\s+(?:[\w-]+\s+){0,4}?von\b)"
)
# Words that introduce reported content in a dependent clause.
COMPLEMENTIZERS = frozenset({"dass", "ob", "wie", "warum", "weshalb"})

SUBJUNCTIVE = frozenset(
    [
        "sei",
        "seiest",
        "seien",
        "seiet",
        "habe",
        "hätte",
        "hätten",
        "hättest",
        "werde",
        "würde",
        "würden",
        "wäre",
        "wären",
        "könne",
        "könnte",
        "könnten",
        "müsse",
        "müssten",
        "solle",
        "wolle",
        "dürfe",
        "dürften",
        "möge",
        "gebe",
        "gäbe",
        "gäben",
        "bedeute",
        "befänden",
        "befinde",
        "befände",
        "stehe",
        "stünde",
        "gehe",
        "ginge",
        "komme",
        "käme",
        "kämen",
        "liege",
        "läge",
        "lägen",
        "sehe",
        "wisse",
        "brauche",
        "plane",
        "arbeite",
        "zeige",
        "bleibe",
        "führe",
        "trage",
        "halte",
        "lasse",
        "nehme",
        "stelle",
        "bringe",
        "suche",
        "drohe",
        "fehle",
        "verfüge",
        "handele",
        "handle",
        "gelte",
        "bestehe",
        "entstehe",
        "erwarte",
        "kenne",
        "wolle",
        "könne",
        "beabsichtige",
        "unterstütze",
        "lehne",
        "verurteile",
        "fordere",
        "arbeite",
        "denke",
        "glaube",
        "rechne",
        "habe",
    ]
)
# Konjunktiv II of strong and mixed verbs that the indicative never has ("brächten", "stünden";
# not "ließen", "hielten", which are also preterites).
SUBJUNCTIVE |= frozenset(
    {"brächte", "brächten", "stünde", "stünden", "stände", "ständen", "ginge", "hielte", "ließe", "bliebe", "fiele"}
    | {"wüsste", "wüssten", "sähe", "sähen", "täte", "täten", "gälte", "gälten"}
)

# A source named in a frame: "der Deutschen Presse-Agentur", "Augenzeugen", "dem Magazin „Der Spiegel“".
NAME_WORD = (
    r"(?:„[A-ZÄÖÜ0-9][^“]{0,40}“|(?:Prof|Dr|Dipl|[A-ZÄÖÜ])\.(?=\s+[A-ZÄÖÜ])|[A-ZÄÖÜ][\w-]*|"
    r"[a-z][\w-]*\.(?:de|com|net|org|at|ch)\b|[a-z]+-[A-ZÄÖÜ][\w-]*|\([A-ZÄÖÜ][\w/.-]{0,15}\))"
)
SOURCE_WORDS = rf"(?:[a-zäöüß-]+(?:e|en|em|er|es)\s+)*{NAME_WORD}(?:(?<!“)\s+{NAME_WORD})*"  # a quoted name ends it
SOURCE_PHRASE = (
    rf"(?:(?:de[rmns]|die|das|einem|einer|eines|diese[mnrs]?|jene[mnrs]?|seine[mnrs]?|ihre[mnrs]?)\s+)?{SOURCE_WORDS}"
    rf"(?:\s+(?:de[rs]|von)\s+{SOURCE_WORDS})?"
)
# Nouns of information that name a source after "nach"/"laut": "nach Ansicht von …", "nach
# eigenem Bekunden", "nach Zeugenaussagen", and the rules and plans a claim rests on: "Nach dem
# Grundgesetz ist …", "nach dem Willen der Regierung" (learned from the cues of the Wikinews train
# split; "Untersuchung" is left out: after "nach" it is mostly temporal).
INFO_NOUNS = (
    r"angaben|aussagen?|ansicht|auffassung|meinung|einschätzung(?:en)?|schätzung(?:en)?|berichte?n?|informationen"
    r"|erkenntniss(?:en|tand)|darstellung|bekunden|vernehmen|auskunft|auskünften|berechnung(?:en)?|worten"
    r"|stellungnahme|mitteilung|ermittlungen|studie|umfrage|prognose|vorhersage|zählung(?:en)?|statistik(?:en)?"
    r"|quellen|zahlen|überzeugung|recherchen|beobachtungen|schilderung(?:en)?|endergebnis|meldung(?:en)?"
    r"|dokument|planungen|entwurf|hinweis(?:en)?"
    r"|[\w-]*gesetz(?:es)?|verfassung|dekret|plan|plänen|willen|vorstellung(?:en)?|idee|vorschlag"
    r"|analyse|veröffentlichung|auswertung|medien|hochrechnung(?:en)?|ermittlungsstand"
    # "nach ersten Untersuchungen", not "nach eingehenden Untersuchungen" (afterwards)
    r"|(?:(?<=ersten )|(?<=jüngsten )|(?<=bisherigen )|(?<=neuesten )|(?<=aktuellen ))untersuchungen"
)
ACCORDING_TO = re.compile(
    r"(?:\b(?:(?:[Nn]ach|[Ll]aut)\s+(?P<comp>[A-ZÄÖÜ][\w-]*-(?:Angaben|Informationen|Schätzungen|Berichten|"
    r"Darstellung|Zahlen|Medienberichten|Quellen|Kreisen))"
    r"|(?:[Nn]ach|[Ll]aut|[Gg]emäß)\s+(?P<info>(?:(?:de[mnrs]|einem|einer|eines|diese[mrs]|seine[mr]|ihre[mr]|deren|dessen"
    r"|eigene[mnr])\s+)?(?:(?!Abschluss\b)[A-ZÄÖÜ]\w+s\s+)?(?:[\w-]*[a-zäöüß](?:e|en|em|er|es)\s+){0,2}"
    rf"(?=[A-ZÄÖÜ])[\w-]*?(?i:{INFO_NOUNS})\b(?:\s+(?:de[smr]|von|aus|eines|einer)\s+{SOURCE_PHRASE}|\s+[A-ZÄÖÜ][\w-]+s\b"
    r"|\s+(?:[a-zäöü]+er\s+){1,2}[A-ZÄÖÜ][\w-]+)?"
    r"(?:\s+im\s+(?:[A-ZÄÖÜ][\w-]*\s+)?[A-ZÄÖÜ][\w-]*(?=[\s,.;:]))?)"  # "der Opposition im Iran"
    rf"|[Gg]emäß\s+(?P<per>{SOURCE_PHRASE})"
    rf"|[Ll]aut\s+(?P<laut>{SOURCE_PHRASE})"
    rf"|(?P<zufolge>(?:(?:[Dd]e[mnr]|[Dd]es|[Ee]inem|[Ee]iner)\s+)?{SOURCE_WORDS})\s+zufolge\b"
    r"|[Ww]ie\s+(?P<wie>[^,.;:]{2,60}?)\s+(?P<wie_verb>[a-zäöüß]+)(?:\s+(?:hat|hatte|haben|hatten|habe|wurde))?(?=\s*[,.]))"
    # the relative source after a comma needs no word boundary: "die Agentur „Interfax“, wonach …"
    r"|,\s+(?P<relative>wonach|nach\s+(?:denen|welchem|welcher)|laut\s+(?:denen|dem|der)|(?:denen|dem|der)\s+zufolge)\s"
    r"|\b(?P<demnach>[Dd]emnach)\b"
    r"|\b(?P<meinung>(?:[Ss]einer|[Ii]hrer|[Dd]eren|[Dd]essen)\s+(?:Meinung|Ansicht|Auffassung|Einschätzung"
    r"|Überzeugung|Angaben)\s+nach)\b)"
)
# The information noun and its modifiers before the source: "offiziellen Angaben der" Polizei.
INFO_HEAD = re.compile(rf"^(?:[\w-]+\s+){{0,3}}?[\w-]*?(?i:{INFO_NOUNS})\s+(?:(?:von|aus|de[smr]|eines|einer)\s+)?")
# "nach eigenen Angaben": the source is the subject of the sentence.
OWN_ACCOUNT = re.compile(r"^(?:eigene[mnr]?|seine[mnr]?|ihre[mnr]?|deren|dessen)\s+\S+$")
# "heißt es in der Erklärung", "Im Bericht heißt es": the document is the source.
SAID_IN = re.compile(
    r"\b(?:hieß|heißt)\s+es\s+(?:(?:dazu|weiter|auch|zudem|wörtlich)\s+)?(?:in|im|aus|von|vom|bei|auf)\s+"
    r"(?:de[mnr]\s+|die\s+|das\s+)?(?P<source>[^,.;:]{2,80})"
    rf"|\b(?:{either_case('in im aus bei auf')})"
    r"\s+(?P<before>[^,.;:„“]{2,80}?)(?:\s*,[^,.;:]{1,120},)?\s+(?:hieß|heißt)\s+es\b"
)
# "…, so der Sprecher." / "…, so Müller.": a frame without verb closing the sentence.
# Also set in the middle: "Sein Rivale, so Obama weiter, würde Spenden erhalten."; a source in
# lower case ("…, so letztere.") only at the end, where an apposition may follow ("…, so Ursula
# Castrup, die Leiterin der Fachstelle.").
SO_FRAME = re.compile(
    r"(?:,|\s[–-])\s+so\s+(?!dass\b|wie\b|auch\b)(?P<source>(?:(?:de[rmns]|die|das|eine[rm]?)\s+)?(?:[A-ZÄÖÜ]|[a-zäöüß](?=[^,]*$))"
    r"(?:[^,.;:„–]|„[^“]{1,60}“){1,120}?)"
    r"(?:(?:,\s+(?:(?:der|die|das|ein|eine)\s+|[A-ZÄÖÜ])[^,.;:„“]{3,100}?)?\s*[.!]?$|\s*[,–](?=\s))"
)
BASIS = re.compile(r"\bunter Berufung auf\s+(?P<basis>[^,.;:]{2,80}?)(?=\s+(?:\w+t|\w+en)\b[,.]|[,.;:])")
HEDGE = re.compile(r"\b(sollen|soll|dürfte|dürften|angeblich|mutmaßlich\w*|offenbar|vermutlich|Berichten zufolge)\b")
# Words that say nobody could check what is reported: the statement is unverified, whoever made it.
UNVERIFIED = re.compile(
    r"\b(?:nicht\s+(?:unabhängig\s+)?(?:überprüf|bestätig|verifizier)\w*|unbestätigt\w*|ließen?\s+sich\s+nicht"
    r"\s+(?:unabhängig\s+)?(?:überprüfen|bestätigen|verifizieren))",
    re.IGNORECASE,
)


def is_finite_verb(token: Token) -> bool:
    """A finite verb by the model's morphology: the tagger marks VerbForm=Fin, or at least a
    mood ("sagte": Mood=Ind without VerbForm), which only finite forms have."""
    return token.pos in ("VERB", "AUX") and ("VerbForm=Fin" in token.morph or "Mood=" in token.morph)


# Singular preterites of the strong verbs above; their plurals add -en ("sprachen", "wiesen").
STRONG_PRETERITES = (
    "sprach", "schrieb", "hieß", "unterstrich", "hob", "versprach", "gab", "bestritt", "verwies", "wies", "rief",
    "nannte", "ließ", "wusste", "riet", "warf", "beschrieb", "empfahl", "schlug",
)  # fmt: skip
# Separable reporting verbs, written as one word at the end of a subordinate clause ("…, der
# der Regierung vorwarf, …", "wie das Amt mitteilte"): particle -> the finite forms it joins.
JOINED_PARTICLES = {
    "an": ("kündigte", "kündigten", "kündigt", "gab", "gaben", "gibt"),
    "hin": ("wies", "wiesen", "weist"),
    "ein": ("räumte", "räumten", "räumt"),
    "hinzu": ("fügte", "fügten", "fügt"),
    "zurück": ("wies", "wiesen", "weist"),
    "vor": ("warf", "warfen", "wirft", "schlug", "schlugen", "schlägt"),
    "auf": ("forderte", "forderten", "fordert", "rief", "riefen", "ruft"),
    "hervor": ("hob", "hoben", "hebt"),
    "zu": ("gab", "gaben", "gibt"),
    "klar": ("stellte", "stellten", "stellt"),
}


@cache
def reporting_forms() -> frozenset[str]:
    """Every inflected form of the reporting verbs, lowercase."""
    forms = set(STRONG_REPORTING)
    forms.update(form + ("n" if form.endswith("e") else "en") for form in STRONG_PRETERITES)  # "warfen", "nannten"
    forms.update(particle + form for particle, joined in JOINED_PARTICLES.items() for form in joined)
    for stem, participle in WEAK_REPORTING.items():
        e = "e" if stem.endswith(("t", "d", "chn", "gn")) else ""
        forms.update({stem + "e", stem + "en", stem + e + "t", stem + e + "te", stem + e + "ten"})
        forms.add(participle or f"ge{stem}{e}t")
    return frozenset(forms)


def is_reporting_verb(word: str, lemma: str = "") -> bool:
    lowered = word.lower()
    return lowered in reporting_forms() or (bool(lemma) and lemma.lower() in _reporting_lemmas())


@cache
def _reporting_lemmas() -> frozenset[str]:
    lemmas = {stem + ("n" if stem.endswith(("er", "el")) else "en") for stem in WEAK_REPORTING}
    lemmas.update({"sprechen", "schreiben", "heißen", "unterstreichen", "hervorheben", "versprechen"})
    return frozenset(lemmas)
