"""Quotation constructions of German news prose, one by one."""

from __future__ import annotations

import pytest

from quellenlage import analyze
from quellenlage.attribution.cue_spans import cue_in
from quellenlage.model import Quote, Span


def quotes(text: str) -> list[Quote]:
    return analyze(text, published="2024-11-04", force=True).quotes


def mention(quote: Quote) -> str | None:
    """The words that name the quote's speaker."""
    span = speaker_mention(quote)
    return span.text if span is not None else None


def speaker_mention(quote: Quote) -> Span | None:
    return quote.speaker.mention if quote.speaker is not None else None


def speaker(quote: Quote) -> str | list[str] | None:
    if quote.speaker is None:
        return None
    if quote.speaker.members:
        return [s.name for s in quote.speaker.members]
    return quote.speaker.name


@pytest.mark.parametrize("opening,closing", [("„", "“"), ('"', '"'), ("»", "«"), ("«", "»")])
def test_direct_quote_with_any_quote_marks(opening: str, closing: str) -> None:
    text = f"{opening}Wir werden die Ukraine weiter unterstützen{closing}, sagte Olaf Scholz am Montag in Berlin."
    [quote] = quotes(text)
    assert (quote.kind, speaker(quote), quote.content.text) == (
        "direct",
        "Olaf Scholz",
        "Wir werden die Ukraine weiter unterstützen",
    )
    assert quote.cue is not None and quote.cue.text == "sagte"


def test_direct_quote_across_sentences_with_speaker_in_next_paragraph() -> None:
    text = (
        "„Wir lassen uns nicht länger hinhalten. Die Beschäftigten haben lange genug gewartet.“\n"
        "Das sagte Olaf Scholz der Deutschen Presse-Agentur."
    )
    [quote] = quotes(text)
    assert quote.kind == "direct" and speaker(quote) == "Olaf Scholz"
    assert quote.content.text.endswith("lange genug gewartet")


def test_indirect_speech_frame_first_and_last() -> None:
    first, last = quotes(
        "Emmanuel Macron sagte am Dienstag, Frankreich werde die Hilfe verdoppeln. "
        "Die Lage sei ernst, erklärte Wladimir Putin."
    )
    assert (first.kind, speaker(first), first.content.text) == (
        "indirect",
        "Emmanuel Macron",
        "Frankreich werde die Hilfe verdoppeln",
    )
    assert (last.kind, speaker(last), last.content.text) == ("indirect", "Wladimir Putin", "Die Lage sei ernst")
    assert first.mood == "Sub"


def test_free_standing_subjunctive_continues_the_speaker() -> None:
    found = quotes("Olaf Scholz sagte, die Regierung sei handlungsfähig. Der Haushalt stehe bis Ende des Jahres.")
    assert [speaker(q) for q in found] == ["Olaf Scholz", "Olaf Scholz"]
    assert found[1].cue is None


def test_a_long_first_field_does_not_hide_the_subjunctive() -> None:
    """The finite verb of the main clause may stand late; subordinate clauses do not count."""
    text = (
        "Olaf Scholz sagte, die Regierung sei handlungsfähig. Nach dem langen Streit um den Haushalt im"
        " Sommer jedoch sei die Koalition wieder einig. Die Regierung, die er führt, hatte gestern getagt."
    )
    found = quotes(text)
    assert [q.content.text for q in found] == [
        "die Regierung sei handlungsfähig",
        "Nach dem langen Streit um den Haushalt im Sommer jedoch sei die Koalition wieder einig",
    ]
    assert speaker(found[1]) == "Olaf Scholz"


@pytest.mark.parametrize(
    "sentence,source,claim",
    [
        ("Es gibt auch Gerüchte, nach denen der Sänger an Krebs litt.", "Gerüchte", "der Sänger an Krebs litt"),
        ("Für 2002 gibt es eine Schätzung, wonach 53.000 Kinder starben.", "eine Schätzung", "53.000 Kinder starben"),
    ],
)
def test_a_relative_frame_sources_what_follows_it(sentence: str, source: str, claim: str) -> None:
    [quote] = quotes(sentence)
    assert quote.kind == "according_to" and quote.content.text == claim
    assert mention(quote) == source


def test_what_became_known_is_reported_without_a_speaker() -> None:
    [quote] = quotes("Im Mai wurde bekannt, dass die Sparte an einen finnischen Konzern verkauft wird.")
    assert (quote.kind, quote.speaker, quote.content.text) == (
        "indirect",
        None,
        "dass die Sparte an einen finnischen Konzern verkauft wird",
    )
    assert quote.frame is not None and quote.frame.text == "Im Mai wurde bekannt"


def test_a_run_with_one_subjunctive_sentence_is_reported_speech() -> None:
    text = (
        "Der Polizeisprecher sagte, es habe einen Einbruch gegeben. Der Täter soll durch ein Fenster gestiegen"
        " sein. Zuerst habe er die Kasse geleert."
    )
    found = quotes(text)
    assert found[-1].content.text.startswith("Der Täter soll") and found[-1].mood == "Sub"


def test_pronoun_speaker_is_the_last_person_named() -> None:
    text = "Olaf Scholz traf am Montag Emmanuel Macron. Die Gespräche seien gut gewesen, sagte er."
    [quote] = quotes(text)
    assert mention(quote) == "er"
    assert speaker(quote) == "Emmanuel Macron"  # the last person named before the pronoun


@pytest.mark.parametrize(
    "sentence,source",
    [
        ("Laut Bundesregierung wurden 300 Menschen evakuiert.", "Bundesregierung"),
        ("Der Bundesregierung zufolge wurden 300 Menschen evakuiert.", "Bundesregierung"),
        ("Nach Angaben der Polizei wurden 300 Menschen evakuiert.", "Polizei"),
        ("Nach US-Angaben wurden 300 Menschen evakuiert.", "Vereinigte Staaten"),
        ("Laut diesem Zeugen wurden 300 Menschen evakuiert.", "Zeugen"),
        ("Laut nationalem statistischen Institut wurden 300 Menschen evakuiert.", "nationalem statistischen Institut"),
    ],
)
def test_according_to_frames_name_the_source(sentence: str, source: str) -> None:
    [quote] = quotes(sentence)
    assert quote.kind == "according_to" and speaker(quote) == source
    [claim] = analyze(sentence, force=True).claims
    assert claim.value == 300 and claim.source is not None and claim.source.name == source  # type: ignore[union-attr]


def test_closing_so_frame() -> None:
    [quote] = quotes("Die Zahl der Opfer könnte weiter steigen, so Wladimir Putin.")
    assert (quote.kind, speaker(quote)) == ("indirect", "Wladimir Putin")


def test_unnamed_speaker_keeps_its_words() -> None:
    [quote] = quotes("Ein Sprecher des Ministeriums sagte, die Lage sei unter Kontrolle.")
    assert speaker(quote) == "Sprecher des Ministeriums"
    assert quote.speaker is not None and quote.speaker.id is None  # type: ignore[union-attr]


def test_scare_quotes_without_a_speaker_are_no_quotation() -> None:
    assert quotes('Das sogenannte "Sondervermögen" wurde im Jahr 2022 beschlossen.') == []


def test_description_resolves_to_the_last_bearer_of_the_role() -> None:
    text = "Bundeskanzler Olaf Scholz traf am Montag in Berlin Gäste. Der Kanzler sagte, die Lage sei ernst."
    [quote] = quotes(text)
    assert speaker(quote) == "Olaf Scholz"
    assert mention(quote) == "Der Kanzler"


@pytest.mark.parametrize(
    "sentence,addressee,medium",
    [
        (
            "Die Lage sei ernst, sagte Olaf Scholz der Deutschen Presse-Agentur.",
            "der Deutschen Presse-Agentur",
            "speech",
        ),
        ("Wladimir Putin erklärte gegenüber CNN, er werde nicht nachgeben.", "CNN", "speech"),
        ("Olaf Scholz schrieb der „Süddeutschen Zeitung“, er sei zufrieden.", "der „Süddeutschen Zeitung“", "writing"),
    ],
)
def test_addressee_and_medium(sentence: str, addressee: str, medium: str) -> None:
    [quote] = quotes(sentence)
    assert quote.addressee is not None and quote.addressee.text == addressee
    assert quote.medium == medium


def test_the_object_of_a_demand_is_its_addressee_whatever_case_the_tagger_guessed() -> None:
    [quote] = quotes("Die Lage ist neu. Der Fraktionschef forderte die SPD im Bundestag auf, stärker zu sparen.")
    assert quote.addressee is not None and quote.addressee.text == "die SPD"


@pytest.mark.parametrize(
    "sentence,source",
    [
        ("Nach Ansicht der Polizei war der Fahrer zu schnell unterwegs.", "Polizei"),
        ("Nach eigenen Angaben hat die Firma 300 Stellen gestrichen.", None),
        ("Nach Zeugenaussagen brannte das Haus schon am Morgen.", None),
    ],
)
def test_according_to_information_nouns(sentence: str, source: str | None) -> None:
    [quote] = quotes(sentence)
    assert quote.kind == "according_to"
    if source:
        assert speaker(quote) == source


def test_demand_with_infinitive_content() -> None:
    [quote] = quotes("Die Opposition forderte die Regierung auf, die Grenzen sofort zu öffnen.")
    assert (quote.kind, quote.content.text) == ("indirect", "die Grenzen sofort zu öffnen")
    assert quote.cue is not None and quote.cue.text == "forderte"


