"""A self-contained HTML report: inline CSS and JS, no network, every article string escaped."""

from __future__ import annotations

from html import escape

from ..types import Report
from .common import (credits, first_shown, normalisation_table, only_labels, published_label, score_note,
                     shorten, source_label, verdict_label)
from .jsonout import summary

HIGHLIGHT = ("date", "number", "person", "role", "place", "quote")

CSS = """
:root{--ok:#1a7f37;--part:#9a6700;--bad:#cf222e;--omit:#0969da;--mute:#57606a;--line:#d0d7de}
*{box-sizing:border-box}body{font:15px/1.55 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:0;color:#1f2328;background:#f6f8fa}
header,main{max-width:1200px;margin:0 auto;padding:12px 20px}header h1{margin:8px 0;font-size:22px}h2{margin:20px 0 8px}
table{border-collapse:collapse}td,th{border:1px solid var(--line);padding:4px 8px;text-align:left;vertical-align:top}
.sources{background:#fff;width:100%}.sources td{overflow-wrap:anywhere}.sources td:first-child{font-weight:600}
.counts{display:flex;gap:12px;flex-wrap:wrap;margin:12px 0}
.count{background:#fff;border:1px solid var(--line);border-radius:8px;padding:8px 14px;min-width:120px}
.count b{display:block;font-size:24px}.c-agree b{color:var(--ok)}.c-part b{color:var(--part)}.c-disc b{color:var(--bad)}.c-omit b{color:var(--omit)}
.notes{color:#7d4e00;background:#fff8c5;border:1px solid #eac54f;border-radius:6px;padding:4px 10px;margin:6px 0}
.bar{position:sticky;top:0;background:#f6f8fa;padding:8px 0;border-bottom:1px solid var(--line);z-index:2;display:flex;flex-wrap:wrap;gap:6px;align-items:center}
.bar button{border:1px solid var(--line);background:#fff;border-radius:6px;padding:4px 10px;cursor:pointer;font:inherit;font-size:14px}
.bar button[aria-pressed=true]{background:#1f2328;color:#fff;border-color:#1f2328}
.bar select{max-width:24em;font:inherit;font-size:14px}.bar .shown{color:var(--mute);font-size:13px;margin-left:auto}
.legend{color:var(--mute);font-size:13px;margin:0 0 6px}.legend span{margin-right:14px}
.mwrap{overflow-x:auto;max-width:100%}
.matrix{background:#fff;margin:4px 0 10px;font-size:13px;width:100%}.matrix th{background:#eaeef2}
.matrix td.cell{text-align:center;width:34px;font-size:15px;line-height:1.2}.matrix td.first{color:#424a53}
.matrix tr:hover td{background:#f3f6f9}.matrix a{font-weight:600;color:#0550ae;text-decoration:none}
.st-reports{color:var(--ok)}.st-differs{color:var(--bad);font-weight:700;background:#ffebe9}.st-silent{color:#8c959f}
.v{font-size:12px;font-weight:600;white-space:nowrap}.v-agreement{color:var(--ok)}.v-partial{color:var(--part)}
.v-discrepancy{color:var(--bad)}.v-exclusive{color:var(--omit)}
.claim{background:#fff;border:1px solid var(--line);border-left:5px solid var(--ok);border-radius:6px;margin:12px 0;padding:8px 12px;scroll-margin-top:52px}
.claim[data-verdict=partial]{border-left-color:var(--part)}.claim[data-verdict=discrepancy]{border-left-color:var(--bad)}
.claim[data-verdict=exclusive]{border-left-color:var(--omit)}.claim h3{margin:2px 0 6px;font-size:15px}
.verdict{font-size:12px;text-transform:uppercase;letter-spacing:.04em;color:var(--mute)}
.verdict.v-agreement{color:var(--ok)}.verdict.v-partial{color:var(--part)}.verdict.v-discrepancy{color:var(--bad)}.verdict.v-exclusive{color:var(--omit)}
.cols{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(100%,260px),1fr));gap:10px 18px}
.cols.one{grid-template-columns:minmax(0,80ch)}
.col{min-width:0;overflow-wrap:break-word}.col h4{margin:0 0 4px;font-size:12px;color:var(--mute)}.col.silent p{color:#8c959f;font-style:italic}
.sent{margin:0 0 6px}.sid{font-size:11px;color:var(--mute);margin-right:4px}
mark{background:none;color:inherit;border-bottom:1px solid #c4ccd4;padding:0}
.norm{border-bottom:1px dotted #6e7781;cursor:help}
mark.only,span.only{background:#fff4d1;border-bottom:2px solid #d4a72c}
mark.diff,span.diff{background:#ffd8d3;border-bottom:2px solid var(--bad);color:#82071e;font-weight:600;border-radius:2px}
.disc{background:#fff8f8;border:1px solid #ffcecb;border-radius:6px;padding:6px 10px;margin:6px 0}
.disc b{color:var(--bad)}p.only{font-size:13px;color:#7d4e00;margin:2px 0 6px}details{margin:16px 0}.hidden{display:none}
footer{color:var(--mute);font-size:12px;max-width:1200px;margin:0 auto;padding:20px}
"""

