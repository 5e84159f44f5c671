"""Tagging/morphology/lemma/sentence evaluation on CoNLL-U files.

Multi-word tokens (``am`` = ``an dem``) are merged into one token, as spaCy's
tokenizer does not split them: the merged token gets the UPOS, XPOS and lemma of
its first syntactic word (XPOS ``APPRART`` when it is ADP+DET), and the union of
the words' FEATS (first word wins on conflicts).  The same reader is used to build
the training corpus, so training and evaluation agree.

Metrics (:func:`evaluate_tags_file`), all over every token including punctuation:

* ``pos_acc``: UPOS accuracy (``token.pos_``).
* ``tag_acc``: XPOS accuracy, only if the pipeline has a ``tagger``; computed only
  on sentences whose gold XPOS tags are all in the tagger's label set (UD German
  PUD uses a PTB-like XPOS set, GSD uses STTS), ``tag_tokens`` says how many.
* ``morph_acc``: full FEATS string match (``_`` == empty).
* ``lemma_acc``: exact lemma match.
* ``sent_p/r/f``: sentence boundary P/R/F1 over sentence start positions
  (excluding the first token of each evaluated document, which is trivially a
  start).  Documents are groups of ``sents_per_doc`` consecutive sentences
  (restarted at ``# newdoc``), run through the pipeline as one text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass
class UDSentence:
    words: list[str] = field(default_factory=list)
    spaces: list[bool] = field(default_factory=list)
    lemmas: list[str] = field(default_factory=list)
    upos: list[str] = field(default_factory=list)
    xpos: list[str] = field(default_factory=list)
    feats: list[str] = field(default_factory=list)
    heads: list[int] = field(default_factory=list)  # index of the head word in the sentence; the root points to itself
    deps: list[str] = field(default_factory=list)
    sent_id: str = ""
    newdoc: bool = False


def _merge_feats(parts: list[str]) -> str:
    feats: dict[str, str] = {}
    for part in parts:
        if part in ("", "_"):
            continue
        for kv in part.split("|"):
            if "=" in kv:
                k, v = kv.split("=", 1)
                feats.setdefault(k, v)
    return "|".join(f"{k}={v}" for k, v in sorted(feats.items(), key=lambda kv: kv[0].lower()))


def normalize_feats(feats: str) -> str:
    """Canonical FEATS string (sorted like spaCy, ``_`` -> empty)."""
    return _merge_feats([feats])


def _word_positions(rows: list[list[str]]) -> dict[str, int]:
    """Syntactic word ids ("1", "2", …) to token indices after merging multi-word tokens."""
    position: dict[str, int] = {}
    index, i = 0, 0
    while i < len(rows):
        r = rows[i]
        if "-" in r[0]:
            a, b = (int(x) for x in r[0].split("-"))
            for word in range(a, b + 1):
                position[str(word)] = index
            i += 1 + (b - a + 1)
        elif "." in r[0]:
            i += 1
            continue
        else:
            position[r[0]] = index
            i += 1
        index += 1
    return position


def read_conllu(path: Path | str) -> list[UDSentence]:
    """Read a CoNLL-U file into :class:`UDSentence` objects (MWTs merged)."""
    sentences: list[UDSentence] = []
    cur = UDSentence()
    pending_newdoc = False
    rows: list[list[str]] = []

    def flush() -> None:
        nonlocal cur, rows, pending_newdoc
        if not rows:
            return
        position = _word_positions(rows)  # syntactic word id -> merged token index
        syntax: list[tuple[str, str]] = []  # (head id, relation) of each merged token
        i = 0
        while i < len(rows):
            r = rows[i]
            if "-" in r[0]:
                a, b = (int(x) for x in r[0].split("-"))
                subs = [rows[j] for j in range(i + 1, i + 1 + (b - a + 1)) if j < len(rows)]
                # "am" = "an dem": the merged token attaches where its part leaving the group does
                outside = [t for t in subs if t[6] not in {u[0] for u in subs}] or subs
                syntax.append((outside[0][6], outside[0][7]))
                upos = subs[0][3] if subs else "X"
                xpos = subs[0][4] if subs else "_"
                if len(subs) >= 2 and subs[0][3] == "ADP" and subs[-1][3] == "DET":
                    xpos = "APPRART"
                cur.words.append(r[1])
                cur.spaces.append("SpaceAfter=No" not in r[9])
                cur.lemmas.append(subs[0][2] if subs else r[1])
                cur.upos.append(upos)
                cur.xpos.append(xpos)
                cur.feats.append(_merge_feats([s[5] for s in subs]))
                i += 1 + len(subs)
                continue
            if "." in r[0]:  # empty node
                i += 1
                continue
            cur.words.append(r[1])
            cur.spaces.append("SpaceAfter=No" not in r[9])
            cur.lemmas.append(r[2])
            cur.upos.append(r[3])
            cur.xpos.append(r[4])
            cur.feats.append(normalize_feats(r[5]))
            syntax.append((r[6], r[7]))
            i += 1
        for index, (head, relation) in enumerate(syntax):
            root = head in ("0", "_") or head not in position
            cur.heads.append(index if root else position[head])
            cur.deps.append("ROOT" if root else relation)
        cur.newdoc = pending_newdoc
        pending_newdoc = False
        sentences.append(cur)
        cur = UDSentence()
        rows = []

    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if not line.strip():
            flush()
            continue
        if line.startswith("#"):
            if line.startswith("# newdoc"):
                pending_newdoc = True
            elif line.startswith("# sent_id"):
                cur.sent_id = line.split("=", 1)[1].strip()
            continue
        cols = line.split("\t")
        if len(cols) == 10:
            rows.append(cols)
    flush()
    return sentences


def group_sentences(sents: list[UDSentence], sents_per_doc: int = 10) -> list[list[UDSentence]]:
    groups: list[list[UDSentence]] = []
    for s in sents:
        if not groups or s.newdoc or len(groups[-1]) >= sents_per_doc:
            groups.append([])
        groups[-1].append(s)
    return groups


def _prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def evaluate_tags_file(path: Path | str, nlp: Any, sents_per_doc: int = 10) -> dict[str, Any]:
    """Evaluate POS/XPOS/morph/lemma/sentence boundaries of ``nlp`` on a .conllu file.

    The pipeline is run on Docs built from the gold words and spaces (no
    tokenisation errors involved).
    """
    from spacy.tokens import Doc

    sents = read_conllu(path)
    groups = group_sentences(sents, sents_per_doc)
    docs = []
    for g in groups:
        words = [w for s in g for w in s.words]
        spaces = [sp for s in g for sp in s.spaces]
        for k in range(len(g)):  # sentence-final token always followed by a space
            if k < len(g) - 1:
                spaces[sum(len(x.words) for x in g[: k + 1]) - 1] = True
        docs.append(Doc(nlp.vocab, words=words, spaces=spaces))
    for _name, proc in nlp.pipeline:
        docs = list(proc.pipe(docs, batch_size=64)) if hasattr(proc, "pipe") else [proc(d) for d in docs]

    tag_labels = set(nlp.get_pipe("tagger").labels) if "tagger" in nlp.pipe_names else None
    n = pos_ok = morph_ok = lemma_ok = 0
    tag_n = tag_ok = 0
    parsed = "parser" in nlp.pipe_names
    dep_n = head_ok = label_ok = 0  # attachment scores without punctuation, as the CoNLL shared tasks
    s_tp = s_pred = s_gold = 0
    for g, doc in zip(groups, docs, strict=True):
        i = 0
        gold_starts = set()
        for s in g:
            if i > 0:
                gold_starts.add(i)
            use_tag = tag_labels is not None and all(x in tag_labels for x in s.xpos)
            for j in range(len(s.words)):
                tok = doc[i + j]
                n += 1
                pos_ok += tok.pos_ == s.upos[j]
                morph_ok += normalize_feats(str(tok.morph)) == s.feats[j]
                lemma_ok += tok.lemma_ == s.lemmas[j]
                if use_tag:
                    tag_n += 1
                    tag_ok += tok.tag_ == s.xpos[j]
                if parsed and s.heads and s.upos[j] != "PUNCT":
                    dep_n += 1
                    right_head = tok.head.i == i + s.heads[j]
                    head_ok += right_head
                    label_ok += right_head and tok.dep_.lower() == s.deps[j].lower()
            i += len(s.words)
        pred_starts = {t.i for t in doc if t.i > 0 and t.is_sent_start}
        s_tp += len(gold_starts & pred_starts)
        s_pred += len(pred_starts)
        s_gold += len(gold_starts)
    sp, sr, sf = _prf(s_tp, s_pred, s_gold)
    return {
        "tokens": n,
        "sentences": len(sents),
        "pos_acc": pos_ok / n if n else 0.0,
        "tag_acc": (tag_ok / tag_n if tag_n else None),
        "tag_tokens": tag_n,
        "morph_acc": morph_ok / n if n else 0.0,
        "lemma_acc": lemma_ok / n if n else 0.0,
        "sent_p": sp,
        "sent_r": sr,
        "sent_f": sf,
        "uas": head_ok / dep_n if dep_n else None,
        "las": label_ok / dep_n if dep_n else None,
    }


def format_tags_report(result: dict[str, Any]) -> str:
    """Plain-text table for a result of :func:`evaluate_tags_file`."""
    rows = [
        ("UPOS accuracy", result["pos_acc"]),
        ("XPOS accuracy", result["tag_acc"]),
        ("FEATS accuracy", result["morph_acc"]),
        ("lemma accuracy", result["lemma_acc"]),
        ("sentence P", result["sent_p"]),
        ("sentence R", result["sent_r"]),
        ("sentence F1", result["sent_f"]),
        ("UAS", result.get("uas")),
        ("LAS", result.get("las")),
    ]
    lines = [f"{result['tokens']} tokens, {result['sentences']} sentences"]
    for name, val in rows:
        lines.append(f"{name:<16} {'n/a' if val is None else f'{val:.4f}':>8}")
    return "\n".join(lines)