def test_refusing_is_no_speech() -> None:
    text = "Wladimir Putin hat sich wiederholt geweigert, Berichte über die Soldaten zu dementieren."
    assert [q.kind for q in quotes(text)] == []


def test_statement_sourced_by_the_next_sentence() -> None:
    first, *_ = quotes("Die Enten waren mit dem Virus infiziert. Das erklärte Olaf Scholz am Montag in Berlin.")
    assert (first.kind, speaker(first), first.content.text) == (
        "indirect",
        "Olaf Scholz",
        "Die Enten waren mit dem Virus infiziert",
    )


def test_conditional_continues_only_right_after_a_quotation() -> None:
    found = quotes("Olaf Scholz sagte, die Regierung sei handlungsfähig. Ohne Einigung wäre der Haushalt gescheitert.")
    assert [speaker(q) for q in found] == ["Olaf Scholz", "Olaf Scholz"]
    assert quotes("Ohne Einigung wäre der Haushalt gescheitert.") == []


def test_verbatim_words_stay_inside_the_reported_quote() -> None:
    [quote] = quotes('Olaf Scholz sagte, der Einsatz bedeute eine "gefährliche Ausweitung" des Krieges.')
    assert quote.kind == "indirect"
    assert [words.text for words in quote.verbatim] == ["gefährliche Ausweitung"]


def test_a_run_of_reported_sentences_is_one_quotation() -> None:
    found = quotes(
        "Olaf Scholz sagte, die Regierung sei handlungsfähig. Der Haushalt stehe. Die Renten seien sicher.\n"
        "Die Opposition sei zerstritten."
    )
    assert [q.content.text for q in found] == [
        "die Regierung sei handlungsfähig",
        "Der Haushalt stehe. Die Renten seien sicher",
        "Die Opposition sei zerstritten",
    ]


def test_opening_quote_mark_after_a_full_stop_starts_the_next_quotation() -> None:
    first, second = quotes(
        "„Wir befürchten das Schlimmste“, sagte Olaf Scholz. „Es sind jetzt massive Polizeieinheiten in der Stadt.“"
    )
    assert second.content.text == "Es sind jetzt massive Polizeieinheiten in der Stadt"
    assert speaker(second) == speaker(first) == "Olaf Scholz"


def test_a_sentence_ending_in_a_number_ends_before_the_next_one() -> None:
    """ "1.000." is no ordinal when an article follows: the next sentence is not the source's claim."""
    text = "Nach Polizeiangaben waren es zirka 1.000. Zu der Demonstration hatten 20 Gruppen aufgerufen."
    sentences = analyze(text, force=True).sentences
    assert [s.text for s in sentences] == [
        "Nach Polizeiangaben waren es zirka 1.000.",
        "Zu der Demonstration hatten 20 Gruppen aufgerufen.",
    ]
    [quote] = quotes(text)
    assert quote.kind == "according_to" and quote.content.text.endswith("zirka 1.000")
    assert [s.text for s in analyze("Am 3. Mai kam der 1. FC Köln.", force=True).sentences] == [
        "Am 3. Mai kam der 1. FC Köln."
    ]


def test_low_double_quote_closed_by_right_double_quote() -> None:
    [quote] = quotes("Olaf Scholz sagte dazu: „Lohnverzicht bringt den Arbeitslosen überhaupt nichts”.")
    assert (quote.kind, quote.content.text) == ("direct", "Lohnverzicht bringt den Arbeitslosen überhaupt nichts")


def test_reported_speech_without_a_known_speaker_is_still_reported() -> None:
    [quote] = quotes("Der Kleinbus sei auf dem Weg nach Chivay in einen Abgrund gestürzt.")
    assert (quote.kind, quote.speaker, quote.mood) == ("indirect", None, "Sub")


def test_titles_in_quotation_marks_are_nobodys_words() -> None:
    assert quotes("Olaf Scholz las am Abend aus „Nackt unter Wölfen“ vor.") == []
    assert [q.kind for q in quotes("Olaf Scholz sagte der „Frankfurter Allgemeinen Zeitung“, er sei zufrieden.")] == [
        "indirect"
    ]


def test_a_colon_announces_a_direct_quotation_after_a_long_frame() -> None:
    text = (
        "Die Opposition kritisierte den Besuch. So sagte der SPD-Vorsitzende Sigmar Gabriel: "
        "„Ich finde, das reicht.“ Danach ging es weiter."
    )
    [quote] = quotes(text)
    assert (quote.kind, speaker(quote), quote.content.text) == ("direct", "Sigmar Gabriel", "Ich finde, das reicht")


def test_speech_noun_introduces_reported_content() -> None:
    [quote] = quotes("Olaf Scholz begegnete dem Antrag mit der Begründung, dass das Geld fehle.")
    assert (quote.kind, speaker(quote), quote.content.text) == ("indirect", "Olaf Scholz", "dass das Geld fehle")


def test_hearsay_soll_continues_only_right_after_a_quotation() -> None:
    found = quotes("Olaf Scholz sagte, die Regierung sei handlungsfähig. Der Club soll in die Serie B absteigen.")
    assert [(q.content.text, speaker(q)) for q in found] == [
        ("die Regierung sei handlungsfähig", "Olaf Scholz"),
        ("Der Club soll in die Serie B absteigen", "Olaf Scholz"),
    ]
    assert quotes("Der Club soll in die Serie B absteigen.") == []


def test_any_full_verb_before_dass_frames_reported_content() -> None:
    [quote] = quotes("Die Weltgesundheitsorganisation hält es für unwahrscheinlich, dass man sich ansteckt.")
    assert quote.content.text == "dass man sich ansteckt"
    assert quote.cue is not None and quote.cue.text == "hält"
    assert speaker(quote) == "Weltgesundheitsorganisation"
    assert quotes("Der Regen führte dazu, dass die Straße gesperrt wurde.") == []


def test_verb_cue_in_pieces() -> None:
    [quote] = quotes("Die Betreiberfirma teilte am Montag mit, der Reaktor sei abgeschaltet worden.")
    assert quote.cue is not None and quote.cue.text == "teilte"
    assert [part.text for part in quote.cue_parts] == ["mit"]
    [quote] = quotes("Die Polizei hat am Montag erklärt, der Täter sei gefasst.")
    assert [part.text for part in quote.cue_parts] == ["hat"]
    [quote] = quotes("Laut Polizei ist der Täter gefasst.")
    assert quote.cue_parts == []


def test_the_document_of_heisst_es_is_the_speakers_mention() -> None:
    [quote] = quotes("In der Erklärung der Nato heißt es, die Lage sei ernst.")
    assert mention(quote) == "der Erklärung der Nato"
    assert speaker(quote) == "NATO"
    [quote] = quotes("Die Lage sei ernst, heißt es in einer Erklärung der Nato.")
    assert mention(quote) == "einer Erklärung der Nato"


def test_a_quoted_name_does_not_end_the_frame() -> None:
    [quote] = quotes("Die Zeitung „Yemen Observer“ berichtet, die Verhandlungen seien gescheitert.")
    assert quote.frame is not None and quote.frame.text.startswith("Die Zeitung „Yemen Observer“ berichtet")


def test_a_closing_wie_frame_keeps_the_apposition_of_its_subject() -> None:
    [quote] = quotes("Die Chemikalie sei unter Druck gewesen, wie Burt Rutan, Chef der Firma, mitteilte.")
    assert quote.content.text == "Die Chemikalie sei unter Druck gewesen"
    assert mention(quote) is not None and mention(quote).startswith("Burt Rutan")


def test_a_subjunctive_clause_before_dass_is_reported_as_a_whole() -> None:
    found = quotes(
        "Der Minister sagte, die Lage sei ernst. "
        "Das Ministerium habe Angst gehabt, dass die Truppen angegriffen würden."
    )
    assert found[-1].content.text.startswith("Das Ministerium habe Angst gehabt")
    assert speaker(found[-1]) == "Minister"


def test_subjunctive_main_clause_after_a_leading_subordinate_clause() -> None:
    found = quotes(
        "Der Wetterdienst sagte, es werde stürmisch. "
        "Da Deutschland am Rand eines Tiefs liege, werde milde Luft herangeführt."
    )
    assert found[-1].content.text.endswith("werde milde Luft herangeführt")


def test_addressee_by_case_and_gegenueber() -> None:
    [quote] = quotes("Der Bundestagspräsident hat in einem Brief den Abgeordneten mitgeteilt, die Sitzung falle aus.")
    assert quote.addressee is not None and quote.addressee.text == "den Abgeordneten"
    [quote] = quotes("Die Lage sei ernst, sagte der Minister gegenüber einem Reporter.")
    assert quote.addressee is not None and quote.addressee.text == "einem Reporter"


def test_the_next_sentence_points_back_with_any_reporting_verb() -> None:
    [quote] = quotes("Die Refinanzierung erfolgt über die Maut. Das gab Bundesverkehrsminister Manfred Stolpe bekannt.")
    assert quote.content.text == "Die Refinanzierung erfolgt über die Maut"
    assert speaker(quote) == "Manfred Stolpe"
    [quote] = quotes("Der Konzern plant eine Umwandlung. Dies geht aus einer Pressemitteilung des Konzerns hervor.")
    assert mention(quote) == "einer Pressemitteilung des Konzerns"