JS = """
(function(){
  var mode='all', source='all';
  function apply(){
    document.querySelectorAll('.claim').forEach(function(el){
      var v=el.getAttribute('data-verdict'), srcs=el.getAttribute('data-sources').split(' ');
      var okMode = mode==='all' || (mode==='discrepancy' && v==='discrepancy') || (mode==='omission' && v==='exclusive')
                   || (mode==='agreement' && v==='agreement') || (mode==='partial' && v==='partial');
      var okSrc = source==='all' || srcs.indexOf(source)>=0;
      el.classList.toggle('hidden', !(okMode && okSrc));
    });
    document.querySelectorAll('.matrix tr[data-claim]').forEach(function(tr){
      var el=document.getElementById(tr.getAttribute('data-claim'));
      tr.classList.toggle('hidden', el.classList.contains('hidden'));
    });
    document.querySelectorAll('.bar button[data-mode]').forEach(function(b){
      b.setAttribute('aria-pressed', String(b.getAttribute('data-mode')===mode));
    });
    var shown=document.querySelectorAll('.claim:not(.hidden)').length;
    document.getElementById('shown').textContent=shown;
  }
  document.querySelectorAll('.bar button[data-mode]').forEach(function(b){
    b.addEventListener('click', function(){ mode=b.getAttribute('data-mode'); apply(); });
  });
  document.getElementById('source').addEventListener('change', function(e){ source=e.target.value; apply(); });
  apply();
})();
"""


def _sentence_html(report: Report, sid: str, differing: set[tuple[str, str]], only: frozenset[str] = frozenset()) -> str:
    """Sentence text with facts marked: red where a discrepancy names them, amber where only this
    source has them (``only`` holds "kind: value" strings), a dotted line and tooltip where normalised."""
    text = report.sentence(sid).text

    def classes_of(m) -> list[str]:
        out = []
        if m.variant:
            out.append("norm")
        if (sid, m.kind) in differing:
            out.append("diff")
        elif m.value and f"{m.kind}: {m.value}" in only:
            out.append("only")
        return out

    # Marks may nest (a place inside a quote); a mark that crosses another's edge is dropped, but a
    # red (differs) one passes its colour to the mark it crosses so that no disagreement goes unseen.
    roots: list[list] = []  # [start, end, mention, classes, children]
    stack: list[list] = []
    for m in sorted(report.facts[sid].mentions, key=lambda m: (m.start, -(m.end - m.start))):
        if (m.kind not in HIGHLIGHT and not m.variant) or m.end <= m.start:
            continue
        while stack and stack[-1][1] <= m.start:
            stack.pop()
        node = [m.start, m.end, m, classes_of(m), []]
        if stack and (m.start, m.end) == tuple(stack[-1][:2]):  # the same words read twice: one mark
            stack[-1][3].extend(c for c in node[3] if c in ("diff", "only") and c not in stack[-1][3])
            continue
        if stack and m.end > stack[-1][1]:
            if "diff" in node[3] and "diff" not in stack[-1][3]:
                stack[-1][3].append("diff")
            continue
        (stack[-1][4] if stack else roots).append(node)
        stack.append(node)

    def render(nodes: list[list], pos: int, end: int) -> str:
        out = []
        for s, e, m, classes, children in nodes:
            if "diff" in classes and "only" in classes:
                classes.remove("only")
            out.append(escape(text[pos:s]))
            title = f"{m.kind}: {m.value}" if m.value else m.kind
            if m.variant:
                title = f"{m.text} → {m.value} ({m.variant})"
            if "diff" in classes:
                title += " · differs between sources"
            elif "only" in classes:
                title += " · only this source"
            tag = "mark" if m.kind in HIGHLIGHT else "span"
            cls = f' class="{" ".join(classes)}"' if classes else ""
            out.append(f'<{tag}{cls} title="{escape(title)}">{render(children, s, e)}</{tag}>')
            pos = e
        out.append(escape(text[pos:end]))
        return "".join(out)

    return render(roots, 0, len(text))


