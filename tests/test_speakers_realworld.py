"""Speakers on made-up sentences of the kinds the real pages showed (issue 16): a pointer word is
no speaker, a headline's role noun is the person the text names, a pronoun stands for the man
the text described, and unframed words follow the person just introduced."""

from __future__ import annotations

from quellenlage import analyze


def _speakers(text: str) -> list[tuple[str, str | None]]:
    analysis = analyze(text, "2024-04-22", force=True)
    return [(q.content.text, q.speaker.name if q.speaker else None) for q in analysis.quotes]


def test_a_pointer_word_is_no_speaker_and_a_closing_so_frame_names_one() -> None:
    found = _speakers(
        "Seilbahn\n\nDie Stadtwerke legten einen Entwurf vor. Demnach sei es „denkbar, dass die Haltestelle "
        "über dem Dach liegt“, so die Gebag."
    )
    assert [speaker for _, speaker in found] == ["Gebag"]
    found = _speakers("Seilbahn\n\nDas Wetter war am Montag schön. Demnach seien 30 Menschen gekommen.")
    assert all(speaker != "Demnach" for _, speaker in found)


def test_a_role_noun_in_a_headline_is_the_person_the_text_names() -> None:
    """The NDR tune page's headline with another name (the tagger must read "warnt" as a verb:
    "Forscher aus Kiel warnt" it reads as an adjective, and that headline keeps no speaker)."""
    found = _speakers(
        "Forscher aus Osnabrück warnt: Studierende verlernen das Lesen\n"
        "Der Osnabrücker Leseforscher Jonas Berger sagt, dass die Konzentration nachlasse."
    )
    assert ("Studierende verlernen das Lesen", "Jonas Berger") in found


def test_a_pronoun_stands_for_the_man_the_text_described() -> None:
    found = _speakers(
        "Samenspender gestoppt\n\nDer Mann hatte sein Sperma an zwölf Kliniken gespendet. Er gab demnach an, "
        "Vater von maximal 25 Kindern zu sein."
    )
    assert found and all(speaker == "Mann" for _, speaker in found), found


def test_unframed_words_are_those_of_the_person_just_introduced() -> None:
    found = _speakers(
        "Bank verlängert\n\n„Die Leitung ist ein Privileg“, sagte Klaus Wendt am Montag. Der Vorstandschef "
        "Peter Sommer freut sich auf die Zusammenarbeit. „Klaus Wendt hat mit seiner Erfahrung viel zum Erfolg "
        "der Bank beigetragen.“"
    )
    assert found[-1][1] == "Peter Sommer", found


def test_a_report_without_its_owner_is_the_medium_named_as_reporting() -> None:
    found = _speakers(
        "Bericht: Aktivist getötet\n\nSicherheitskräfte haben einen Aktivisten laut einem investigativen Bericht "
        "getötet. Dies ging aus geheimen Dokumenten hervor, wie der britische Sender BBC am Dienstag berichtete.\n"
        "Laut der investigativen Recherche hatten drei Beamte den Mann in einem Wagen angegriffen."
    )
    reports = [speaker for content, speaker in found if "laut" in content.lower()]
    assert reports and all(speaker == "BBC" for speaker in reports), found
    found = _speakers("Bericht\n\nLaut der investigativen Recherche hatten drei Beamte den Mann angegriffen.")
    assert all(speaker != "BBC" for _, speaker in found)


def test_a_measure_or_the_writers_we_is_no_speaker() -> None:
    """A frame whose subject is a measure (Welt: "Nach seinen Berechnungen bräuchte es … Zuwächse
    von etwa 2,5 Prozent") or the writer's "Wir" (Stuttgarter Zeitung's commentary) names no
    speaker: none is better than a wrong one."""
    found = _speakers(
        "Wirtschaft\n\nDer Ökonom Jan Berg ist skeptisch. Nach seinen Berechnungen bräuchte es Zuwächse von etwa "
        "3,5 Prozent pro Jahr, damit das BIP sein altes Niveau erreicht.\n"
        "Wir erinnern an Redepassagen wie: „Die Stadt ist mit 400 Hektar Rebfläche die größte Weinbaugemeinde.“"
    )
    assert found and all(speaker is None or not speaker[0].isdigit() for _, speaker in found)
    assert all(speaker not in ("Wir", "wir") for _, speaker in found)


def test_duerfte_is_the_writers_guess_and_no_reported_speech() -> None:
    """"dürfte" (Welt, Stuttgarter Zeitung) is the writer's estimate: without a quotation before
    it, no indirect quotation."""
    found = _speakers(
        "Konjunktur\n\nDie Bank hat ihre Zahlen vorgelegt. Und Deutschland dürfte weiter zurückfallen.\n"
        "Das fängt beim Bürgermeister an. Frank Seller dürfte dasjenige Stadtoberhaupt sein, das die meisten "
        "Superlative einstreut."
    )
    assert not any("dürfte" in content for content, _ in found)


def test_a_possessive_source_is_whom_it_points_to() -> None:
    """ "Nach seinen Berechnungen …" (Welt): the person the possessive points to, the one just
    named, not the last speaker nor the sentence's subject."""
    found = _speakers(
        "Wirtschaft\n\nDer Bankvolkswirt Stefan Schneider sagte, die Lage sei ernst. Auch Lampe-Banker Alexander "
        "Krüger macht auf Moll. Nach seinen Berechnungen bräuchte es Zuwächse von etwa 2,5 Prozent pro Jahr."
    )
    assert ("Nach seinen Berechnungen bräuchte es Zuwächse von etwa 2,5 Prozent pro Jahr", "Alexander Krüger") in found