def test_a_source_opening_the_sentence_takes_it_whole() -> None:
    [quote] = quotes(
        "Nach Angaben der Polizei habe der Mann Flugblätter verteilt und verlangt, gegen die Versuche vorzugehen."
    )
    assert quote.kind == "according_to"
    assert quote.content.text.startswith("Nach Angaben der Polizei habe der Mann")


def test_lowercase_web_sources_and_compounds_after_laut() -> None:
    [quote] = quotes("Laut bildblog.de veröffentlichte das Ministerium kürzlich einen Bericht.")
    assert quote.kind == "according_to" and quote.frame is not None and "bildblog.de" in quote.frame.text
    [quote] = quotes("Bei Gewaltverbrechen gibt es aber laut ai-Bericht eine hohe Dunkelziffer.")
    assert quote.kind == "according_to" and quote.frame is not None and quote.frame.text == "laut ai-Bericht"


def test_a_so_frame_set_in_the_middle_of_the_sentence() -> None:
    [quote] = quotes("Sein Rivale McCain, so Barack Obama weiter, würde massiv Spenden erhalten.")
    assert speaker(quote) == "Barack Obama"
    assert quote.cue is not None and quote.cue.text == "so"
    assert quote.content.text.startswith("Sein Rivale McCain")


def test_zu_infinitive_after_any_verb_of_saying() -> None:
    [quote] = quotes("In seiner Antrittsrede erklärte Johnson, die Rechte der Arbeitnehmer schützen zu wollen.")
    assert quote.content.text == "die Rechte der Arbeitnehmer schützen zu wollen"
    assert quotes("Die Regierung weigerte sich, die Grenze zu öffnen.") == []


def test_reported_content_ends_before_a_contrasting_narrated_clause() -> None:
    found = quotes("René Préval sagte vor der Presse, Annabi sei tot, doch UN-Sprecher widersprachen ihm.")
    assert found[0].content.text == "Annabi sei tot"


def test_speech_act_needs_its_particle_and_the_active_voice() -> None:
    assert quotes("Unbekannte warfen in Gladbeck einen Böller in ein Auto.") == []
    assert quotes("Weitere Aktionen sind für Montag angekündigt worden.") == []
    [quote] = quotes("Die Behörden warfen Luna Menschenhandel vor.")
    assert quote.kind == "speech_act"


def test_pleading_for_something_is_a_speech_act() -> None:
    [quote] = quotes("Zusammen mit Tim Geithner plädiert Barney Frank für mehr Befugnisse der Notenbank.")
    assert (quote.kind, speaker(quote)) == ("speech_act", "Barney Frank")


@pytest.mark.parametrize(
    "sentence,who",
    [
        ("Die Polizei geht von Suizid aus.", "Die Polizei"),
        ("Er rief die Muslime zum Widerstand auf.", "Er"),
        ("Amnesty International wies auf die Doppelbödigkeit der Erklärungen hin.", "Amnesty International"),
    ],
)
def test_speech_acts_closed_by_their_particle(sentence: str, who: str) -> None:
    [quote] = quotes(sentence)
    assert quote.kind == "speech_act" and mention(quote) == who


def test_a_particle_act_of_a_thing_reports_nobody() -> None:
    assert quotes("Von dem alten Gebäude geht keine Gefahr aus.") == []
    assert quotes("Der Zug ging am Morgen vom Bahnhof aus.") == []
    assert quotes("Die Karten gaben im Saal den Ton an.") == []


def test_a_quoted_name_belongs_to_the_speaker_phrase() -> None:
    [quote] = quotes("Wie die britische Tageszeitung „The Guardian“ berichtete, ist die Lage ernst.")
    assert mention(quote) == "die britische Tageszeitung „The Guardian“"


def test_a_label_after_a_naming_verb_is_a_partial_quote_framed_by_its_clause() -> None:
    [quote] = quotes("SPD-Innenexperte Dieter Wiefelspütz nannte den Bericht eine „Zeitungsente“.")
    assert (quote.kind, quote.content.text) == ("partial", "Zeitungsente")
    assert quote.frame is not None and quote.frame.text == "SPD-Innenexperte Dieter Wiefelspütz nannte den Bericht eine"


def test_a_closing_so_frame_may_name_its_source_in_lower_case() -> None:
    [quote] = quotes("Die Hitze sei schlimm für die Tiere, so letztere.")
    assert quote.cue is not None and quote.cue.text == "so"
    assert quote.content.text == "Die Hitze sei schlimm für die Tiere"


def test_konjunktiv_ii_of_strong_verbs_reports_after_a_frame() -> None:
    [quote] = quotes("Der Sprecher sagte, die Kassen brächten jährlich zwei Milliarden Euro auf.")
    assert quote.content.text == "die Kassen brächten jährlich zwei Milliarden Euro auf"
    assert quote.mood == "Sub"


def test_nested_quotation_marks_stay_inside_the_quotation() -> None:
    found = quotes("„Wir haben mehrere „Small-Business-Unternehmen“ angemeldet und sind zufrieden“, sagte Edmon Chung.")
    assert [q.content.text for q in found if q.kind == "direct"] == [
        "Wir haben mehrere „Small-Business-Unternehmen“ angemeldet und sind zufrieden"
    ]


def test_a_plural_noun_before_a_verb_the_tagger_reads_as_infinitive_is_the_speaker() -> None:
    [quote] = quotes("Beobachter befürchten, dass sich der Konflikt weiter verschärfe.")
    assert mention(quote) == "Beobachter"


def test_a_demonstrative_subject_stands_for_the_last_person() -> None:
    text = "Anlass war die Anzeige des Detektivs Peter Müller. Dieser behauptete, dass Ertel Geld genommen habe."
    [quote] = quotes(text)
    assert mention(quote) == "Dieser"
    assert speaker(quote) == "Peter Müller"


def test_a_frame_without_a_subject_does_not_borrow_the_last_speaker() -> None:
    text = "„Wir bleiben hart“, sagte Olaf Scholz. Es wird befürchtet, dass die Gespräche scheitern."
    found = quotes(text)
    assert [(q.content.text, speaker(q)) for q in found] == [
        ("Wir bleiben hart", "Olaf Scholz"),
        ("dass die Gespräche scheitern", None),
    ]


def test_a_subjunctive_sentence_gives_the_words_of_the_actor_just_named() -> None:
    text = (
        "„Das Urteil ist falsch“, sagte Olaf Scholz. Die Richter prüften den Fall drei Jahre lang. "
        "Kein Vertrag könne die Regierung dazu verpflichten."
    )
    found = quotes(text)
    assert found[-1].content.text == "Kein Vertrag könne die Regierung dazu verpflichten"
    assert mention(found[-1]) == "Die Richter"


def test_a_thing_just_named_gives_no_words() -> None:
    """ "Der Sprengsatz explodierte. Man gehe allen Spuren nach.": somebody's words, not the bomb's."""
    [quote] = quotes("Der Sprengsatz explodierte am Morgen vor dem Rathaus. Man gehe derzeit allen Spuren nach.")
    assert quote.kind == "indirect" and quote.speaker is None


def test_a_finite_verb_after_the_comma_closing_a_quotation_opens_its_frame() -> None:
    text = "„Der Name zeigt, wie wichtig die Anlage ist“, führte er gegenüber dem Onlinedienst space.com aus."
    [quote] = quotes(text)
    assert quote.frame is not None and quote.frame.text.startswith("führte er")
    assert mention(quote) == "er"


def test_a_closing_frame_wins_over_a_reporting_verb_inside_the_reported_words() -> None:
    text = (
        "Einen Plan B für den Fall, dass der Präsident das Gesetz für grundgesetzwidrig erklären sollte, "
        "gäbe es nicht, sagte der SPD-Vorsitzende Franz Müntefering."
    )
    [quote] = quotes(text)
    assert quote.content.text.startswith("Einen Plan B")
    assert speaker(quote) == "Franz Müntefering"


@pytest.mark.parametrize(
    "text,cue",
    [
        ("In der Erklärung heißt es, die Lage sei ernst.", ["heißt", "es"]),
        ("Wie die Polizei mitteilte, sei der Mann festgenommen worden.", ["Wie", "mitteilte"]),
        ("Der Minister forderte die Länder auf, die Grenzen zu öffnen.", ["forderte", "auf"]),
        ("Der Minister war in Berlin und sagte, die Lage sei ernst.", ["sagte"]),
        ("Er fügte hinzu, die Lage sei ernst.", ["fügte", "hinzu"]),
        ("Die Lage ist neu. Er bezeichnete die Lage als „sehr ernst“.", ["bezeichnete", "als"]),
        ("Die Lage ist neu. Er sprach von einer Krise, die lange dauern werde.", ["sprach", "von"]),
        ("Die Lage ist neu. Die Lage sei ernst, so bestätigt das Gericht.", ["so", "bestätigt"]),
        ("Die Lage ist neu. Es wird vermutet, dass der Täter floh.", ["Es", "wird", "vermutet"]),
        (
            "Die Lage ist neu. Wir sind der gegenteiligen Meinung, dass es ernst ist.",
            ["sind", "der", "gegenteiligen", "Meinung"],
        ),
        (
            "Die Lage ist neu. Der Anwalt vertritt die These, dass der Mann unschuldig sei.",
            ["vertritt", "die", "These"],
        ),
    ],
)
def test_cue_parts_follow_the_verb(text: str, cue: list[str]) -> None:
    [quote] = quotes(text)
    assert quote.cue is not None
    parts = sorted([quote.cue, *quote.cue_parts], key=lambda part: part.start)
    assert [part.text for part in parts] == cue


