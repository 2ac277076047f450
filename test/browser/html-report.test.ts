import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maskNumber } from '../../src/report/mask.js';
import { browserPlan, INSTALL_COMMAND } from '../support/browser.js';
import { dqc, dqcJson, ROOT, tempDir } from '../support/cli.js';

// The HTML report in a real browser: Debian's chromium (`npm run browser:install`, which .ci/run
// runs), driven by playwright-core. Without a browser the suite is skipped with one line naming that
// command (test/support/browser.ts); under DQC_REQUIRE_BROWSER=1 (.ci/run) it runs and fails if
// chromium cannot be launched. DQC_CHROMIUM points at another executable; DQC_SKIP_BROWSER=1 skips.
// DQC_UPDATE_SCREENSHOT=1 also writes the screenshot to docs/report-vi.png for the README.

const { executable: EXECUTABLE, skip: SKIP } = browserPlan(process.env);
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const FIXTURE = 'fixtures/population-defects.csv';
const AS_OF = ['--as-of', '2026-11-01'];

/** The little of the DOM's XML document the JUnit check reads (the test's types have no DOM). */
interface XmlDocument {
  getElementsByTagName(name: string): ArrayLike<{ getAttribute(name: string): string | null }>;
}

interface Probe {
  page: Page;
  dialogs: string[];
  requests: string[];
  errors: string[];
}

// The one line that says why, on the run's own output (vitest shows a skipped suite's title only in
// its verbose reporter).
if (SKIP) process.stderr.write(`${SKIP}\n`);

