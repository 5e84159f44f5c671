"""How many named speakers resolve to an entity of their document (Wikinews quotation data).

A gold speaker span "names a person or organisation" when one of its words is a proper noun
(tagged PROPN by the shipped model) or a knowledge-base name; pronouns and bare descriptions
("Der Staatsanwalt") are left out. It is resolved when an entity mention of our analysis overlaps
it. The measure says whether users searching by entity find the speakers the quotes name.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from quellenlage.entities.knowledge_base import load_knowledge_base
from quellenlage.errors import QuellenlageError
from quellenlage.model import Analysis
from quellenlage.pipeline import analyze


@dataclass
class SpeakerCoverage:
    named: int = 0
    resolved: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def share(self) -> float:
        return self.resolved / self.named if self.named else 0.0


def speaker_coverage(directory: Path, limit: int | None = None) -> SpeakerCoverage:
    result = SpeakerCoverage()
    for path in sorted(directory.glob("*.json"))[:limit]:
        try:
            document = json.loads(path.read_text(encoding="utf-8"))
            text = document["originalText"]
            speakers = [a["speaker"] for a in document["annotations"] if a.get("speaker", {}).get("spans")]
        except (KeyError, TypeError, json.JSONDecodeError) as error:
            raise QuellenlageError(f"{path.name}: not a Wikinews quotation file ({error})") from error
        analysis = analyze(text, force=True)
        for speaker in speakers:
            for span in speaker["spans"]:
                start, end = span["charBegin"], span["charEnd"]
                if not _names_something(analysis, start, end):
                    continue
                result.named += 1
                if any(m.start < end and start < m.end for e in analysis.entities for m in e.mentions):
                    result.resolved += 1
                else:
                    result.misses.append(text[start:end])
    return result


def _names_something(analysis: Analysis, start: int, end: int) -> bool:
    kb = load_knowledge_base()
    for sentence in analysis.sentences:
        for token in sentence.tokens:
            if start <= token.start and token.end <= end and (token.pos == "PROPN" or kb.lookup(token.text)):
                return True
    return False


def format_speaker_coverage(result: SpeakerCoverage) -> str:
    lines = [
        f"named speaker spans: {result.named}",
        f"resolved to an entity: {result.resolved} ({result.share:.1%})",
    ]
    if result.misses:
        lines.append("unresolved (first 20): " + "; ".join(result.misses[:20]))
    return "\n".join(lines)