def test_reported_speech_starts_at_the_first_reported_clause_before_dass() -> None:
    [quote] = quotes("Ratzinger sagte, er sei sicher, dass er nicht mehr genügend Kraft habe.")
    assert quote.content.text == "er sei sicher, dass er nicht mehr genügend Kraft habe"


def test_the_subject_of_a_wie_clause_is_found_whatever_case_the_tagger_gives_it() -> None:
    [quote] = quotes("Wie der Focus in seiner Onlineausgabe berichtet, ist der Planet sehr jung.")
    assert mention(quote) == "der Focus in seiner Onlineausgabe"


def test_lower_case_quoted_words_are_someones_words_even_without_a_verb_of_saying() -> None:
    found = quotes("Die Kanzlerin sicherte dabei Johnson ihre „volle Unterstützung“ zu.")
    assert [(q.kind, q.content.text) for q in found] == [("partial", "volle Unterstützung")]
    assert not quotes("Er las im Zug die „Süddeutsche Zeitung“ und „Die Zeit“.")


def test_a_separable_reporting_verb_written_as_one_word_cues_a_relative_clause_frame() -> None:
    text = "Anwesend war auch Ramsey Clark, der der US-Regierung vorwarf, die Aktivisten frei zu lassen."
    [quote] = quotes(text)
    assert quote.cue is not None and quote.cue.text == "vorwarf"
    assert quote.content.text == "die Aktivisten frei zu lassen"


@pytest.mark.parametrize(
    "text,content",
    [
        ("Der Sprecher forderte die Militärjunta auf, die Macht abzugeben.", "die Macht abzugeben"),
        ("Die Taliban warfen ihnen vor, für die Armee gearbeitet zu haben.", "für die Armee gearbeitet zu haben"),
    ],
)
def test_a_demand_or_accusation_frames_its_infinitive_clause(text: str, content: str) -> None:
    [quote] = quotes(text)
    assert (quote.kind, quote.content.text) == ("indirect", content)


@pytest.mark.parametrize(
    "text",
    [
        "Die Regierung bat um Hilfe, um den Weg zu Neuwahlen freizumachen.",
        "Er veröffentlichte ein Buch, in der er seine Angst vor dem Fliegen schilderte.",
    ],
)
def test_purpose_and_prepositional_relative_clauses_are_nobodys_words(text: str) -> None:
    assert not [q for q in quotes(text) if q.kind == "indirect"]


def test_a_closing_frame_does_not_close_over_a_noun_phrase() -> None:
    assert not quotes("Die Regierungspartei Palästinas, die Hamas, kritisierte den Beschluss scharf.")


def test_a_so_frame_between_dashes() -> None:
    [quote] = quotes("Zwar sei es ein wichtiger Schritt – so Canny – , trotzdem sei das Urteil falsch.")
    assert quote.cue is not None and quote.cue.text == "so"
    assert mention(quote) == "Canny"


def test_quotation_marks_around_nothing_quote_nothing() -> None:
    assert not [q for q in quotes("Der Minister nannte den Plan „ “ und lachte.") if q.kind in ("direct", "partial")]


def test_a_comma_after_the_verb_particle_opens_the_reported_words() -> None:
    text = "Die Justizministerin kündigte an, die Aufklärung mit Hochdruck vorantreiben."
    [quote] = quotes(text)
    assert quote.content.text == "die Aufklärung mit Hochdruck vorantreiben"
    assert quote.cue is not None and quote.cue.text == "kündigte"


def test_after_a_quotation_any_main_clause_frames_a_subjunctive_clause() -> None:
    text = "„Wir bleiben hart“, sagte der Anwalt Bruce Cutler. Sein Kollege vertritt die Ansicht, Ted habe gelogen."
    found = quotes(text)
    assert found[-1].content.text == "Ted habe gelogen"
    assert found[-1].cue is not None and found[-1].cue.text == "vertritt"
    assert mention(found[-1]) == "Sein Kollege"


def test_the_speaker_of_a_frame_in_a_subordinate_clause_is_that_clauses_subject() -> None:
    text = "Die Richterin lehnte ab, zumal Verteidiger Wolfgang Dingfelder betont hatte, der Mann sei krank."
    [quote] = quotes(text)
    assert speaker(quote) == "Wolfgang Dingfelder"


def test_a_relative_pronoun_names_the_speaker_of_its_clause() -> None:
    [quote] = quotes("Die Firmen prüfen die Angaben von Peter Müller, der behauptet, den Code geknackt zu haben.")
    assert mention(quote) == "der"
    assert speaker(quote) == "Peter Müller"


def test_a_run_of_reported_sentences_goes_on_in_the_konjunktiv_ii() -> None:
    text = (
        "Der Sprecher sagte, die Lage sei ernst. Die Toten seien identifiziert worden. Sie seien gefesselt gewesen. "
        "Die Leichen hätten am Hotel gelegen."
    )
    found = quotes(text)
    assert found[-1].content.text.endswith("Die Leichen hätten am Hotel gelegen")


def test_a_closing_frame_closes_over_a_long_statement_whose_verb_the_tagger_missed() -> None:
    text = (
        "Die polnische Regierung plane für die Geschädigten ein Programm von zwei Milliarden Złoty "
        "(etwa 500 Millionen Euro), sagte Ministerpräsident Donald Tusk."
    )
    [quote] = quotes(text)
    assert speaker(quote) == "Donald Tusk"


def test_a_dass_clause_ends_where_the_main_clause_resumes() -> None:
    text = "Nachdem bekannt geworden war, dass die Firma ihre Projekte verkauft, stieg die Aktie auf 2,3 Euro."
    [quote] = quotes(text)
    assert quote.content.text == "dass die Firma ihre Projekte verkauft"


def test_a_noun_of_opinion_cues_a_dass_clause() -> None:
    [quote] = quotes("Günter Metzges vom Netzwerk Campact ist der Meinung, dass die Klage nichts verzögern dürfe.")
    assert quote.content.text == "dass die Klage nichts verzögern dürfe"
    assert speaker(quote) == "Günter Metzges"


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Wie „BBC News“ berichtet, sei die Lage ernst.", "„BBC News“"),
        (
            "Zuvor hatte Staatssekretär Matthias Berninger (Grüne) gefordert, die Regeln zu ändern.",
            "Staatssekretär Matthias Berninger (Grüne)",
        ),
        (
            "Die Lage sei ernst, so Frank Karl, Leiter der Abteilung Information.",
            "Frank Karl, Leiter der Abteilung Information",
        ),
        ("Wie die Provinzregierung in Helmand mitteilte, seien zehn Menschen tot.", "die Provinzregierung in Helmand"),
        ("Die Lage ist neu. Einzig Sony gab bekannt, dass die Preise steigen.", "Sony"),
        (
            "Die Lage ist neu. Wie die Premierministerin von Queensland, Anna Bligh, erklärte, habe sie geholfen.",
            "die Premierministerin von Queensland, Anna Bligh",
        ),
        (
            "Die Lage ist neu. Die Interessengemeinschaft Deponiesicherheit (IGDRB), die von der Basler Chemie "
            "gegründet wurde, hat erklärt, dass keine Gefahr bestehe.",
            "Die Interessengemeinschaft Deponiesicherheit (IGDRB)",
        ),
        # a person has no seat: "in Arbutus" is where he spoke
        ("Die Lage ist neu. Die Lage sei ernst, bestätigte Mitt Romney in Arbutus vor Anhängern.", "Mitt Romney"),
        # "in der Debatte", "im Interview": where the words fell, not where the speaker sits
        (
            "Die Lage ist neu. So kritisierte Mariano Rajoy in der Debatte dann auch heftig die Regierung, "
            "es sei der größte Fehler gewesen.",
            "Mariano Rajoy",
        ),
    ],
)
def test_the_speaker_phrase_keeps_quotation_marks_party_and_closing_apposition(text: str, expected: str) -> None:
    [quote] = quotes(text)
    assert mention(quote) == expected


def test_the_subject_of_a_passive_accusation_is_its_addressee() -> None:
    [quote] = quotes("Die drei Männer werden beschuldigt, Mitglieder einer Terrorgruppe zu sein.")
    assert quote.speaker is None
    assert quote.addressee is not None and quote.addressee.text == "Die drei Männer"


def test_an_appeal_addresses_the_object_of_an() -> None:
    [quote] = quotes("Der Minister appellierte an die Lehrkräfte, den Streik zu beenden.")
    assert quote.addressee is not None and quote.addressee.text == "die Lehrkräfte"


def test_a_pronoun_before_the_verb_is_the_subject_not_the_object_after_it() -> None:
    found = quotes("Olaf Scholz war verärgert. Er forderte die SPD im Bundestag auf, stärker auf die Wähler zu hören.")
    assert mention(found[-1]) == "Er"
    assert speaker(found[-1]) == "Olaf Scholz"


def test_an_active_citation_makes_its_object_the_speaker() -> None:
    [quote] = quotes("„Das war ein schwerer Fehler“, zitiert Welt-Online den Minister.")
    assert mention(quote) == "den Minister"


