"""The JSON report: schema ``claimdiff/1`` (documented in README, "JSON contract").

Required fields (other programs read them; do not rename): schema, sources[].{id, path,
published, sentences[].{id, text, start, end, dates, entities}}, alignments[].{sentences, score,
verdict}, omissions[].{sentence, missing_from}, discrepancies[].{kind, sentences, values,
explanation}, normalisations[].{sentence, from, to, kind}. Added fields: claims, summary and more.
Keys are sorted and nothing depends on the clock, so the same inputs give the same bytes.
"""

from __future__ import annotations

import hashlib
import json

from ..types import Report

SCHEMA = "claimdiff/1"
ENTITY_KINDS = ("person", "place", "role", "number", "quote")


def _entities(report: Report, sid: str) -> list[dict]:
    out = []
    for m in report.facts[sid].mentions:
        if m.kind in ENTITY_KINDS:
            e = {"kind": m.kind, "text": m.text, "value": m.value, "start": m.start, "end": m.end}
            if m.detail:
                e["detail"] = m.detail
            out.append(e)
    return out


def summary(report: Report) -> dict:
    verdicts = {"agreement": 0, "partial": 0, "discrepancy": 0}
    for c in report.alignments:
        verdicts[c.verdict] += 1
    omitted = sum(len(c.sentence_ids) for c in report.exclusives)
    return {
        "sentences": len(report.sentences),
        "claims": len(report.claims),
        "alignments": len(report.alignments),
        "agreements": verdicts["agreement"],
        "partial": verdicts["partial"],
        "discrepancy_claims": verdicts["discrepancy"],
        "discrepancies": len(report.discrepancies),
        "omissions": omitted,
        "normalisations": len(report.normalisations),
    }


def report_dict(report: Report) -> dict:
    sources = []
    for a in report.articles:
        sents = [s for s in report.sentences if s.source == a.id]
        sources.append({
            "id": a.id,
            "path": a.path,
            "sha256": hashlib.sha256(a.text.encode("utf-8")).hexdigest(),
            "title": a.title,
            "outlet": a.outlet,
            "url": a.url,
            "published": a.published.isoformat() if a.published else None,
            "published_from": a.published_from,
            "credits": list(a.credits),
            "dropped": list(a.dropped),
            "sentences": [{
                "id": s.id, "text": s.text, "start": s.start, "end": s.end, "kind": s.kind,
                "dates": [m.value for m in report.facts[s.id].of("date") if m.value],
                "entities": _entities(report, s.id),
            } for s in sents],
        })
    ids = [a.id for a in report.articles]
    alignments = [{
        "claim": c.id,
        "sentences": c.sentence_ids,
        "score": round(c.score, 2),
        "verdict": c.verdict,
        "missing_from": [s for s in ids if c.status[s] == "silent"],
        "only_in": {s: list(v) for s, v in c.only_in.items()},
    } for c in report.alignments]
    omissions = [{"sentence": sid, "claim": c.id, "missing_from": [s for s in ids if s not in c.sources]}
                 for c in report.exclusives for sid in c.sentence_ids]
    discrepancies = [{"kind": d.kind, "claim": d.claim, "sentences": list(d.sentences), "values": d.values,
                      "explanation": d.explanation} for d in report.discrepancies]
    normalisations = [{"sentence": n.sentence, "from": n.text, "to": n.value, "kind": n.kind}
                      for n in report.normalisations]
    claims = [{"id": c.id, "sentences": {s: list(v) for s, v in c.sentences.items()}, "status": c.status,
               "verdict": c.verdict} for c in report.claims]
    out = {
        "schema": SCHEMA,
        "model": report.model,
        "backend": report.backend,
        "sources": sources,
        "alignments": alignments,
        "omissions": omissions,
        "discrepancies": discrepancies,
        "normalisations": normalisations,
        "claims": claims,
        "summary": summary(report),
        "notes": list(report.notes),
    }
    if report.baseline:
        out["baseline"] = baseline_view(report)
    return out


def baseline_view(report: Report) -> dict:
    """For the reference source: what others report that it lacks, and where it disagrees."""
    b = report.baseline
    lacks = [{"claim": c.id, "sentences": c.sentence_ids, "sources": c.sources}
             for c in report.claims if c.status[b] == "silent"]
    disagrees = [{"claim": d.claim, "kind": d.kind, "values": d.values}
                 for d in report.discrepancies if b in d.values]
    return {"id": b, "lacks": lacks, "disagrees": disagrees}


def render_json(report: Report) -> str:
    return json.dumps(report_dict(report), indent=2, sort_keys=True, ensure_ascii=False) + "\n"
