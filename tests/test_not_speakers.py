"""Words beside a speech verb that are not its speaker (attribution/not_speakers.py), and lines
that are no attribution of a block quote: a missing speaker is better than a wrong one. Sentences
from the real-page tune part."""

from __future__ import annotations

from quellenlage import analyze


def test_the_person_speaks_not_the_possessor_of_the_role() -> None:
    text = (
        "„Wir waren nicht gut genug“, sagte Liverpools Trainer Jürgen Klopp bei „Sky“. "
        "„Ich weiß, was das bedeutet, ich kann es jetzt nicht mehr ändern.“"
    )
    quotes = analyze(text).quotes
    assert [q.speaker.name if q.speaker else None for q in quotes] == ["Jürgen Klopp", "Jürgen Klopp"]


def test_a_subheading_after_a_block_quote_names_no_speaker() -> None:
    text = (
        "Georgien will der EU beitreten\n"
        "Auch der georgische Ministerpräsident Irakli Kobachidse forderte die EU auf, die Beitrittsverhandlungen "
        "mit Georgien bis Ende des Jahres aufzunehmen.\n"
        "„Wir fordern die EU auf, der georgischen Gesellschaft den gebührenden Respekt zu erweisen.“\n"
        "EU warnte vor der endgültigen Verabschiedung des Gesetzes\n"
        "Die EU hatte Georgien im Dezember den Status eines Beitrittskandidaten gewährt."
    )
    analysis = analyze(text)
    quote = next(q for q in analysis.quotes if "Respekt" in q.content.text)
    assert quote.speaker is not None and quote.speaker.name == "Irakli Kobachidse"


def test_words_without_a_noun_a_measure_or_the_writer_name_no_speaker() -> None:
    """Frames misread on real pages: "ist" (Correctiv), "Wer glaubt, dass …" (Motorsport-Magazin),
    "2,5 Prozent" (Welt), the commentary's "Wir" (Stuttgarter Zeitung); agencies write their
    names in lower case, and a description with a measure is a person."""
    from quellenlage.attribution.not_speakers import no_one

    assert all(no_one(name) for name in ("ist", "Wer", "Wir", "2,5 Prozent", "etwa 3 Prozent pro Jahr"))
    persons = ("dpa", "Experten", "35 Jahre alte Aufbauspieler", "Kreisen der Spionageabwehr")
    assert not any(no_one(name) for name in persons)