@pytest.mark.parametrize(
    "text",
    [
        "Die Crew entschied sich, da ein Rückflug nach München nicht möglich war, für eine Landung.",
        "Die Firma war in Not geraten, so dass die Produktion im Werk ausgesetzt werden musste.",
        "Da ein Rückflug nach München nicht möglich war, entschied sich der Pilot für Düsseldorf.",
        "Der Verband betonte, wobei je nach Region eine andere App verwendet wird.",
        "Die Aktionen gehen trotz drohender Räumung weiter.",
        "Sie warf das Sportgerät 66,56 Meter weit und siegte so vor der Russin Natalja Sadova.",
    ],
)
def test_adverbial_clauses_around_a_verb_are_nobodys_words(text: str) -> None:
    assert not quotes(text)


def test_a_verb_that_brings_something_about_does_not_cue_its_dass_clause() -> None:
    assert not quotes("Die Polizei verhinderte mit einer Sperre, dass die Demonstranten das Rathaus erreichten.")


def test_a_next_sentence_with_its_own_reported_words_does_not_point_back() -> None:
    text = "Viele Menschen sind eingeschlossen. So berichtete Gary Moore im Fernsehen, er sei im zwölften Stock."
    assert [q.content.text for q in quotes(text)] == ["er sei im zwölften Stock"]


@pytest.mark.parametrize(
    "text,content",
    [
        (
            "Die Opposition beschuldigte die Regierung, die Anschläge verübt zu haben; diese wies die Vorwürfe zurück.",
            "die Anschläge verübt zu haben",
        ),
        (
            "Sie forderten den Konzern auf, die Löhne zu erhöhen, erhielten aber keine Antwort.",
            "die Löhne zu erhöhen",
        ),
    ],
)
def test_reported_words_end_where_the_narrator_goes_on(text: str, content: str) -> None:
    assert [q.content.text for q in quotes(text)] == [content]


@pytest.mark.parametrize(
    "text",
    [
        "Das Objekt, genannt 2003 EL61, umfasst einen Speicher von mindestens 256 Megabyte.",
        "Nach dem Fall in Rumänien ist nun davon auszugehen, dass die Vorfälle nicht begrenzt bleiben.",
    ],
)
def test_naming_and_the_narrators_own_inferences_are_nobodys_words(text: str) -> None:
    assert not quotes(text)


def test_an_according_to_frame_in_a_relative_clause_claims_only_that_clause() -> None:
    text = "Neu im Konzern ist das Emirat Katar, das laut einer dpa-Meldung mit 17 Prozent einsteigen will."
    [quote] = quotes(text)
    assert quote.content.text == "das laut einer dpa-Meldung mit 17 Prozent einsteigen will"


@pytest.mark.parametrize(
    "text,expected",
    [
        pytest.param(
            "Die al-Shabaab wurde von Kenias Regierung beschuldigt, die Anschläge verübt zu haben.",
            "Kenias Regierung",
            id="passive-agent",
        ),
        pytest.param(
            "Ende Januar 2006 verkündete der Verband, dass man sich bewerben werde.", "der Verband", id="not-a-time"
        ),
        pytest.param(
            "Ein Bezirksgericht in Virginia hat das Netzwerk aufgefordert, die Daten herauszugeben.",
            "Ein Bezirksgericht in Virginia",
            id="seat",
        ),
        pytest.param(
            "Die Vergabe wird die letzte sein, wie der Verband am Montag bekannt gab.",
            "der Verband",
            id="subject-of-a-wie-frame",
        ),
        pytest.param(
            "Als die Polizei am Tatort eintraf, erklärte der Bürgermeister den Reportern:"
            " „Wir werden alles tun, um die Täter zu finden.“",
            "der Bürgermeister",
            id="not-from-an-adverbial-clause",
        ),
        pytest.param(
            "C.Y. Leung, der am Montag in der an Hongkong grenzenden Provinz Guandong war, sagte,"
            " dass er auf ein friedliches Ende der Proteste hoffe.",
            "C.Y. Leung",
            id="not-from-a-closed-relative-clause",
        ),
        pytest.param(  # the official speaks, not the police named in his description
            "Die Polizei griff durch. Ein Beamter der Nationalpolizei: „Hier weiß man, wer die Kriminellen sind.“",
            "Ein Beamter der Nationalpolizei",
            id="colon-frame-of-a-noun-phrase",
        ),
        pytest.param(
            "Der Rat tagte lange. Am Ende sagte Olaf Scholz, Präsident des Rats: „Das Gesetz gehört abgeschafft.“",
            "Olaf Scholz, Präsident des Rats",
            id="apposition-before-a-colon",
        ),
        pytest.param(  # the tagger reads the plural present as an infinitive
            "Die Lage ist neu. Analysten erwarten, dass der Preis weiter steigt.", "Analysten", id="bare-plural"
        ),
        pytest.param(  # ... and a bare plural as an accusative
            "Die Lage ist neu. Vertraute der Insassen berichteten, dass beide häufig gemeinsam gefischt hätten.",
            "Vertraute der Insassen",
            id="bare-plural-read-as-accusative",
        ),
        pytest.param(
            "Die Lage ist neu. Die Lage sei ernst, sagte ein IWF-Sprecher aus Washington.",
            "ein IWF-Sprecher aus Washington",
            id="affiliation-with-aus",
        ),
        pytest.param(  # a pronoun has no affiliation, and a name ends before the full stop
            "Die Lage ist neu. Die Preise müssten sinken, forderte er vom Gemeinsamen Bundesausschuss.",
            "er",
            id="pronoun-without-affiliation",
        ),
        pytest.param(  # a plural object before a singular verb
            "Die Lage ist neu. Die Äußerungen der Richter bezeichnete Wiefelspütz als „Knaller aus Karlsruhe“.",
            "Wiefelspütz",
            id="object-first-by-number",
        ),
        pytest.param(  # ... and a singular one before a plural verb
            "Die Lage ist neu. Das Gutachten bezeichneten die Grünen als „Skandal ohne Beispiel“.",
            "die Grünen",
            id="object-first-by-number-singular",
        ),
        pytest.param(  # a medium cites the person after it
            "Die Lage ist neu. „Das wird das größte Update“, zitiert die „Computerwoche“ Lynch in einem Bericht.",
            "Lynch",
            id="whom-a-medium-cites",
        ),
        pytest.param(
            "Die Lage ist neu. Zudem wurde die Bundesregierung vom LSVD aufgefordert, die Regeln zu ändern.",
            "LSVD",
            id="agent-of-a-passive-demand",
        ),
        pytest.param(
            "Die Lage ist neu. Einer der 13 beteiligten Feuerwehrmänner sagte: „Ich habe viele Brände gesehen.“",
            "Einer der 13 beteiligten Feuerwehrmänner",
            id="one-of-a-group",
        ),
        pytest.param(  # the article is nominative, though the tagger reads "Website" as accusative
            "Die Lage ist neu. Weiter berichtet die Website des Senders, dass ein Testament erschienen sei.",
            "die Website des Senders",
            id="nominative-article-after-the-verb",
        ),
        pytest.param(
            "Die Lage ist neu. Wie die „Aktion Deutschland hilft“ heute mitteilte, seien Helfer vor Ort.",
            "die „Aktion Deutschland hilft“",
            id="verb-inside-a-quoted-name",
        ),
    ],
)
def test_the_speaker_is_the_subject_of_the_frame(text: str, expected: str) -> None:
    [quote] = quotes(text)
    assert mention(quote) == expected


def test_a_neuter_demonstrative_before_the_verb_is_what_is_said_not_who_says_it() -> None:
    found = quotes("Dies bestätigte Stoiber heute in München. Damit seien „der Kurs und die Richtung nicht mehr klar“.")
    assert speaker(found[-1]) == "Stoiber"


def test_a_partial_quote_before_its_verb_is_framed_by_the_clause() -> None:
    [quote] = quotes("Seine Werke werden von Musikkennern als „Meilensteine der Musikgeschichte“ bezeichnet.")
    assert quote.kind == "partial"
    assert quote.frame is not None and quote.frame.text.startswith("Seine Werke werden von Musikkennern als")


def test_an_editorial_note_is_no_cue() -> None:
    text = "Der Träger des „Sacharow-Preises für geistige Freiheit“ sitzt im Gefängnis (Wikinews berichtete)."
    assert quotes(text) == []


def test_a_quotation_going_on_after_someones_words_keeps_their_frame_and_speaker() -> None:
    text = (
        "„Es ist erschütternd“, sagte Beck. „Die Menschen hier sind traumatisiert.“ "
        "Der Bürgermeister von Christchurch, Bob Parker, teilte am Abend mit, es gebe Tote."
    )
    found = quotes(text)
    assert found[1].content.text.startswith("Die Menschen")
    assert speaker(found[1]) == "Beck"
    assert found[1].frame is not None and found[1].frame.text == found[0].frame.text


@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "Der 84-jährige Küng, der als Kritiker des Papstes gilt, sagte, die Wahl sei schwierig.",
            "Der 84-jährige Küng",
        ),
        ("Die Krise sei tief. Seiner Meinung nach habe die Aufsicht versagt.", "Seiner Meinung"),
    ],
)
def test_the_speaker_phrase_leaves_out_a_relative_clause_and_the_cue(text: str, expected: str) -> None:
    found = quotes(text)
    assert mention(found[-1]) == expected


