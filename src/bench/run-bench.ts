/**
 * `npm run bench`: a benchmark, not a test. Generates a seeded corpus (840 notes of about 6 KB, half
 * English and half French, and 200 guides), then measures in one run, side by side with textlint +
 * textlint-rule-write-good: analyze on the notes (a dense mix, where every sentence carries a cue, and a
 * typical one, at the density of real notes), lint on the guides, a cold one-guide lint (median of
 * several runs), an unchanged re-run with --cache, analyze at 4× and 16× the corpus (time and peak
 * memory should grow linearly and stay flat), and the largest with two worker threads. The 1× analyze
 * and lint steps are the median of three runs. The system's pending writes are flushed before each step,
 * and a fixed CPU loop timed at the start and the end says how fast the machine was. Prints a table and writes bench-results.json.
 *
 *   npm run bench -- [--scales 1,4,16] [--runs 7] [--output bench-results.json] [--no-peer]
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeCorpus, type Corpus } from './corpus.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(ROOT, 'bin/interview-lint.js');
const TEXTLINT = join(ROOT, 'node_modules/.bin/textlint');
const MARKDOWNLINT = join(ROOT, 'node_modules/.bin/markdownlint-cli2');
const TIME = '/usr/bin/time';

interface Measure {
  seconds: number;
  peakMB: number | null;
}

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? (process.argv[i + 1] ?? fallback) : fallback;
}

/** Wall time and peak RSS of a command (peak RSS from GNU time when it is installed). */
function measure(command: string, args: string[], cwd: string): Measure {
  const useTime = existsSync(TIME);
  const started = process.hrtime.bigint();
  const r = useTime
    ? spawnSync(TIME, ['-f', '%M', command, ...args], { cwd, encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024, env: { ...process.env, CI: 'true', NO_COLOR: '1' } })
    : spawnSync(command, args, { cwd, encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024, env: { ...process.env, CI: 'true', NO_COLOR: '1' } });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const kb = useTime ? Number(/(\d+)\s*$/.exec(r.stderr ?? '')?.[1]) : NaN;
  return { seconds, peakMB: Number.isFinite(kb) ? Math.round(kb / 1024) : null };
}

/** The run of median time among n (peak RSS: the highest seen), for the steps short enough to repeat. */
function measureMedian(n: number, command: string, args: string[], cwd: string): Measure {
  const all = Array.from({ length: n }, () => {
    settle();
    return measure(command, args, cwd);
  });
  const peaks = all.map((m) => m.peakMB).filter((p): p is number => p !== null);
  return { seconds: median(all.map((m) => m.seconds)), peakMB: peaks.length > 0 ? Math.max(...peaks) : null };
}

/** Let the system write out what the last step wrote (hundreds of MB at 16×) before timing the next one. */
function settle(): void {
  try {
    execFileSync('sync');
  } catch {
    // no sync command: timings may include some write-back
  }
}

/**
 * This VM's speed drifts by up to 40 % within the hour: a fixed CPU loop, timed in a fresh process at
 * the start and the end of the run, says how fast the machine was (lower is faster).
 */
