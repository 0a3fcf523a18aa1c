/**
 * analyze --format html, opened in headless Chromium (Debian's chromium, installed by .ci/run; driven by
 * playwright-core, no browser download): no console error, no network request, the charts and cards are
 * there, a <script> planted in a note did not run, and a screenshot is written. Also: escaping and
 * identical bytes for identical input, without a browser.
 */
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { esc } from '../../src/report/format-analyze-html.js';
import { cli } from '../helpers/in-process.js';
import { tempFolder } from '../helpers/temp-folder.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const HOSTILE = '---\nparticipant: "<img src=x onerror=window.__pwned=2>"\nsegment: SMB\n---\nA: It takes ages <script>window.__pwned=1</script> and the export is slow. #problem\nA: I hate the <img src=x onerror="window.__pwned=3"> new form, it is confusing.\n';

async function htmlOf(dir: string): Promise<string> {
  const r = await cli(['analyze', '.', '--format', 'html'], dir);
  expect(r.code).toBe(0);
  return r.stdout;
}

function notesWithHostile(): string {
  const dir = tempFolder({ 'zz-hostile.md': HOSTILE });
  cpSync('fixtures/notes', dir, { recursive: true });
  return dir;
}

describe('analyze --format html', () => {
  it('escapes every piece of note text and is the same bytes run after run', async () => {
    expect(esc('<a href="x">\'&\'</a>')).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    const dir = notesWithHostile();
    const first = await htmlOf(dir);
    expect(first).not.toMatch(/<script|<img|<[^>]*\sonerror\s*=/i);
    expect(first).toContain('&lt;script&gt;window.__pwned=1&lt;/script&gt;');
    expect(first).toContain("Content-Security-Policy");
    expect(first).toMatch(/<svg class="chart"/);
    expect(first).toMatch(/<section class="card">/g);
    expect(await htmlOf(dir)).toBe(first);
  });

  // Skipped only on a machine without Chromium outside CI; .ci/run installs it and sets INTERVIEW_LINT_BROWSER_TESTS.
  it.skipIf(!existsSync(CHROMIUM) && !process.env.INTERVIEW_LINT_BROWSER_TESTS)('renders in headless Chromium: no error, no request, charts and cards, the planted script never runs', async () => {
    const { chromium } = await import('playwright-core');
    const dir = notesWithHostile();
    const file = join(dir, 'report.html');
    writeFileSync(file, await htmlOf(dir));
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      const requests: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });
      page.on('pageerror', (e) => errors.push(String(e)));
      page.on('request', (r) => {
        if (r.url() !== `file://${file}`) requests.push(r.url());
      });
      await page.goto(`file://${file}`);
      expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
      expect(await page.locator('script').count()).toBe(0);
      expect(await page.locator('svg.chart').count()).toBeGreaterThanOrEqual(2);
      expect(await page.locator('section.card').count()).toBe(6);
      expect(await page.locator('h1').textContent()).toBe('Interview analysis');
      const shot = join(dir, 'report.png');
      await page.screenshot({ path: shot, fullPage: true });
      expect(readFileSync(shot).subarray(1, 4).toString()).toBe('PNG');
      expect(errors).toEqual([]);
      expect(requests).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 60_000);
});