describe.skipIf(SKIP !== null)(SKIP ?? `HTML report in headless Chromium (${EXECUTABLE})`, () => {
  let browser: Browser;
  const dir = tempDir();

  beforeAll(async () => {
    try {
      browser = await chromium.launch({ executablePath: EXECUTABLE, args: ARGS, timeout: 60_000 });
    } catch (error) {
      throw new Error(`cannot launch ${EXECUTABLE} (\`${INSTALL_COMMAND}\` installs Debian's chromium; DQC_SKIP_BROWSER=1 skips this test): ${(error as Error).message}`, {
        cause: error,
      });
    }
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
  });

  async function open(path: string): Promise<Probe> {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const probe: Probe = { page, dialogs: [], requests: [], errors: [] };
    page.on('dialog', (dialog) => {
      probe.dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    page.on('request', (request) => probe.requests.push(request.url()));
    page.on('pageerror', (error) => probe.errors.push(error.message));
    await page.goto(pathToFileURL(path).href);
    return probe;
  }

  function writeReport(name: string, args: string[]): string {
    const path = join(dir, name);
    const run = dqc(['check', ...args, ...AS_OF, '--output-html', path, '-q']);
    expect(run.code, run.stderr).toBe(1);
    return path;
  }

  it('shows the scores, the verdict and a masked ID in Vietnamese, loading nothing from the network', async () => {
    const { report } = dqcJson(['check', FIXTURE, ...AS_OF]);
    const id = (report.rules as { samples: { field: string; value: string }[] }[])
      .flatMap((rule) => rule.samples)
      .find((s) => s.field === 'id_number' && /^\d{12}$/.test(s.value) && !/^(\d)\1+$/.test(s.value))!.value;
    const probe = await open(writeReport('vi.html', [FIXTURE, '--lang', 'vi']));
    const { page } = probe;
    for (const key of ['true', 'sufficient', 'clean', 'alive', 'overall']) {
      const score = report.scores[key] as number;
      await expect.poll(() => page.locator(`[data-dimension="${key}"] .ring-value`).textContent()).toBe(score.toFixed(1).replace('.', ','));
    }
    expect(await page.locator('#verdict').innerText()).toContain('Không đạt yêu cầu');
    expect(await page.locator('html').getAttribute('lang')).toBe('vi');
    const body = await page.locator('body').innerText();
    expect(body).toContain(maskNumber(id));
    expect(body).not.toContain(id);
    expect(await page.locator('code.value', { hasText: maskNumber(id) }).count()).toBeGreaterThan(0);
    expect(probe.requests.filter((url) => !url.startsWith('file:'))).toEqual([]);
    expect(probe.errors).toEqual([]);

    // The top of the page: scores, verdict and the first rules with their bars.
    const png = await page.screenshot({ path: join(dir, 'report-vi.png'), fullPage: true, clip: { x: 0, y: 0, width: 1280, height: 1500 } });
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    if (process.env.DQC_UPDATE_SCREENSHOT === '1') copyFileSync(join(dir, 'report-vi.png'), join(ROOT, 'docs', 'report-vi.png'));
    await page.close();
  }, 120_000);

  it('shows a cell holding <script> and never runs it', async () => {
    // The probe can see a script run: a page that does run one trips it.
    const control = join(dir, 'control.html');
    writeFileSync(control, '<!DOCTYPE html><title>c</title><script>window.__dqcPwned = 1; alert("ran")</script>');
    const ran = await open(control);
    expect(await ran.page.evaluate(() => (globalThis as unknown as { __dqcPwned?: number }).__dqcPwned)).toBe(1);
    expect(ran.dialogs).toEqual(['ran']);
    await ran.page.close();

    const csv = join(dir, 'hostile.csv');
    const attack = '<script>window.__dqcPwned=1;alert(1)</script>';
    const image = '<img src=x onerror="window.__dqcPwned=2;alert(2)">';
    writeFileSync(csv, `so_dinh_danh,ho_ten,dan_toc,"${image.replace(/"/g, '""')}"\n001085012345,Nguyễn Văn An,${attack},x\n`);
    const probe = await open(writeReport('hostile.html', [csv]));
    const { page } = probe;
    expect(await page.evaluate(() => (globalThis as unknown as { __dqcPwned?: number }).__dqcPwned)).toBeUndefined();
    expect(await page.locator('script').count()).toBe(0);
    expect(await page.locator('img').count()).toBe(0);
    const body = await page.locator('body').innerText();
    expect(body).toContain(attack);
    expect(body).toContain(image);
    expect(probe.dialogs).toEqual([]);
    expect(probe.requests.filter((url) => !url.startsWith('file:'))).toEqual([]);
    await page.close();
  }, 120_000);

  it('prints: the page renders to PDF with its scores', async () => {
    const probe = await open(join(dir, 'vi.html'));
    await probe.page.emulateMedia({ media: 'print' });
    expect(await probe.page.locator('[data-dimension="overall"] .ring-value').isVisible()).toBe(true);
    const pdf = await probe.page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(20_000);
    await probe.page.close();
  }, 120_000);

  it('parses the JUnit report with the browser’s XML parser', async () => {
    const junit = dqc(['check', FIXTURE, 'fixtures/population-clean.csv', ...AS_OF, '--format', 'junit']).stdout;
    const page = await browser.newPage();
    const parsed = await page.evaluate((xml) => {
      // runs in the page: the browser's own XML parser
      const { DOMParser } = globalThis as unknown as { DOMParser: new () => { parseFromString(text: string, type: string): XmlDocument } };
      const doc = new DOMParser().parseFromString(xml, 'application/xml');
      return {
        errors: doc.getElementsByTagName('parsererror').length,
        suites: Array.from(doc.getElementsByTagName('testsuite')).map((s) => s.getAttribute('name')),
        cases: doc.getElementsByTagName('testcase').length,
      };
    }, junit);
    expect(parsed.errors).toBe(0);
    expect(parsed.suites).toEqual([FIXTURE, 'fixtures/population-clean.csv', 'dqc']);
    expect(parsed.cases).toBe(2 * (35 + 1) + 1); // per file: 35 rules and the input; then the gate
    await page.close();
  }, 120_000);
});
