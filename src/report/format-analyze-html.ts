/**
 * `analyze --format html`: one self-contained page — inline CSS and SVG, no script, no network (a
 * Content-Security-Policy forbids both), the same bytes for the same input. It shows the panel and the
 * saturation curve, extracts per kind and emotions per interview, the recurring themes with their
 * quotes, a customer-model card per interview, the interviewer's behaviour and the --group-by
 * breakdowns. Every piece of text from a note is escaped.
 */
import { EXTRACT_KINDS, type InterviewResult } from '../notes/types.js';
import type { AnalyzeReport } from './analyze-report.js';
import { ANALYZE_WORDS, reportLang, type AnalyzeWords } from './analyze-words.js';
import { CARD_KINDS } from './format-analyze-markdown.js';
import { KIND_COLOURS } from './kind-colours.js';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text as HTML: every character that could open markup is an entity. */
export function esc(text: unknown): string {
  return String(text ?? '').replace(/[&<>"']/g, (c) => ESCAPES[c] as string);
}

const CSS = `
:root{color-scheme:light;--ink:#1a202c;--muted:#5a6478;--line:#e2e8f0;--bg:#f7fafc}
*{box-sizing:border-box}body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);background:#fff}
header,main{max-width:1100px;margin:0 auto;padding:1rem 1.5rem}header{border-bottom:1px solid var(--line)}
h1{font-size:1.6rem;margin:.3rem 0}h2{font-size:1.25rem;margin:2rem 0 .6rem;border-bottom:1px solid var(--line);padding-bottom:.3rem}h3{font-size:1.05rem;margin:1.2rem 0 .4rem}
.muted{color:var(--muted)}.warn{background:#fffbea;border-left:4px solid #d69e2e;padding:.4rem .8rem;margin:.4rem 0}
table{border-collapse:collapse;width:100%;margin:.4rem 0 1rem}th,td{border-bottom:1px solid var(--line);padding:.3rem .5rem;text-align:left;vertical-align:top}td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(320px,1fr));gap:1rem}.card{border:1px solid var(--line);border-radius:8px;padding:.8rem 1rem;background:var(--bg)}
.card h3{margin-top:0}.kind{font-weight:600;margin:.6rem 0 .2rem}blockquote{margin:.2rem 0 .4rem;padding:.1rem .6rem;border-left:3px solid var(--line);background:#fff}
.where{color:var(--muted);font-size:.85em}.chip{display:inline-block;width:.8em;height:.8em;border-radius:2px;margin-right:.3em;vertical-align:-1px}
svg{max-width:100%;height:auto;display:block;margin:.4rem 0 1rem}svg text{font:12px system-ui,sans-serif;fill:#2d3748}
`;

interface HtmlWords {
  panel: string;
  saturation: string;
  charts: string;
  extractsPerInterview: string;
  emotionsPerInterview: string;
  curve: string;
  themes: string;
  cards: string;
  interviewer: string;
  file: string;
  questions: string;
  run: string;
  newCodes: string;
  ratio: string;
  segment: string;
  share: string;
  quoteBy: (speaker: string | null) => string;
  threshold: string;
}

const HTML_WORDS: Record<'en' | 'fr', HtmlWords> = {
  en: { panel: 'Panel', saturation: 'Saturation', charts: 'Charts', extractsPerInterview: 'Extracts per kind and interview', emotionsPerInterview: 'Emotions per interview', curve: 'New information per run (share of the base codes)', themes: 'Recurring themes', cards: 'Customer model, interview by interview', interviewer: 'Interviewer behaviour', file: 'File', questions: 'Questions to rework', run: 'Run', newCodes: 'New codes', ratio: 'Ratio', segment: 'Segment', share: 'Share', quoteBy: (s) => (s ? `— ${s}` : ''), threshold: 'threshold' },
  fr: { panel: 'Panel', saturation: 'Saturation', charts: 'Graphiques', extractsPerInterview: 'Extraits par type et par entretien', emotionsPerInterview: 'Émotions par entretien', curve: "Information nouvelle par série (part des codes de la base)", themes: 'Thèmes récurrents', cards: 'Modèle client, entretien par entretien', interviewer: "Comportement de l'intervieweur", file: 'Fichier', questions: 'Questions à retravailler', run: 'Série', newCodes: 'Nouveaux codes', ratio: 'Part', segment: 'Segment', share: 'Part', quoteBy: (s) => (s ? `— ${s}` : ''), threshold: 'seuil' },
};

function legend(words: AnalyzeWords): string {
  return `<p class="muted">${EXTRACT_KINDS.map((k) => `<span class="chip" style="background:${KIND_COLOURS[k]}"></span>${esc(words.kinds[k])}`).join(' &nbsp; ')}</p>`;
}

interface Bar {
  label: string;
  segments: Array<{ n: number; colour: string; title: string }>;
  /** Printed after the bar. */
  total?: number;
}

/** Horizontal stacked bars, one per row, scaled to the longest. */
function stackedBars(bars: Bar[], ariaLabel: string): string {
  const rowH = 22;
  const labelW = 260;
  const barW = 560;
  let max = 1;
  for (const bar of bars) max = Math.max(max, bar.segments.reduce((sum, s) => sum + s.n, 0));
  const rows = bars.map((bar, r) => {
    let x = labelW;
    const y = r * rowH;
    const parts = bar.segments
      .map(({ n, colour, title }) => {
        if (n === 0) return '';
        const w = (n / max) * barW;
        const rect = `<rect x="${x.toFixed(1)}" y="${y + 3}" width="${w.toFixed(1)}" height="${rowH - 6}" fill="${colour}"><title>${title}: ${n}</title></rect>`;
        x += w;
        return rect;
      })
      .join('');
    const total = bar.total === undefined ? '' : `<text x="${(x + 6).toFixed(1)}" y="${y + rowH - 7}">${bar.total}</text>`;
    return `<text x="0" y="${y + rowH - 7}">${esc(bar.label)}</text>${parts}${total}`;
  });
  return `<svg class="chart" role="img" aria-label="${esc(ariaLabel)}" viewBox="0 0 ${labelW + barW + 40} ${Math.max(rowH, bars.length * rowH)}" xmlns="http://www.w3.org/2000/svg">${rows.join('')}</svg>`;
}

/** Extracts per interview, a segment per kind. */
function extractsChart(interviews: InterviewResult[], words: AnalyzeWords): string {
  const bars = interviews.map((interview) => ({
    label: shortPath(interview.path),
    segments: EXTRACT_KINDS.map((kind) => ({ n: interview.extracts.filter((e) => e.kind === kind).length, colour: KIND_COLOURS[kind], title: esc(words.kinds[kind]) })),
    total: interview.extracts.length,
  }));
  return stackedBars(bars, words.title);
}

const POLARITY_COLOURS = { negative: '#c53030', mixed: '#a0aec0', positive: '#2f855a' } as const;

/** Emotions per interview, a segment per polarity. */
function emotionsChart(interviews: InterviewResult[]): string {
  const bars = interviews.map((interview) => {
    const byPolarity = { positive: 0, negative: 0, mixed: 0 };
    for (const e of interview.extracts) if (e.kind === 'emotion') byPolarity[e.polarity ?? 'mixed']++;
    return { label: shortPath(interview.path), segments: (['negative', 'mixed', 'positive'] as const).map((p) => ({ n: byPolarity[p], colour: POLARITY_COLOURS[p], title: p })) };
  });
  return stackedBars(bars, 'emotions');
}

function saturationCurve(report: AnalyzeReport, html: HtmlWords): string {
  const { table, thresholds } = report.summary.saturation;
  if (table.length === 0) return '';
  const w = 640;
  const h = 200;
  const pad = 36;
  const maxRatio = table.reduce((m, r) => Math.max(m, r.ratio), 0.1);
  const x = (i: number): number => pad + (table.length === 1 ? 0 : (i / (table.length - 1)) * (w - 2 * pad));
  const y = (ratio: number): number => h - pad - (ratio / maxRatio) * (h - 2 * pad);
  const points = table.map((r, i) => `${x(i).toFixed(1)},${y(r.ratio).toFixed(1)}`).join(' ');
  const threshold = thresholds[0]?.threshold ?? 0.05;
  const labels = table.map((r, i) => `<text x="${x(i).toFixed(1)}" y="${h - pad + 16}" text-anchor="middle">${r.from}–${r.to}</text>`).join('');
  return `<svg class="chart saturation" role="img" aria-label="${esc(html.curve)}" viewBox="0 0 ${w} ${h}" xmlns="http://www.w3.org/2000/svg"><line x1="${pad}" y1="${h - pad}" x2="${w - pad}" y2="${h - pad}" stroke="#a0aec0"/><line x1="${pad}" y1="${y(threshold).toFixed(1)}" x2="${w - pad}" y2="${y(threshold).toFixed(1)}" stroke="#d69e2e" stroke-dasharray="4 3"/><text x="${w - pad}" y="${(y(threshold) - 4).toFixed(1)}" text-anchor="end">${esc(html.threshold)} ${Math.round(threshold * 100)} %</text><polyline fill="none" stroke="#2b6cb0" stroke-width="2" points="${points}"/>${table.map((r, i) => `<circle cx="${x(i).toFixed(1)}" cy="${y(r.ratio).toFixed(1)}" r="3" fill="#2b6cb0"><title>${r.from}–${r.to}: ${Math.round(r.ratio * 100)} %</title></circle>`).join('')}${labels}</svg>`;
}

function shortPath(path: string): string {
  return path.length <= 38 ? path : `…${path.slice(-37)}`;
}

function quote(text: string, path: string, line: number, speaker: string | null, html: HtmlWords): string {
  return `<blockquote>${esc(text)} <span class="where">${esc(html.quoteBy(speaker))} ${esc(path)}:${line}</span></blockquote>`;
}

function card(interview: InterviewResult, words: AnalyzeWords, html: HtmlWords): string {
  const meta = interview.meta;
  const who = [meta.participant, meta.segment, meta.date].filter((v) => v !== undefined && v !== null && String(v) !== '').map((v) => esc(v instanceof Date ? v.toISOString().slice(0, 10) : String(v)));
  const sections = CARD_KINDS
    .map((kind) => {
      const extracts = interview.extracts.filter((e) => e.kind === kind).slice(0, 6);
      if (extracts.length === 0) return '';
      return `<div class="kind"><span class="chip" style="background:${KIND_COLOURS[kind]}"></span>${esc(words.kinds[kind])}</div>${extracts.map((e) => quote(e.text + (e.emotion ? ` [${e.emotion}]` : ''), interview.path, e.line, e.speaker, html)).join('')}`;
    })
    .join('');
  return `<section class="card"><h3>${esc(interview.path)}</h3>${who.length > 0 ? `<p class="muted">${who.join(' · ')}</p>` : ''}${sections || `<p class="muted">${esc(words.none)}</p>`}</section>`;
}

export function formatAnalyzeHtml(report: AnalyzeReport): string {
  const lang = reportLang(report);
  const words = ANALYZE_WORDS[lang];
  const html = HTML_WORDS[lang];
  const { summary } = report;
  const out: string[] = [];
  out.push(
    '<!doctype html>',
    `<html lang="${lang}">`,
    '<head>',
    '<meta charset="utf-8">',
    // No script, no request anywhere: the page is read offline, and a note's "<script>" could never run.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${esc(words.title)}</title>`,
    `<style>${CSS}</style>`,
    '</head>',
    '<body>',
    `<header><h1>${esc(words.title)}</h1><p class="muted">${esc(words.interviewsCount(summary.interviews))}, ${esc(words.extractsCount(summary.extracts))} · ${esc(report.tool)} ${esc(report.version)}</p></header>`,
    '<main>',
  );
  // Panel and saturation
  out.push(`<h2 id="panel">${esc(html.panel)}</h2><p>${esc(words.panelLine(summary.panel))}</p>`);
  for (const warning of words.panelWarnings(summary.panel, summary.interviews)) out.push(`<p class="warn">${esc(warning)}</p>`);
  if (summary.panel.segments.length > 0) {
    out.push(`<table class="segments"><thead><tr><th>${esc(html.segment)}</th><th class="n">${esc(words.interviews)}</th><th class="n">${esc(html.share)}</th></tr></thead><tbody>`);
    for (const s of summary.panel.segments) out.push(`<tr><td>${esc(s.segment)}</td><td class="n">${s.interviews}</td><td class="n">${Math.round(s.share * 100)} %</td></tr>`);
    out.push('</tbody></table>');
  }
  out.push(`<h2 id="saturation">${esc(html.saturation)}</h2><p>${esc(words.saturationLine(summary.saturation, summary.interviews))}</p>`, saturationCurve(report, html));
  if (summary.saturation.table.length > 0) {
    out.push(`<table class="saturation-table"><thead><tr><th>${esc(html.run)}</th><th class="n">${esc(html.newCodes)}</th><th class="n">${esc(html.ratio)}</th></tr></thead><tbody>`);
    for (const r of summary.saturation.table) out.push(`<tr><td>${r.from}–${r.to}</td><td class="n">${r.newCodes}</td><td class="n">${Math.round(r.ratio * 1000) / 10} %</td></tr>`);
    out.push('</tbody></table>');
  }
  // Charts
  out.push(`<h2 id="charts">${esc(html.charts)}</h2><h3>${esc(html.extractsPerInterview)}</h3>`, legend(words), extractsChart(report.interviews, words), `<h3>${esc(html.emotionsPerInterview)}</h3>`, emotionsChart(report.interviews));
  // Themes
  out.push(`<h2 id="themes">${esc(html.themes)}</h2>`);
  if (summary.themes.length === 0) out.push(`<p class="muted">${esc(words.none)}</p>`);
  for (const kind of EXTRACT_KINDS) {
    const themes = summary.themes.filter((t) => t.kind === kind);
    if (themes.length === 0) continue;
    out.push(`<h3><span class="chip" style="background:${KIND_COLOURS[kind]}"></span>${esc(words.kinds[kind])}</h3>`);
    for (const t of themes) {
      out.push(`<p><strong>${esc(t.keyword)}</strong> <span class="muted">${esc(words.mentionedIn(t.interviews))}, ${esc(words.extractsCount(t.extracts))}</span></p>`);
      for (const q of t.quotes) out.push(quote(q.text, q.path, q.line, null, html));
    }
  }
  // Group-by breakdowns
  for (const [field, values] of Object.entries(summary.groups)) {
    out.push(`<h2>${esc(words.byField(field))}</h2><table class="groups"><thead><tr><th>${esc(field)}</th>${EXTRACT_KINDS.map((k) => `<th class="n">${esc(words.kinds[k])}</th>`).join('')}</tr></thead><tbody>`);
    for (const [value, counts] of Object.entries(values)) out.push(`<tr><td>${esc(value || '—')}</td>${EXTRACT_KINDS.map((k) => `<td class="n">${counts[k]}</td>`).join('')}</tr>`);
    out.push('</tbody></table>');
  }
  // Interviewer behaviour
  out.push(`<h2 id="interviewer">${esc(html.interviewer)}</h2><table class="interviewer"><thead><tr><th>${esc(html.file)}</th><th class="n">${esc(words.talkRatio)}</th><th class="n">${esc(html.questions)}</th></tr></thead><tbody>`);
  for (const i of report.interviews) out.push(`<tr><td>${esc(i.path)}</td><td class="n">${i.talkRatio === null ? '—' : `${Math.round(i.talkRatio * 100)} %`}</td><td class="n">${i.interviewerIssues.length}</td></tr>`);
  out.push('</tbody></table>');
  // Cards
  out.push(`<h2 id="cards">${esc(html.cards)}</h2><div class="cards">`, ...report.interviews.map((i) => card(i, words, html)), '</div>');
  if (report.fileErrors.length > 0) {
    out.push(`<h2>${esc(words.fileErrors)}</h2><ul>`);
    for (const e of report.fileErrors) out.push(`<li>${esc(e.path)}${e.line ? `:${e.line}` : ''}: ${esc(e.message)}</li>`);
    out.push('</ul>');
  }
  out.push('</main>', '</body>', '</html>');
  return `${out.join('\n')}\n`;
}
