"""The UD reader: multi-word tokens merged, heads and relations mapped onto the merged tokens."""

from __future__ import annotations

from pathlib import Path

from quellenlage.evaluation.tags import read_conllu

SENTENCE = """# sent_id = 1
1	Erholung	Erholung	NOUN	NN	_	0	root	_	_
2-3	am	_	_	_	_	_	_	_	_
2	an	an	ADP	APPR	_	4	case	_	_
3	dem	der	DET	ART	_	4	det	_	_
4	See	See	NOUN	NN	_	1	nmod	_	SpaceAfter=No
5	.	.	PUNCT	$.	_	1	punct	_	_

"""


def test_heads_and_relations_follow_merged_tokens(tmp_path: Path) -> None:
    path = tmp_path / "one.conllu"
    path.write_text(SENTENCE, encoding="utf-8")
    [sentence] = read_conllu(path)
    assert sentence.words == ["Erholung", "am", "See", "."]
    assert sentence.heads == [0, 2, 0, 0]  # "am" attaches where "an" does: to "See"
    assert sentence.deps == ["ROOT", "case", "nmod", "punct"]
    assert sentence.xpos[1] == "APPRART"
