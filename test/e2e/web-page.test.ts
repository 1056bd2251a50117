import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import { testRuntime } from '../helpers/runtime.js';
import type { Runtime } from '../../core/runtime.js';
import { startWorkers } from '../../core/workers.js';
import { STAGES } from '../../core/pipeline.js';
import { buildApp } from '../../api/app.js';
import { importCustomers } from '../../router/import-customers.js';

// The operator's page in a real browser (Debian's chromium, installed by .ci/run): upload a scan
// with its received date, follow it until its letter is routed, open the worklist, the letter with
// its candidates and searchable PDF, and correct it. Slow: the letter goes through the whole pipeline, OCR included.
const samples = fileURLToPath(new URL('../../fixtures/samples/', import.meta.url));
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const slow = process.env.MAILROOM_SKIP_SLOW ? describe.skip : describe;

slow('web page in a browser', () => {
  let rt: Runtime;
  let cleanup: () => Promise<void>;
  let workers: { close(): Promise<void> };
  let app: FastifyInstance;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`no browser at ${CHROMIUM}: apt-get install chromium (bash .ci/run does)`);
    ({ rt, cleanup } = await testRuntime({ db: 'pglite' }));
    await importCustomers(rt.db, join(samples, 'customers.csv'));
    workers = startWorkers(rt, STAGES);
    app = await buildApp(rt, { logger: false });
    base = await app.listen({ host: '127.0.0.1', port: 0 });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await workers?.close();
    await cleanup?.();
  });

  it('uploads a scan, shows it done, lists its worklist and opens the letter as a PDF', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(base);
    await page.setInputFiles('input[type=file]', join(samples, 'scan-004.jpg'));
    await page.fill('input[name=receivedAt]', '2026-11-16');
    await page.click('form#upload button');
    await page.locator('#batch', { hasText: 'done' }).waitFor({ timeout: 300_000 });
    expect(await page.locator('#batch').innerText()).toContain('scan-004.jpg: done — 1/1 letters routed');

    const worklist = page.locator('#worklists a', { hasText: 'fault-individual' });
    await worklist.waitFor();
    await worklist.click();
    const letter = page.locator('#letters a').first();
    await letter.waitFor();
    expect(await page.locator('#letters').innerText()).toContain('2412947865');
    expect(await page.locator('#letters').innerText()).toContain('2026-11-19'); // a fault: 3 days from the received date

    // The adviser opens the letter: its facts, candidates and history, and its searchable PDF.
    await letter.click();
    await page.locator('#doc-facts', { hasText: 'FAULT' }).waitFor();
    expect(await page.locator('#doc-facts').innerText()).toContain('2412947865');
    expect(await page.locator('#doc-facts').innerText()).toMatch(/why here\s+matched on /);
    expect(await page.locator('#candidates').innerText()).toContain('2412947865');
    expect(await page.locator('#history').innerText()).toContain('document.routed');
    const pdf = await page.request.get(new URL((await page.locator('#doc-pdf').getAttribute('href'))!, base).href);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toContain('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');

    // and corrects its category: the letter moves, the history says who did it.
    await page.fill('#correct [name=actor]', 'ewa.adviser');
    await page.selectOption('#correct select', 'BILLING');
    await page.click('#correct button');
    await page.locator('#correct-result', { hasText: 'billing-individual' }).waitFor();
    expect(await page.locator('#history').innerText()).toMatch(/ewa\.adviser\s+document\.corrected/);
    await page.locator('#worklists a', { hasText: 'billing-individual' }).waitFor();
    // The open fault worklist no longer lists the letter it just lost (blind test AI).
    await page.locator('#letters tbody', { hasText: '2412947865' }).waitFor({ state: 'detached', timeout: 10_000 }).catch(() => undefined);
    expect(await page.locator('#letters').innerText()).not.toContain('2412947865');
    expect(errors).toEqual([]);
  }, 360_000);
});