def test_a_quoted_name_in_the_frame_of_a_direct_quote_is_part_of_the_frame() -> None:
    [quote] = quotes("„Das wird das größte Flash-Update aller Zeiten“, schreibt die „Computerwoche“.")
    assert quote.cue is not None and quote.cue.text == "schreibt"
    assert mention(quote) == "die „Computerwoche“"


def test_an_according_to_phrase_frames_a_direct_quote_in_its_sentence() -> None:
    found = quotes("Das Erdbeben traf die Stadt. Seiner Ansicht nach „sind wir wohl Zeugen des schwärzesten Tages“.")
    assert found[-1].cue is not None and found[-1].cue.text == "nach"
    assert mention(found[-1]) == "Seiner Ansicht"


def test_a_closing_so_frame_outranks_a_verb_inside_the_reported_words() -> None:
    [quote] = quotes("Man habe als Ursprung der Störungen einen Punkt im Iran festgestellt, so der britische Sender.")
    assert mention(quote) == "der britische Sender"


def test_a_relative_clause_in_the_subject_does_not_give_the_finite_verb() -> None:
    [quote] = quotes(
        "Todor Kolarow, dessen Behörde zuständig ist, sagte, dass fünf Millionen Euro beschlagnahmt wurden."
    )
    assert mention(quote) == "Todor Kolarow"


def test_a_long_frame_without_a_known_cue_word_has_no_cue() -> None:
    line = "Jana Reimers, Meteorologin:"
    assert cue_in(Span(start=0, end=len(line), text=line)) == Span(start=0, end=len(line), text=line)
    frame = "Seine Zuversicht gründet sich auf die Erfahrungen mit der Türkei:"
    assert cue_in(Span(start=0, end=len(frame), text=frame)) is None


@pytest.mark.parametrize(
    "text,addressee",
    [
        ("Der Minister sagte vor der versammelten Presse, die Lage sei ernst.", "der versammelten Presse"),
        ("Der Manager sagte der US-Zeitschrift, die Tour sei lang gewesen.", "der US-Zeitschrift"),
        ("Er sagte in einem Interview mit einem Fernsehsender, dass die Maus tot sei.", "einem Fernsehsender"),
    ],
)
def test_the_addressee_is_the_press_or_the_medium_spoken_to(text: str, addressee: str) -> None:
    [quote] = quotes(text)
    assert quote.addressee is not None and quote.addressee.text == addressee


def test_commenting_is_a_verb_of_saying() -> None:
    [quote] = quotes("Der Analyst Robert Halver kommentierte: „Die Kanzlerin hat die Erwartungen hochgeschraubt.“")
    assert quote.cue is not None and quote.cue.text == "kommentierte"


def test_a_direct_quotation_after_reported_continuations_keeps_the_first_frame() -> None:
    text = (
        "Der Leiter des Programms, Klaus Stöhr, sagte: „Man muss sich vorbereiten.“ "
        "Die Gefahr sei real. „Aber das Virus hat alle Möglichkeiten, sich zu verändern.“"
    )
    found = quotes(text)
    assert found[-1].frame is not None and found[-1].frame.text == found[0].frame.text


def test_a_nominative_article_makes_the_field_before_the_verb_the_speaker() -> None:
    [quote] = quotes("Der 23-jährige Sportler gab bekannt: „Ich war an keiner Schlägerei beteiligt.“")
    assert mention(quote) == "Der 23-jährige Sportler"


def test_a_plain_verb_of_telling_closes_the_sentence_with_a_long_frame() -> None:
    [quote] = quotes(
        "Vor dem Absturz wurde kein Notsignal gesendet, teilte später der Direktor der Behörde, Bagus Puruhito, mit."
    )
    assert quote.content.text == "Vor dem Absturz wurde kein Notsignal gesendet"
    assert mention(quote) is not None and mention(quote).startswith("der Direktor der Behörde")


def test_a_third_person_present_in_e_is_reported_speech_when_the_lemmatizer_does_not_know_it() -> None:
    [quote] = quotes("Die Agentur AP berichtete, der Hubschrauber gehöre einem Waffenfabrikanten.")
    assert quote.content.text == "der Hubschrauber gehöre einem Waffenfabrikanten"
    assert quote.mood == "Sub"


def test_a_closing_frame_may_point_back_with_das() -> None:
    [quote] = quotes("Die Hauptkamera des Teleskops ist ausgefallen, das teilte das Institut in Baltimore mit.")
    assert quote.content.text == "Die Hauptkamera des Teleskops ist ausgefallen"
    assert mention(quote) is not None and mention(quote).startswith("das Institut")


def test_a_subject_with_its_name_in_apposition_is_no_statement_before_a_closing_verb() -> None:
    text = "Die Haushaltspolitikerin von Bündnis 90/Die Grünen, Anja Hajduk, kritisierte die Pläne der Regierung."
    assert [q.kind for q in quotes(text)] in ([], ["speech_act"])


def test_an_according_to_source_keeps_titles_and_initials() -> None:
    [quote] = quotes("Man könne laut Klinikdirektor Prof. Dr. Matthias W. Beckmann vielen Paaren helfen.")
    assert mention(quote) == "Klinikdirektor Prof. Dr. Matthias W. Beckmann"


def test_an_according_to_source_in_the_genitive_plural_without_article() -> None:
    [quote] = quotes("Bei einem Schusswechsel wurde nach Angaben libanesischer Sicherheitskreise eine Person getötet.")
    assert mention(quote) == "Angaben libanesischer Sicherheitskreise"


def test_what_a_study_yields_is_its_claim() -> None:
    [quote] = quotes("Wie eine Studie ergab, trinken viele Kinder bereits vor dem 13. Lebensjahr regelmäßig Alkohol.")
    assert quote.cue is not None and quote.cue.text == "ergab"
    assert mention(quote) == "eine Studie"


def test_a_title_after_a_noun_of_works_is_nobodys_words() -> None:
    assert quotes("Der Komponist schrieb einige Titel zu Stanley Kubricks Film „2001: Odyssee im Weltraum“.") == []


def test_a_question_claims_nothing_even_with_an_according_to_phrase() -> None:
    assert quotes("Welche Vorschläge der Gesetzesnovelle sind Ihrer Meinung nach verfassungswidrig?") == []


def test_after_the_end_of_an_investigation_is_a_time_not_a_source() -> None:
    assert quotes("Nach Abschluss der Ermittlungen beantragte die Staatsanwaltschaft einen Prozess.") == []


def test_a_focus_particle_before_the_subject_does_not_hide_the_speaker() -> None:
    [quote] = analyze(
        "Auch Feinstein argumentierte, Clinton habe so viele Stimmen gewonnen wie niemand zuvor.", force=True
    ).quotes
    assert mention(quote) == "Feinstein"


def test_a_frame_set_into_the_reported_clause_leaves_the_words_around_it_to_the_content() -> None:
    [quote] = quotes("Die Kürzung verstoße, wie schon vom Bundesgerichtshof entschieden, gegen den Grundsatz.")
    assert quote.frame is not None and quote.frame.text == "wie schon vom Bundesgerichtshof entschieden"
    assert quote.content.text.startswith("Die Kürzung verstoße")


def test_a_sentence_pointing_back_is_the_frame_up_to_its_end() -> None:
    [quote] = quotes("Der Minister tritt zurück. Dies bestätigte der Parteivorsitzende am Abend in Berlin.")
    assert quote.content.text == "Der Minister tritt zurück"
    assert quote.frame is not None and quote.frame.text == "Dies bestätigte der Parteivorsitzende am Abend in Berlin"
    assert mention(quote) == "der Parteivorsitzende"


@pytest.mark.parametrize(
    "text,frame",
    [
        pytest.param(
            "„Wir wussten, dass Werder sehr viel investieren würde“, meinte der Trainer der Frankfurter,"
            " Michael Skibbe, in einem Interview.",
            "meinte der Trainer der Frankfurter, Michael Skibbe, in einem Interview",
            id="after-the-words-to-the-sentence-end",
        ),
        pytest.param(
            "Die Lage ist neu. „Das wird das größte Update“, zitiert die „Computerwoche“ Lynch in einem Bericht.",
            "zitiert die „Computerwoche“ Lynch in einem Bericht",
            id="past-a-quoted-name",
        ),
        pytest.param(
            "Die Lage ist neu. Zehn Menschen sind nach Angaben der Opposition im Iran gestorben.",
            "nach Angaben der Opposition im Iran",
            id="source-with-its-seat",
        ),
        pytest.param(
            "Die Lage ist neu. Nach offiziellen Angaben, die nicht überprüft werden können, sind zehn Menschen tot.",
            "Nach offiziellen Angaben, die nicht überprüft werden können",
            id="source-with-its-relative-clause",
        ),
        pytest.param(
            "Die Lage ist neu. Auf der Homepage heißt es zur Begründung, warum man das Bild wählte: "
            "„Das Bild ist schön und passt zu uns allen.“",
            "Auf der Homepage heißt es zur Begründung, warum man das Bild wählte",
            id="said-in-before-a-colon",
        ),
    ],
)
def test_the_frame_is_the_whole_announcing_clause(text: str, frame: str) -> None:
    [quote] = quotes(text)
    assert quote.frame is not None and quote.frame.text == frame