function cpuLoopMs(): number {
  const loop = 'const t=process.hrtime.bigint();let s=0;for(let i=0;i<3e8;i++)s+=i%7;process.stdout.write(String(Number(process.hrtime.bigint()-t)/1e6)+(s<0?"!":""))';
  return Math.round(Number(spawnSync(process.execPath, ['-e', loop], { encoding: 'utf8' }).stdout));
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

function fmt(n: number | null, digits = 2): string {
  return n === null || !Number.isFinite(n) ? 'n/a' : n.toFixed(digits);
}

function main(): void {
  const scales = arg('scales', '1,4,16').split(',').map(Number).filter((n) => n > 0);
  const runs = Number(arg('runs', '7'));
  const output = arg('output', 'bench-results.json');
  const peer = !process.argv.includes('--no-peer') && existsSync(TEXTLINT);
  const base = join(tmpdir(), 'interview-lint-bench');
  rmSync(base, { recursive: true, force: true });
  const corpora = new Map<number, Corpus>();
  for (const scale of [...new Set([1, ...scales])]) {
    corpora.set(scale, writeCorpus(join(base, `x${scale}`), { notes: 840 * scale, guides: scale === 1 ? 200 : 0, seed: 42 }));
  }
  const typical = writeCorpus(join(base, 'typical'), { notes: 840, guides: 0, seed: 42, mix: 'typical' });
  const one = corpora.get(1) as Corpus;
  const notesMB = one.notesBytes / 1e6;
  const guidesMB = one.guidesBytes / 1e6;
  const node = process.execPath;
  const cwd = join(base, 'x1');
  const results: Record<string, unknown> = { machine: { cpus: (execFileSync('nproc').toString().trim()), node: process.version }, corpus: { notes: 840, notesMB, guides: 200, guidesMB } };
  const rows: string[][] = [];
  const loopAtStart = cpuLoopMs();

  settle();
  process.stderr.write('analyze on the notes…\n');
  const analyze = measureMedian(3, node, [BIN, 'analyze', 'notes', '--output', join(base, 'analyze.json')], cwd);
  rows.push(['analyze 840 notes (dense: every sentence a cue; median of 3)', fmt(analyze.seconds), fmt(notesMB / analyze.seconds), fmt(analyze.peakMB, 0)]);
  results.analyze = { ...analyze, mbPerSecond: notesMB / analyze.seconds };

  process.stderr.write('analyze --format html…\n');
  const analyzeHtml = measureMedian(3, node, [BIN, 'analyze', 'notes', '--format', 'html', '--output', join(base, 'analyze.html')], cwd);
  rows.push([`analyze 840 notes --format html (${fmt(analyzeHtml.seconds / analyze.seconds, 2)}× the JSON run)`, fmt(analyzeHtml.seconds), fmt(notesMB / analyzeHtml.seconds), fmt(analyzeHtml.peakMB, 0)]);
  results.analyzeHtml = { ...analyzeHtml, vsJson: analyzeHtml.seconds / analyze.seconds };

  process.stderr.write('analyze on the typical notes…\n');
  const typicalMB = typical.notesBytes / 1e6;
  const analyzeTypical = measureMedian(3, node, [BIN, 'analyze', 'notes', '--output', join(base, 'analyze-typical.json')], join(base, 'typical'));
  rows.push(['analyze 840 notes (typical: one sentence in eight a cue; median of 3)', fmt(analyzeTypical.seconds), fmt(typicalMB / analyzeTypical.seconds), fmt(analyzeTypical.peakMB, 0)]);
  results.analyzeTypical = { ...analyzeTypical, notesMB: typicalMB, mbPerSecond: typicalMB / analyzeTypical.seconds };

  settle();
  process.stderr.write('lint on the guides…\n');
  const lint = measureMedian(3, node, [BIN, 'lint', 'guides', '--format', 'json', '--output', join(base, 'lint.json')], cwd);
  rows.push(['lint 200 guides (median of 3)', fmt(lint.seconds), fmt(guidesMB / lint.seconds), fmt(lint.peakMB, 0)]);
  results.lint = { ...lint, mbPerSecond: guidesMB / lint.seconds };

  settle();
  process.stderr.write('cold one-guide lint…\n');
  const cold = median(Array.from({ length: runs }, () => measure(node, [BIN, 'lint', one.oneGuide, '--format', 'compact'], cwd).seconds));
  rows.push([`lint one guide, cold (median of ${runs})`, fmt(cold), '', '']);
  results.coldLint = { medianSeconds: cold, runs };

  settle();
  process.stderr.write('--cache…\n');
  rmSync(join(cwd, '.interviewlintcache'), { force: true });
  const firstCache = measure(node, [BIN, 'analyze', 'notes', '--cache', '--output', join(base, 'analyze-cache.json')], cwd);
  const secondCache = measure(node, [BIN, 'analyze', 'notes', '--cache', '--output', join(base, 'analyze-cache.json')], cwd);
  rows.push(['analyze --cache, first run', fmt(firstCache.seconds), '', fmt(firstCache.peakMB, 0)]);
  rows.push([`analyze --cache, unchanged re-run (${fmt(firstCache.seconds / secondCache.seconds, 1)}× faster)`, fmt(secondCache.seconds), '', fmt(secondCache.peakMB, 0)]);
  results.cache = { first: firstCache, second: secondCache, speedup: firstCache.seconds / secondCache.seconds };

  if (peer) {
    settle();
    process.stderr.write('textlint + write-good…\n');
    const peerNotes = measure(TEXTLINT, ['--rule', 'write-good', '--format', 'json', '--output-file', join(base, 'textlint-notes.json'), join(cwd, 'notes')], ROOT);
    const peerTypical = measure(TEXTLINT, ['--rule', 'write-good', '--format', 'json', '--output-file', join(base, 'textlint-typical.json'), join(base, 'typical', 'notes')], ROOT);
    const peerGuides = measure(TEXTLINT, ['--rule', 'write-good', '--format', 'json', '--output-file', join(base, 'textlint-guides.json'), join(cwd, 'guides')], ROOT);
    const peerCold = median(Array.from({ length: runs }, () => measure(TEXTLINT, ['--rule', 'write-good', one.oneGuide], ROOT).seconds));
    rows.push(['textlint + write-good, 840 notes', fmt(peerNotes.seconds), fmt(notesMB / peerNotes.seconds), fmt(peerNotes.peakMB, 0)]);
    rows.push(['textlint + write-good, 840 typical notes', fmt(peerTypical.seconds), fmt(typicalMB / peerTypical.seconds), fmt(peerTypical.peakMB, 0)]);
    rows.push(['textlint + write-good, 200 guides', fmt(peerGuides.seconds), fmt(guidesMB / peerGuides.seconds), fmt(peerGuides.peakMB, 0)]);
    rows.push([`textlint + write-good, one guide cold (median of ${runs})`, fmt(peerCold), '', '']);
    results.peer = { name: 'textlint + textlint-rule-write-good', notes: peerNotes, typicalNotes: peerTypical, guides: peerGuides, coldMedianSeconds: peerCold };
    results.ratios = { analyzeVsPeer: peerNotes.seconds / analyze.seconds, analyzeTypicalVsPeer: peerTypical.seconds / analyzeTypical.seconds, lintVsPeer: peerGuides.seconds / lint.seconds, coldVsPeer: peerCold / cold };
    rows.push(['ratio (peer time / interview-lint time)', `notes ${fmt(peerNotes.seconds / analyze.seconds, 1)}×, typical notes ${fmt(peerTypical.seconds / analyzeTypical.seconds, 1)}×, guides ${fmt(peerGuides.seconds / lint.seconds, 1)}×, cold ${fmt(peerCold / cold, 1)}×`, '', '']);
  }

  // markdownlint-cli2: the markdown linter people already run on a research repo, on the same guides.
  if (!process.argv.includes('--no-peer') && existsSync(MARKDOWNLINT)) {
    settle();
    process.stderr.write('markdownlint-cli2…\n');
    const mdGuides = measureMedian(3, MARKDOWNLINT, ['guides/*.md'], cwd);
    const mdCold = median(Array.from({ length: runs }, () => measure(MARKDOWNLINT, [one.oneGuide], cwd).seconds));
    rows.push(['markdownlint-cli2, the markdown guides (median of 3)', fmt(mdGuides.seconds), '', fmt(mdGuides.peakMB, 0)]);
    rows.push([`markdownlint-cli2, one guide cold (median of ${runs})`, fmt(mdCold), '', '']);
    rows.push(['cold one-guide lint / markdownlint-cli2', `${fmt(cold / mdCold, 2)}× the time`, '', '']);
    results.markdownlint = { guides: mdGuides, coldMedianSeconds: mdCold, coldRatio: cold / mdCold };
  }

  // Single huge files: a 20 MB note of list items (analyze and lint) and a 10 MB note on one line
  // (an automatic transcript): time and peak memory, which must stay bounded.
  settle();
  process.stderr.write('huge single files…\n');
  const huge = writeHugeFiles(join(base, 'huge'));
  const bigList = measure(node, [BIN, 'analyze', huge.list, '--output', join(base, 'huge-list.json')], base);
  const bigListLint = measure(node, [BIN, 'lint', huge.list, '--output', join(base, 'huge-list-lint.txt')], base);
  const oneLine = measure(node, [BIN, 'analyze', huge.line, '--output', join(base, 'huge-line.json')], base);
  const oneLineLint = measure(node, [BIN, 'lint', huge.line, '--output', join(base, 'huge-line-lint.txt')], base);
  rows.push([`analyze one ${fmt(huge.listMB, 1)} MB note of list items`, fmt(bigList.seconds), fmt(huge.listMB / bigList.seconds), fmt(bigList.peakMB, 0)]);
  rows.push([`lint the same file as a guide`, fmt(bigListLint.seconds), fmt(huge.listMB / bigListLint.seconds), fmt(bigListLint.peakMB, 0)]);
  rows.push([`analyze one ${fmt(huge.lineMB, 1)} MB note on one line (time ${fmt(oneLine.seconds / oneLineLint.seconds, 1)}× lint's)`, fmt(oneLine.seconds), fmt(huge.lineMB / oneLine.seconds), fmt(oneLine.peakMB, 0)]);
  results.huge = { list: { mb: huge.listMB, analyze: bigList, lint: bigListLint }, oneLine: { mb: huge.lineMB, analyze: oneLine, lint: oneLineLint } };

  const scaling: Array<Record<string, number | null>> = [];
  for (const scale of scales.filter((s) => s !== 1)) {
    settle();
    process.stderr.write(`analyze at ${scale}×…\n`);
    const corpus = corpora.get(scale) as Corpus;
    const m = measure(node, [BIN, 'analyze', 'notes', '--output', join(base, `analyze-x${scale}.json`)], join(base, `x${scale}`));
    rows.push([`analyze ${scale}× (${840 * scale} notes, time ${fmt(m.seconds / analyze.seconds, 1)}× the 1× run)`, fmt(m.seconds), fmt(corpus.notesBytes / 1e6 / m.seconds), fmt(m.peakMB, 0)]);
    scaling.push({ scale, seconds: m.seconds, mbPerSecond: corpus.notesBytes / 1e6 / m.seconds, peakMB: m.peakMB, timeRatio: m.seconds / analyze.seconds });
  }
  results.scaling = scaling;

  // Two worker threads, on the largest corpus measured: faster where there are cores to spare, at the cost of memory.
  const largest = Math.max(...scales);
  if (largest > 1) {
    settle();
    process.stderr.write(`analyze at ${largest}× with --concurrency 2…\n`);
    const corpus = corpora.get(largest) as Corpus;
    const m = measure(node, [BIN, 'analyze', 'notes', '--concurrency', '2', '--output', join(base, `analyze-x${largest}-workers.json`)], join(base, `x${largest}`));
    rows.push([`analyze ${largest}× with --concurrency 2`, fmt(m.seconds), fmt(corpus.notesBytes / 1e6 / m.seconds), fmt(m.peakMB, 0)]);
    results.workers = { scale: largest, concurrency: 2, ...m, mbPerSecond: corpus.notesBytes / 1e6 / m.seconds };
  }

  const loopAtEnd = cpuLoopMs();
  results.machine = { ...(results.machine as object), cpuLoopMs: { start: loopAtStart, end: loopAtEnd } };
  const table = ['| measurement | seconds | MB/s | peak RSS (MB) |', '|---|---:|---:|---:|', ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
  process.stdout.write(`interview-lint benchmark — ${notesMB.toFixed(2)} MB of notes, ${guidesMB.toFixed(2)} MB of guides, Node ${process.version}\n\n${table}\n\nMachine speed: a fixed CPU loop took ${loopAtStart} ms at the start and ${loopAtEnd} ms at the end of the run (lower is faster).\n`);
  mkdirSync(join(ROOT), { recursive: true });
  writeFileSync(output, `${JSON.stringify(results, null, 2)}\n`);
  process.stdout.write(`\nwritten to ${output}\n`);
}

main();

/** A 20 MB note of varied list items and a 10 MB note on one line, written once per bench run. */
function writeHugeFiles(dir: string): { list: string; line: string; listMB: number; lineMB: number } {
  mkdirSync(dir, { recursive: true });
  const items = [
    '- Elle remplit les plannings le dimanche soir.',
    "- Le logiciel actuel ne gère pas les absences, c'est pénible.",
    '- She keeps a shared spreadsheet with the manager.',
    '- Would love to be told about absences the day before.',
    '- Parents send text messages at the last minute.',
    '- Three part-time staff.',
    "- Pas de budget pour un nouvel outil cette année.",
    "- Elle trouve l'export vers la comptabilité très confus.",
  ];
  const listParts: string[] = [];
  let listBytes = 0;
  for (let i = 0; listBytes < 20e6; i++) {
    const item = `${items[i % items.length]} (${i})\n`;
    listParts.push(item);
    listBytes += Buffer.byteLength(item);
  }
  const sentence = "Alors je note tout dans un cahier, et c'est vraiment pénible. Est-ce que tu as essayé autre chose ? Oui, un tableur, mais on perdait les commandes. ";
  const line = sentence.repeat(Math.ceil(10e6 / Buffer.byteLength(sentence)));
  const list = join(dir, 'list.md');
  const one = join(dir, 'line.md');
  writeFileSync(list, listParts.join(''));
  writeFileSync(one, line);
  return { list, line: one, listMB: listBytes / 1e6, lineMB: Buffer.byteLength(line) / 1e6 };
}
