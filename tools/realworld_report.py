"""Who says what on real pages: the project scored against the real-page gold (eval/realworld).

Runs the analysis on every gold article of a part (tune or heldout), writes the predictions as
`quellenlage analyze --format json` would, scores them with the shared scorer
(../shared/eval/score.py --pred, the same code as --cmd) and adds what the issue's targets ask
for and the shared scorer does not report:

- claims whose text names a source: the share with the right source;
- numbers that are no quantities (years, clock times, ordinals, names with numbers, listed per
  article under `not_quantities`) counted as claims anyway;
- gold persons reported as more than one entity;
- date recall by kind: full dates, month and year, bare years.

Usage:
  realworld_report.py [--part tune|heldout|all] [--html] [--json] [--details]

--html analyses the stored page (../shared/realworld) instead of the gold text, so the figures
include body extraction. --details lists the misses of each article; it refuses the held-out part,
which is never looked at for tuning.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import subprocess
import sys
import tempfile
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
GOLD = ROOT / "eval" / "realworld" / "gold"
PAGES = SHARED / "realworld" / "pages"


def load_scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("score", SHARED / "eval" / "score.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def predict(golds: list[dict], out: Path, *, html: bool) -> None:
    """One analysis per gold article, as `quellenlage analyze --format json` prints it."""
    from quellenlage import analyze
    from quellenlage.errors import QuellenlageError
    from quellenlage.reading import read_article

    for gold in golds:
        source = read_article((PAGES / f"{gold['id']}.html").read_bytes()) if html else gold["text"]
        try:
            analysis = analyze(source, gold.get("published"))
        except QuellenlageError as error:
            print(f"{gold['id']}: {error}", file=sys.stderr)
            continue
        (out / f"{gold['id']}.json").write_text(analysis.to_json(), encoding="utf-8")


def shared_figures(part_dir: Path, pred_dir: Path) -> dict:
    command = [sys.executable, str(SHARED / "eval" / "score.py"), str(part_dir), "--pred", str(pred_dir), "--json"]
    return json.loads(subprocess.run(command, capture_output=True, text=True, check=True).stdout)


def claim_pairs(score: ModuleType, gold: dict, pred: dict) -> list[tuple[int, int]]:
    """The claim pairs of the shared scorer (same value, near the gold evidence)."""

    def claim_score(g: dict, p: dict) -> float:
        gv, pv = g.get("value"), p.get("value")
        if gv is None:
            same = pv is None and score.norm(p.get("magnitude")) == score.norm(g.get("magnitude"))
        else:
            same = pv is not None and abs(float(pv) - float(gv)) < 1e-9
        if not same:
            return 0.0
        evidence = score.text_of(p.get("evidence"))
        near = score.overlap_f1(g["evidence"], evidence) if evidence else 0.5
        return 0.5 + near + 0.25 * (p.get("qualifier") == g.get("qualifier"))

    return score.greedy(gold.get("claims", []), pred.get("claims", []) or [], claim_score)


def extra_figures(score: ModuleType, golds: list[dict], pred_dir: Path, details: list[str] | None) -> dict:
    named = [0, 0]  # right, asked: claims whose gold names a source
    unnamed = [0, 0]  # given a source anyway, asked: claims whose text names none (the outlet's own)
    figure_pairs = [0, 0, 0]  # pairs grouped by both, by the system, by the gold (over matched claims)
    not_quantities = 0
    split_persons = 0
    dates: dict[str, list[int]] = {"full": [0, 0], "month": [0, 0], "year": [0, 0]}
    for gold in golds:
        path = pred_dir / f"{gold['id']}.json"
        pred = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
        aliases = score.Aliases(gold.get("entities", []))
        lines: list[str] = []
        pairs = claim_pairs(score, gold, pred)
        for both, by_system, by_gold in [_figure_pairs(gold, pred, pairs)]:
            figure_pairs[0] += both
            figure_pairs[1] += by_system
            figure_pairs[2] += by_gold
        for gi, pi in pairs:
            g, p = gold["claims"][gi], pred["claims"][pi]
            if g.get("source"):
                named[1] += 1
                right = score.same_actor(p.get("source"), g["source"], aliases)
                named[0] += right
                if not right:
                    got = score.names_of(p.get("source"))
                    lines.append(f"  claim source: {g['evidence'][:70]!r} gold {g['source']} got {got}")
            else:
                unnamed[1] += 1
                if p.get("source"):
                    unnamed[0] += 1
                    got = score.names_of(p.get("source"))
                    lines.append(f"  claim source where the text names none: {g['evidence'][:70]!r} got {got}")
        for claim in pred.get("claims", []) or []:
            evidence = score.norm(claim.get("evidence"))
            number = (claim.get("number") or {}).get("text", "")
            for item in gold.get("not_quantities", []):
                inside = score.norm(number) in score.norm(item["text"])
                if number and inside and score.norm(item["context"]) in evidence:
                    not_quantities += 1
                    lines.append(f"  no quantity counted: {item['text']!r} in {item['context']!r}")
                    break
        for entity in gold.get("entities", []):
            if entity["type"] != "PER":
                continue
            predicted = pred.get("entities", []) or []
            matches = [e for e in predicted if entity["name"] in aliases.resolve(score.names_of(e))]
            if len(matches) > 1:
                split_persons += 1
                lines.append(f"  person split: {entity['name']} as {[e.get('name') for e in matches]}")
        predicted_dates = pred.get("dates", []) or []
        pairs = dict(
            score.greedy(
                gold.get("dates", []), predicted_dates, lambda g, p: score.overlap_f1(g["text"], score.text_of(p))
            )
        )
        for gi, expected in enumerate(gold.get("dates", [])):
            kind = {10: "full", 7: "month", 4: "year"}[len(expected["value"])]
            dates[kind][1] += 1
            found = gi in pairs and str(predicted_dates[pairs[gi]].get("value", ""))[:10] == expected["value"]
            dates[kind][0] += found
            if not found:
                got = predicted_dates[pairs[gi]].get("value") if gi in pairs else "missed"
                lines.append(f"  date: {expected['text']!r} = {expected['value']} got {got}")
        if details is not None:
            lines += claim_and_entity_lines(score, gold, pred, aliases)
            details.extend([gold["id"], *quote_lines(score, gold, pred, aliases), *lines])
    share = lambda pair: round(pair[0] / pair[1], 3) if pair[1] else None  # noqa: E731
    return {
        "claims_named_source": {"accuracy": share(named), "asked": named[1]},
        "claims_unnamed_source_given": {"share": share(unnamed), "asked": unnamed[1]},
        "not_quantities_counted": not_quantities,
        "persons_split": split_persons,
        "figure_pairs": {
            "precision": share((figure_pairs[0], figure_pairs[1])),
            "recall": share((figure_pairs[0], figure_pairs[2])),
            "system": figure_pairs[1],
            "gold": figure_pairs[2],
        },
        "dates_recall_by_kind": {kind: {"recall": share(pair), "gold": pair[1]} for kind, pair in dates.items()},
    }


def _figure_pairs(gold: dict, pred: dict, pairs: list[tuple[int, int]]) -> tuple[int, int, int]:
    """Pairs of matched claims put into one figure: by both, by the system, by the gold."""
    to_gold = {pi: gi for gi, pi in pairs}
    ids = [c.get("id") for c in pred.get("claims", []) or []]
    gold_group = {i: n for n, figure in enumerate(gold.get("figures", [])) for i in figure["claims"]}
    system_group: dict[int, int] = {}
    for n, figure in enumerate(pred.get("figures", []) or []):
        for claim_id in figure.get("claims", []):
            if claim_id in ids and ids.index(claim_id) in to_gold:
                system_group[to_gold[ids.index(claim_id)]] = n
    matched = sorted(to_gold.values())
    both = by_system = by_gold = 0
    for i, a in enumerate(matched):
        for b in matched[i + 1 :]:
            same_system = a in system_group and system_group.get(b) == system_group[a]
            same_gold = a in gold_group and gold_group.get(b) == gold_group[a]
            both += same_system and same_gold
            by_system += same_system
            by_gold += same_gold
    return both, by_system, by_gold


def quote_lines(score: ModuleType, gold: dict, pred: dict, aliases: object) -> list[str]:
    gq, pq = gold.get("quotes", []), pred.get("quotes", []) or []

    def content(p: dict) -> str:
        return score.text_of(p.get("content"))

    pairs = score.greedy(gq, pq, lambda g, p: (f := score.overlap_f1(g["content"], content(p))) * (f >= 0.5))
    lines = []
    matched_g = {gi for gi, _ in pairs}
    matched_p = {pi for _, pi in pairs}
    for gi, q in enumerate(gq):
        if gi not in matched_g:
            lines.append(f"  quote missed ({q['kind']}, {q['speaker']}): {q['content'][:90]!r}")
    for pi, q in enumerate(pq):
        if pi not in matched_p:
            speaker = score.names_of(q.get("speaker"))[:1]
            lines.append(f"  quote spurious ({q.get('kind')}, {speaker}): {content(q)[:90]!r}")
    for gi, pi in pairs:
        if not score.same_actor(pq[pi].get("speaker"), gq[gi]["speaker"], aliases):
            got = score.names_of(pq[pi].get("speaker"))[:1]
            lines.append(f"  quote speaker: {gq[gi]['content'][:60]!r} gold {gq[gi]['speaker']} got {got}")
        elif pq[pi].get("kind") != gq[gi]["kind"]:
            lines.append(f"  quote kind: {gq[gi]['content'][:60]!r} gold {gq[gi]['kind']} got {pq[pi].get('kind')}")
    return lines


def claim_and_entity_lines(score: ModuleType, gold: dict, pred: dict, aliases: object) -> list[str]:
    lines = []
    pairs = claim_pairs(score, gold, pred)
    paired_g, paired_p = {gi for gi, _ in pairs}, {pi for _, pi in pairs}
    for gi, claim in enumerate(gold.get("claims", [])):
        if gi not in paired_g:
            lines.append(f"  claim missed: {claim['value']} {claim['qualifier']} in {claim['evidence'][:70]!r}")
    for pi, claim in enumerate(pred.get("claims", []) or []):
        if pi not in paired_p:
            number = (claim.get("number") or {}).get("text")
            evidence = score.text_of(claim.get("evidence"))[:70]
            lines.append(f"  claim spurious: {number!r} ({claim.get('unit')}) in {evidence!r}")
    for gi, pi in pairs:
        g, p = gold["claims"][gi], pred["claims"][pi]
        if p.get("qualifier") != g.get("qualifier"):
            lines.append(f"  claim qualifier: {g['evidence'][:60]!r} gold {g['qualifier']} got {p.get('qualifier')}")
    ignore = {score.norm(x) for x in gold.get("entities_ignore", [])}
    found = set()
    for entity in pred.get("entities", []) or []:
        surfaces = score.names_of(entity)
        hit = {n for n in aliases.resolve(surfaces) if not n.startswith("?")}  # type: ignore[attr-defined]
        if hit:
            found |= hit
        elif not all(score.norm(s) in ignore for s in surfaces if s):
            forms = ", ".join(sorted(set(surfaces))[:4])
            lines.append(f"  entity spurious: {entity.get('name')!r} {entity.get('type')} ({forms})")
    for entity in gold.get("entities", []):
        if entity["name"] not in found:
            lines.append(f"  entity missed: {entity['name']!r} {entity['type']}")
    return lines


def report_part(score: ModuleType, part: str, *, html: bool, details: list[str] | None) -> dict:
    part_dir = GOLD / part
    golds = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(part_dir.glob("*.json"))]
    with tempfile.TemporaryDirectory() as tmp:
        pred_dir = Path(tmp)
        predict(golds, pred_dir, html=html)
        figures = shared_figures(part_dir, pred_dir)
        figures.update(extra_figures(score, golds, pred_dir, details))
    return figures


def format_part(part: str, figures: dict) -> str:
    q, c, e, d = figures["quotes"], figures["claims"], figures["entities"], figures["dates"]
    by_kind = figures["dates_recall_by_kind"]
    return "\n".join(
        [
            f"{part}: {figures['articles']} articles",
            f"  quotes    P {q['precision']:.3f}  R {q['recall']:.3f}"
            f"  speaker {q['speaker_accuracy']}  kind {q['kind_accuracy']}"
            f"  ({q['gold']} gold / {q['predicted']} predicted)",
            f"  claims    P {c['precision']:.3f}  R {c['recall']:.3f}"
            f"  qualifier {c['qualifier_accuracy']}  source {c['source_accuracy']}"
            f"  source where the text names one {figures['claims_named_source']['accuracy']}"
            f" (of {figures['claims_named_source']['asked']})",
            f"            a source given where the text names none {figures['claims_unnamed_source_given']['share']}"
            f" (of {figures['claims_unnamed_source_given']['asked']})",
            f"            numbers that are no quantities counted as claims: {figures['not_quantities_counted']}",
            f"  entities  P {e['precision']:.3f}  R {e['recall']:.3f}"
            f"  type {e['type_accuracy']}  country {e['country_accuracy']}"
            f"  persons split into several entities: {figures['persons_split']}",
            f"  dates     P {d['precision']:.3f}  R {d['recall']:.3f}  value {d['value_accuracy']}"
            "   recall with the right value: "
            + ", ".join(f"{kind} {v['recall']} (of {v['gold']})" for kind, v in by_kind.items()),
            f"  figures   pairs of claims grouped: P {figures['figure_pairs']['precision']}"
            f"  R {figures['figure_pairs']['recall']}  ({figures['figure_pairs']['gold']} gold pairs)",
            f"  events    P {figures['events']['precision']:.3f}  R {figures['events']['recall']:.3f}",
        ]
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--part", choices=["tune", "heldout", "all"], default="tune")
    parser.add_argument("--html", action="store_true", help="analyse the stored HTML page instead of the gold text")
    parser.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    parser.add_argument("--details", action="store_true", help="list each tune article's misses")
    args = parser.parse_args()
    parts = ["tune", "heldout"] if args.part == "all" else [args.part]
    if args.details and "heldout" in parts:
        parser.error("--details lists misses for tuning: the held-out part is never looked at that way")
    score = load_scorer()
    details: list[str] | None = [] if args.details else None
    results = {part: report_part(score, part, html=args.html, details=details) for part in parts}
    if args.json:
        print(json.dumps(results, ensure_ascii=False))
    else:
        if details:
            print("\n".join(details))
        print("\n".join(format_part(part, figures) for part, figures in results.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