def test_the_frame_before_a_colon_is_the_clause_after_an_earlier_colon() -> None:
    [quote] = quotes(
        "Auch die EU-Kommission kritisierte das Gesetz scharf: So sagte Olli Rehn, EU-Erweiterungskommissar:"
        " „Man kann der Bevölkerung nicht einfach ein Gesetz vorsetzen.“"
    )
    assert quote.frame is not None and quote.frame.text == "So sagte Olli Rehn, EU-Erweiterungskommissar"
    assert speaker(quote) == "Olli Rehn"


def test_the_cue_of_a_passive_frame_takes_its_participle() -> None:
    [quote] = quotes("Vom Ministerium ist am Montag mitgeteilt worden, dass die Schulen geschlossen bleiben.")
    assert quote.cue is not None and quote.cue.text == "mitgeteilt"
    assert [part.text for part in quote.cue_parts] == ["ist", "worden"]


def test_a_quoted_label_after_als_is_someones_word_not_a_title() -> None:
    [quote] = quotes("Die Justizministerin Beate Merk wies dies am Rande einer Tagung als „Unverschämtheit“ zurück.")
    assert quote.kind == "partial" and quote.content.text == "Unverschämtheit"
    assert speaker(quote) == "Beate Merk"


def test_a_source_phrase_in_a_dependent_clause_of_other_words_is_its_own_claim() -> None:
    found = quotes(
        "Die Blauhelme wollen sich nicht beteiligen, weil die UN-Friedensmission nach Angaben der UN"
        " überfordert ist, sagte der Minister."
    )
    assert [q.kind for q in found] == ["indirect", "according_to"]
    nested = found[1]
    assert nested.frame is not None and nested.frame.text == "nach Angaben der UN"
    assert nested.content.text.startswith("weil die UN-Friedensmission")


def test_a_colon_frame_without_a_verb_of_saying_has_its_full_verb_as_cue() -> None:
    [quote] = quotes(
        "Der italienische Innenminister zeigte sich besorgt, dass die Fehden nun ins Ausland getragen würden:"
        " „Das hat es noch nicht gegeben.“"
    )
    assert quote.cue is not None and quote.cue.text == "zeigte"
    assert [part.text for part in quote.cue_parts] == ["sich"]


def test_the_particle_of_a_cue_may_close_a_long_clause() -> None:
    [quote] = quotes(
        "Die Zahl der Opfer ist gestiegen. Dies geht aus einer Meldung der Agentur, die am Montag verbreitet"
        " wurde, hervor."
    )
    assert quote.content.text == "Die Zahl der Opfer ist gestiegen"
    assert quote.frame is not None and quote.frame.text.endswith("hervor")
    assert quote.cue is not None and quote.cue.text == "geht"
    assert mention(quote) == "einer Meldung der Agentur, die am Montag verbreitet wurde"  # the document speaks


def test_a_separable_cue_takes_its_adverb_anywhere_before_the_particle() -> None:
    [quote] = quotes(
        "Der Premierminister geht nach einem langen Treffen mit dem Leiter der Mission im Kosovo davon aus,"
        " dass die Europäische Union die Unabhängigkeit anerkennen werde."
    )
    assert quote.cue is not None and quote.cue.text == "geht"
    assert [part.text for part in quote.cue_parts] == ["davon", "aus"]


@pytest.mark.parametrize(
    "sentence,frame",
    [
        (
            "Nach dem Grundgesetz ist der Bundeskanzler mit den umfangreichsten Vollmachten ausgestattet.",
            "Nach dem Grundgesetz",
        ),
        ("Nach dem Willen der Regierung sollen die Steuern im kommenden Jahr sinken.", "Nach dem Willen der Regierung"),
        (
            "Zu den Anschlägen bekannten sich nach palästinensischen Medien zwei Gruppen.",
            "nach palästinensischen Medien",
        ),
    ],
)
def test_rules_plans_and_media_are_sources(sentence: str, frame: str) -> None:
    [quote] = quotes(sentence)
    assert quote.kind == "according_to"
    assert quote.frame is not None and quote.frame.text == frame


def test_wie_bekannt_wurde_is_a_source_frame_without_a_speaker() -> None:
    [quote] = quotes("Wie gestern bekannt wurde, befindet sich unter den Opfern der ehemalige Politiker Ted Stevens.")
    assert quote.kind == "according_to"
    assert quote.frame is not None and quote.frame.text == "Wie gestern bekannt wurde"
    assert quote.speaker is None


@pytest.mark.parametrize(
    "sentence,frame",
    [
        ("Nach ersten Untersuchungen liegt keine Straftat vor.", "Nach ersten Untersuchungen"),
        (
            "Nach einer Hochrechnung des Senders entfallen auf Romney 40 Prozent der Stimmen.",
            "Nach einer Hochrechnung des Senders",
        ),
        (
            "Nach jetzigem Ermittlungsstand ist der Junge an der Schule gemobbt worden.",
            "Nach jetzigem Ermittlungsstand",
        ),
    ],
)
def test_findings_and_projections_are_sources(sentence: str, frame: str) -> None:
    [quote] = quotes(sentence)
    assert quote.frame is not None and quote.frame.text == frame


def test_after_thorough_examinations_is_no_source() -> None:
    found = quotes("Die Halle ist nach eingehenden Untersuchungen wieder für Besucher geöffnet worden.")
    assert not [q for q in found if q.kind == "according_to"]


def test_a_source_after_a_semicolon_sources_its_own_clause() -> None:
    found = quotes(
        "Die Polizei nahm den Mann fest; nach Behördenangaben stecke aber keine politisch motivierte Tat dahinter."
    )
    [quote] = [q for q in found if q.kind == "according_to"]
    assert quote.content.text.startswith("nach Behördenangaben stecke")


@pytest.mark.parametrize("verb", ["bezweifelte", "beteuerte", "bekundete"])
def test_more_verbs_of_stating(verb: str) -> None:
    [quote] = quotes(f"Der Minister {verb} am Montag, die Reform werde noch in diesem Jahr gelingen.")
    assert quote.cue is not None and quote.cue.text == verb
    assert mention(quote) == "Der Minister"


def test_quoted_words_after_a_source_are_not_its_name() -> None:
    [quote] = quotes("Der Fall wird nach Angaben der Staatsanwaltschaft Krefeld „ganz besonders sorgfältig“ geprüft.")
    assert quote.frame is not None and quote.frame.text == "nach Angaben der Staatsanwaltschaft Krefeld"


def test_a_quoted_name_ends_the_source() -> None:
    [quote] = quotes("Bei der Demonstration hätten Soldaten laut „Reuters“ Warnschüsse abgegeben.")
    assert quote.frame is not None and quote.frame.text == "laut „Reuters“"


def test_a_source_with_its_abbreviation_in_parentheses() -> None:
    [quote] = quotes("Einer Erklärung des Verbandes (VDR) zufolge nahmen an der Kundgebung tausend Lehrer teil.")
    assert quote.kind == "according_to"
    assert quote.frame is not None and quote.frame.text.endswith("(VDR) zufolge")


def test_a_relative_source_after_a_quoted_name() -> None:
    [quote] = quotes(
        "Ein Bericht der Nachrichtenagentur „Interfax“, wonach der Oppositionsführer festgenommen worden sein soll,"
        " wurde dementiert."
    )
    assert quote.kind == "according_to"
    assert quote.content.text == "der Oppositionsführer festgenommen worden sein soll"  # not "…, wurde dementiert"


@pytest.mark.parametrize(
    "sentence",
    [
        pytest.param(
            "Ein Bescheid des Landesrates, der den Bärenjägern uneingeschränkte Betretungsrechte einräumt,"
            " soll ein solches Missgeschick in Zukunft verhindern.",
            id="relative clause closed by its verb",
        ),
        pytest.param(
            "Obwohl es mit Heide Simonis bisher schon Ministerpräsidentinnen in den Ländern gab,"
            " fällt das turnusmäßig vergebene Amt erstmals an eine Frau.",
            id="adverbial clause opening the sentence",
        ),
        pytest.param(
            "Ulla Jelpke, die erst vor einem Monat für Schlagzeilen gesorgt hatte, kritisierte beispielsweise"
            " die Entscheidung der Fraktionsspitze.",
            id="name with its relative clause before the verb",
        ),
        pytest.param(
            "Als mögliche Nachfolger haben sich bereits drei Kandidaten gemeldet:"
            " Annegret Kramp-Karrenbauer, Jens Spahn und Friedrich Merz.",
            id="list after a colon",
        ),
        pytest.param(
            "Selbst wenn die Angeklagte im Verfahren als Heranwachsende gesehen wird, droht ihr eine lange Haftstrafe.",
            id="adverbial clause after a focus word",
        ),
        pytest.param(
            "Falls das verschuldete Unternehmen Insolvenz anmelden muss, droht dem Verein der Abstieg.",
            id="conditional clause",
        ),
        pytest.param(
            "Ob es bei der Räumung des Platzes Verletzte gab, ist derzeit noch nicht bekannt.", id="subject clause"
        ),
        pytest.param(
            "Die Bomben waren so eingestellt, dass sie möglichst viele Menschen treffen sollten.", id="so … dass"
        ),
        pytest.param("Der Aufprall beschädigte den Transporter, so dass ein Teil der Ladung austrat.", id="so dass"),
        pytest.param(
            "Der Krieg treibt derzeit viele Menschen auf die Straße – so auch im nordbadischen Mannheim.", id="so auch"
        ),
        pytest.param("Er hatte erfahren, dass die Maschine nicht mehr gewartet werden musste.", id="learning"),
        pytest.param("Allerdings kommt hinzu, dass die Pläne aus dem Jahr 2006 stammen.", id="kommt hinzu"),
        pytest.param(
            "Dabei ging es darum, dass der Mann keinen Kontakt mehr zu der Frau herstellen darf.", id="ging es darum"
        ),
    ],
)
def test_nobodys_words(sentence: str) -> None:
    # a dependent clause, a consequence or what someone learns: no quotation
    assert not quotes(sentence)