def render_html(report: Report) -> str:
    s = summary(report)
    ids = [a.id for a in report.articles]
    differing = {(sid, d.kind if d.kind not in ("title", "name") else k)
                 for d in report.discrepancies for sid in d.sentences
                 for k in ((d.kind,) if d.kind not in ("title", "name") else ("role", "person"))}
    differing |= {(sid, "quote") for d in report.discrepancies if d.kind == "attribution" for sid in d.sentences}
    by_claim: dict[str, list] = {}
    for d in report.discrepancies:
        by_claim.setdefault(d.claim, []).append(d)
    H: list[str] = []
    H.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
    H.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
    H.append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
             "script-src 'unsafe-inline'; img-src data:\">")
    H.append(f"<title>claimdiff: {escape(' vs '.join(ids))}</title><style>{CSS}</style></head><body>")
    H.append("<header><h1>claimdiff report</h1><table class=\"sources\"><tr><th>source</th><th>title</th>"
             "<th>published</th><th>sentences</th><th>credits</th></tr>")
    for a in report.articles:
        n = sum(1 for x in report.sentences if x.source == a.id)
        H.append(f"<tr><td>{escape(source_label(report, a.id))}</td><td>{escape(a.title or '')}</td>"
                 f"<td>{escape(published_label(report, a.id))}</td><td>{n}</td>"
                 f"<td>{escape('; '.join(credits(a)))}</td></tr>")
    H.append("</table><div class=\"counts\">")
    for cls, key, one, many in (("c-agree", "agreements", "agrees", "agree"), ("c-part", "partial", "partly agrees", "partly agree"),
                                ("c-disc", "discrepancies", "discrepancy", "discrepancies"),
                                ("c-omit", "omissions", "one-source sentence", "one-source sentences"),
                                ("", "claims", "claim", "claims")):
        label = one if s[key] == 1 else many
        H.append(f"<div class=\"count {cls}\"><b id=\"count-{key}\" data-count=\"{s[key]}\">{s[key]}</b>{label}</div>")
    H.append("</div>")
    for note in report.notes:
        H.append(f"<p class=\"notes\">Note: {escape(note)}</p>")
    H.append("</header><main>")
    H.append("<div class=\"bar\" role=\"toolbar\" aria-label=\"filter claims\"><button data-mode=\"all\">All</button>"
             "<button data-mode=\"discrepancy\">Disagree</button><button data-mode=\"partial\">Partly agree</button>"
             "<button data-mode=\"agreement\">Agree</button><button data-mode=\"omission\">One source only</button>"
             " <label>Source <select id=\"source\">"
             "<option value=\"all\">all</option>")
    for src in ids:
        H.append(f"<option value=\"{escape(src)}\">{escape(source_label(report, src))}</option>")
    H.append(f"</select></label> <span class=\"shown\"><span id=\"shown\"></span> of {len(report.claims)} claims shown"
             "</span></div>")

    H.append("<h2>Coverage</h2><p class=\"legend\"><span><b class=\"st-reports\">✓</b> reports it</span>"
             "<span><b class=\"st-differs\">≠</b> reports it differently</span><span><b class=\"st-silent\">·</b> silent</span>"
             "<span>hover a source letter for its name</span></p>")
    H.append("<div class=\"mwrap\"><table class=\"matrix\"><tr><th>claim</th>")
    H.extend(f"<th title=\"{escape(source_label(report, src))}\">{escape(src)}</th>" for src in ids)
    H.append("<th>verdict</th><th>first sentence</th></tr>")
    marks = {"reports": "✓", "differs": "≠", "silent": "·"}
    for c in report.claims:
        H.append(f"<tr data-claim=\"{escape(c.id)}\"><td><a href=\"#{escape(c.id)}\">{escape(c.id)}</a></td>")
        for src in ids:
            st = c.status[src]
            tip = st
            if st == "differs":
                tip = "; ".join(f"{d.kind}: {d.values.get(src, '')}" for d in by_claim.get(c.id, []) if src in d.values)
            H.append(f"<td class=\"cell st-{st}\" title=\"{escape(tip)}\">{marks[st]}</td>")
        first = first_shown(report, c)
        H.append(f"<td class=\"v v-{escape(c.verdict)}\">{escape(verdict_label(c))}</td>"
                 f"<td class=\"first\">{escape(shorten(first, 90))}</td></tr>")
    H.append("</table></div>")

    H.append("<h2>Claims</h2><p class=\"legend\"><span><mark class=\"diff\">red</mark> the sources disagree</span>"
             "<span><mark class=\"only\">amber</mark> only this source has it</span>"
             "<span><mark class=\"norm\">dotted</mark> written differently, read as the same (hover)</span>"
             "<span><mark>underlined</mark> a compared fact</span></p>"
             f"<p class=\"legend\">{escape(score_note())}</p>")
    for c in report.claims:
        kinds = sorted({d.kind for d in by_claim.get(c.id, [])})
        label = verdict_label(c) + (": " + ", ".join(kinds) if kinds else "")
        H.append(f"<section class=\"claim\" id=\"{c.id}\" data-verdict=\"{c.verdict}\" "
                 f"data-sources=\"{escape(' '.join(c.sources))}\"><h3>{escape(c.id)} <span class=\"verdict v-{c.verdict}\">{escape(label)}"
                 f"{'' if c.verdict == 'exclusive' else f' · score {c.score:.2f}'}</span></h3>")
        for d in by_claim.get(c.id, []):
            vals = " · ".join(f"<b>{escape(src)}</b> {escape(v)}" for src, v in d.values.items())
            H.append(f"<div class=\"disc\"><b>{d.kind}</b>: {escape(d.explanation)}<br>{vals}</div>")
        cols = ids if c.verdict != "exclusive" else c.sources
        H.append(f"<div class=\"cols{' one' if len(cols) == 1 else ''}\">")
        for src in cols:
            sids = c.sentences[src]
            H.append(f"<div class=\"col{' silent' if not sids else ''}\"><h4>{escape(source_label(report, src))}</h4>")
            for sid in sids:
                H.append(f"<p class=\"sent\"><span class=\"sid\">{escape(sid)}</span>"
                         f"{_sentence_html(report, sid, differing, frozenset(c.only_in.get(src, ())))}</p>")
            if not sids:
                H.append("<p>silent</p>")
            if src in c.only_in:
                H.append(f"<p class=\"only\">only here: {escape(', '.join(only_labels(report, c, src)))}</p>")
            H.append("</div>")
        H.append("</div></section>")

    H.append("<details><summary>Normalisations: differences that are not discrepancies "
             f"({len(report.normalisations)})</summary><table><tr><th>written</th><th>read as</th><th>kind</th>"
             "<th>times</th><th>sentences</th></tr>")
    for f, t, k, n, where in normalisation_table(report):
        H.append(f"<tr><td>{escape(f)}</td><td>{escape(t)}</td><td>{escape(k)}</td><td>{n}</td>"
                 f"<td>{escape(', '.join(where))}</td></tr>")
    H.append("</table></details></main>")
    H.append(f"<footer>Model {escape(report.model)} ({escape(report.backend)}). Generated by claimdiff.</footer><script>{JS}</script></body></html>")
    return "\n".join(H) + "\n"