def test_quoted_words_in_the_frame_of_reported_speech_are_the_speakers_too() -> None:
    indirect, partial = quotes(
        "Das Schiff sank. Die Ministerpräsidentin Julia Gillard bezeichnete das Unglück als „große Tragödie“ "
        "und erklärte, ihr Land helfe."
    )
    assert (indirect.kind, indirect.content.text) == ("indirect", "ihr Land helfe")
    assert (partial.kind, partial.content.text, speaker(partial)) == ("partial", "große Tragödie", "Julia Gillard")
    assert partial.frame is not None and partial.frame.text.endswith("bezeichnete das Unglück als")


def test_a_name_in_quotation_marks_in_the_frame_is_nobodys_words() -> None:
    [quote] = quotes("Die Lage ist neu. Papier schrieb in der „Bild am Sonntag“, die Lage sei ernst.")
    assert quote.kind == "indirect"


def test_a_naming_verb_after_an_apposition_closes_no_frame() -> None:
    """ "X, Präsident der AU, nannte dies einen „Militärputsch“": the name is no statement."""
    [quote] = quotes(
        "Der Putsch kam schnell. Der Kommissionspräsident der Afrikanischen Union (AU), Alpha Omar Konaré, "
        "nannte dies einen „Militärputsch“."
    )
    assert (quote.kind, quote.content.text) == ("partial", "Militärputsch")
    assert mention(quote) == "Der Kommissionspräsident der Afrikanischen Union (AU), Alpha Omar Konaré"


@pytest.mark.parametrize(
    "text,source",
    [
        pytest.param(  # the verb right before "hätten" once claimed the sentence and then gave nothing
            "Die Lage ist neu. Das Ministerium hat Berichte der Zeitung zurückgewiesen, "
            "wonach Inspektoren Zutritt zu Anlagen verlangt hätten.",
            None,
            id="after-a-verb",
        ),
        pytest.param(
            "Die Lage ist neu. Es gibt Berichte der Zeitung, wonach Inspektoren Zutritt zu Anlagen verlangt hätten.",
            "Berichte der Zeitung",
            id="after-a-noun",
        ),
    ],
)
def test_a_relative_source_has_wonach_as_cue_and_the_noun_before_it_as_source(text: str, source: str | None) -> None:
    [quote] = quotes(text)
    assert (quote.kind, quote.content.text) == ("according_to", "Inspektoren Zutritt zu Anlagen verlangt hätten")
    assert quote.cue is not None and quote.cue.text == "wonach"
    assert mention(quote) == source


@pytest.mark.parametrize(
    "opening,closing",
    [('"', '"'), ("„", "“"), ("„", "”"), ("»", "«"), ("«", "»"), ("“", "”")],
    ids=["straight", "german", "german-english-close", "chevrons-in", "guillemets-out", "english"],
)
def test_every_quotation_style_opens_its_sentence_and_gives_a_direct_quotation(opening: str, closing: str) -> None:
    text = (
        "Der Finanzminister sprach am Montag in Berlin vor Journalisten. "
        f"{opening}Wir werden die Steuern in diesem Jahr nicht erhöhen{closing}, sagte er."
    )
    analysis = analyze(text, force=True)
    assert analysis.sentences[1].text.startswith(opening)
    (quote,) = analysis.quotes
    assert (quote.kind, quote.content.text) == ("direct", "Wir werden die Steuern in diesem Jahr nicht erhöhen")
    assert quote.cue is not None and quote.cue.text == "sagte"


@pytest.mark.parametrize(
    "text,speaker,cue",
    [
        (
            "Die Kanzlerin sagte am Montag, man werde helfen.\n\n"
            "Der Ökonom Hans Weber stellt der Regierung ein schlechtes Zeugnis aus:\n\n"
            "„Diese Regierung hat in allen wichtigen Fragen versagt.“",
            "Der Ökonom Hans Weber",
            "stellt",
        ),
        (
            "Präsident Trump sprach über Venezuela. Ob es dem Präsidenten um Öl gehe, beantwortete "
            "Sprecherin Karoline Leavitt: „Es geht um die Sicherheit der Vereinigten Staaten.“",
            "Sprecherin Karoline Leavitt",
            "beantwortete",
        ),
        (
            "«Was letzte Nacht passiert ist, sollte niemals auf einem Basketballplatz passieren», "
            "twitterte der 35 Jahre alte Aufbauspieler.",
            "der 35 Jahre alte Aufbauspieler",
            "twitterte",
        ),
    ],
    ids=["colon-paragraph-before", "clause-before-the-colon-frame", "measure-before-adjective"],
)
def test_the_frame_names_the_speaker_not_the_previous_one(text: str, speaker: str, cue: str) -> None:
    quote = next(q for q in analyze(text, force=True).quotes if q.kind == "direct")
    assert quote.speaker is not None and quote.speaker.mention is not None
    assert quote.speaker.mention.text == speaker
    assert quote.cue is not None and quote.cue.text == cue


@pytest.mark.parametrize(
    "text,content,speaker",
    [
        (  # a role description is the person the text introduced with that role
            "Der Osnabrücker Leseforscher Christian Dawidowski hat Studierende befragt. "
            "„Es passiert immer irgendetwas anderes, was uns vom gelesenen Text abhält“, sagt der Leseforscher.",
            "Es passiert immer irgendetwas anderes",
            "Christian Dawidowski",
        ),
        (  # ... also as the source of "laut"
            "Der Osnabrücker Leseforscher Christian Dawidowski hat Studierende befragt. "
            "Auf die greifen laut dem Forscher mittlerweile viele Studierende zurück.",
            "Auf die greifen",
            "Christian Dawidowski",
        ),
        (  # ... and the one person just named, for a role the text did not give before
            "Streeck äußerte zugleich deutliche Sorge über Teile der Rap-Szene. "
            "„Teile haben definitiv ein Problem mit Kokain“, sagte der CDU-Politiker.",
            "Teile haben definitiv",
            "Streeck",
        ),
        (  # the words before ", sagte Stein:" are reported, Stein speaks
            "Die in diesen Trams verbaute Technik stamme aus den 90er-Jahren, sagte Tim Stein: "
            "„Die ist für solche Hitze gar nicht ausgelegt.“",
            "Die ist für solche Hitze",
            "Tim Stein",
        ),
        (  # a name in apposition after the role and its attribute
            "Auf Anfrage betont die Branchenkoordinatorin für Busse und Bahnen, Katharina Wagner, "
            "dass die Streiks niemanden kalt lassen.",
            "dass die Streiks",
            "Katharina Wagner",
        ),
        (  # a reported clause before a colon continues the last speaker's words
            "„Haftbefehl spricht offen über Abhängigkeit“, sagte Hendrik Streeck. "
            "Gleichzeitig zeige der Film: „Sucht ist eine Krankheit – und man kann sie behandeln.“",
            "Sucht ist eine Krankheit",
            "Hendrik Streeck",
        ),
        (  # "so die Warnung": the words of whoever warned
            "Die EU warnte vor der endgültigen Verabschiedung des Gesetzes. "
            "Das Gesetz stimme nicht mit den Werten der EU überein, so die Warnung.",
            "Das Gesetz stimme nicht",
            "Europäische Union",
        ),
    ],
    ids=[
        "role-before-name",
        "laut-role",
        "salient-person",
        "closing-frame-before-colon",
        "apposition-after-attribute",
        "reported-colon-clause",
        "so-speech-noun",
    ],
)
def test_the_speaker_is_the_person_the_text_means(text: str, content: str, speaker: str) -> None:
    quote = next(q for q in quotes(text) if q.content.text.startswith(content))
    assert quote.speaker is not None and quote.speaker.name == speaker


def test_a_coordinated_clause_continues_the_speaker_and_a_number_is_no_speaker() -> None:
    found = quotes(
        "Das Deutschlandticket sei ein Erfolg, äußerte der Fraktionsvorsitzende der Grünen im Landtag, Mathias Wagner. "
        "Pendler sparten durch das Ticket viel Geld, und für Autofahrer werde es attraktiver, umzusteigen. "
        "Mit der Umstellung ließen sich 855 Euro sparen, das seien etwa 60 Prozent der Fahrtkosten."
    )
    assert [q.speaker.name if q.speaker else None for q in found] == ["Mathias Wagner"] * len(found)
    assert any(q.content.text.startswith("Pendler sparten") for q in found)
    assert not any(q.cue is not None and q.cue.text == "ließen" for q in found)


def test_a_source_in_the_main_clause_after_a_clause_takes_the_whole_sentence() -> None:
    [quote] = quotes(
        "Ob die Texte von den Studierenden selbst verfasst wurden oder ob die KI geholfen hat, "
        "das lässt sich laut Christian Dawidowski kaum überprüfen."
    )
    assert quote.kind == "according_to" and quote.content.text.startswith("Ob die Texte")
    assert quote.speaker is not None and quote.speaker.name == "Christian Dawidowski"
