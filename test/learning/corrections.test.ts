import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../api/app.js';
import { testRuntime } from '../helpers/runtime.js';
import type { Runtime } from '../../core/runtime.js';
import { importCustomers } from '../../router/import-customers.js';
import { createDocumentStore } from '../../core/document-store.js';
import { worklistQueue } from '../../core/pipeline.js';
import { runRetraining } from '../../core/retrain-job.js';
import { createModelSource, hasNewCorrections } from '../../classifier/model-store.js';
import { verifyAuditChain } from '../../core/audit-log.js';

// An adviser corrects a routed letter: recorded, audited, moved; retraining then learns from it.
const samples = fileURLToPath(new URL('../../fixtures/samples/', import.meta.url));
const doc = 'doc-aaaaaaaaaaaaaaaaaaaaaaaa-1';
let rt: Runtime;
let cleanup: () => Promise<void>;
let app: FastifyInstance;
let customerId: string;

beforeAll(async () => {
  ({ rt, cleanup } = await testRuntime({ db: 'pglite' }));
  await importCustomers(rt.db, join(samples, 'customers.csv'));
  customerId = (await rt.db.query<{ customer_id: string }>(`SELECT customer_id FROM customers WHERE segment = 'business' LIMIT 1`)).rows[0]!.customer_id;
  const store = createDocumentStore(rt.db);
  await store.insertScan({ scanId: 'a'.repeat(64), fileName: 'x.pdf', source: 'x.pdf', channel: 'cli', blobKey: 'scans/x/original.pdf', byteSize: 1, receivedAt: '2026-11-16' });
  await store.markScanSplit('a'.repeat(64), '2026-11-16', [{ pageNo: 1, kind: 'letter', documentId: doc, imageKey: 'k', dpi: 300, issues: [] }], [{ documentId: doc, pages: [1] }]);
  await store.update(doc, 'system:test', 'document.routed', {
    status: 'routed', text: 'Proszę o wyjaśnienie, dlaczego rachunek za listopad jest wyższy niż zwykle.', category: 'OTHER', category_confidence: 0.7,
    identifiers: {}, worklist: 'manual-identification', due_at: '2026-12-16', priority: 10,
  });
  await rt.queues.dispatch([{ kind: 'job', job: { queue: worklistQueue('manual-identification'), name: 'letter', jobId: doc, data: {}, priority: 10 } }]);
  app = await buildApp(rt);
});
afterAll(async () => {
  await app?.close();
  await cleanup?.();
});

const correct = (body: unknown) => app.inject({ method: 'POST', url: `/api/documents/${doc}/corrections`, payload: body as object });

describe('adviser corrections', () => {
  it('applies category and customer, records both, and moves the letter between worklists', async () => {
    const res = await correct({ actor: 'adviser.anna', category: 'BILLING', customerId });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ worklist: 'billing-business', dueAt: '2026-11-30' });
    const { rows } = await rt.db.query<{ field: string; old_value: string | null; new_value: string }>(`SELECT field, old_value, new_value FROM corrections ORDER BY correction_id`);
    expect(rows).toEqual([
      { field: 'category', old_value: 'OTHER', new_value: 'BILLING' },
      { field: 'customer', old_value: null, new_value: customerId },
    ]);
    // The category is the adviser's now, certain; not the model's 0.7 for another (blind test AI).
    expect((await rt.db.query(`SELECT category, category_confidence FROM documents WHERE document_id = $1`, [doc])).rows).toEqual([{ category: 'BILLING', category_confidence: 1 }]);
    expect(await rt.queues.hasJob(worklistQueue('manual-identification'), doc)).toBe(false);
    expect((await rt.queues.worklistJobs(worklistQueue('billing-business'))).map((j) => j.id)).toEqual([doc]);
    const history = await createDocumentStore(rt.db).history(doc);
    expect(history.at(-1)).toMatchObject({ actor: 'adviser.anna', event: 'document.corrected' });
    expect(await verifyAuditChain(rt.db)).toBeNull();
  });

  it('refuses unknown customers, unknown categories and unknown documents', async () => {
    expect((await correct({ actor: 'a', customerId: '9999999999' })).json().error).toBe('UNKNOWN_CUSTOMER');
    // A master's own number format is a customer number too (it was refused as malformed).
    expect((await correct({ actor: 'a', customerId: 'JT-0283391' })).json().error).toBe('UNKNOWN_CUSTOMER');
    expect((await correct({ actor: 'a', customerId: 'JT 0283391' })).statusCode).toBe(400);
    expect((await correct({ actor: 'a', category: 'SPAM' })).statusCode).toBe(400);
    expect((await correct({ actor: 'a' })).json().error).toBe('NOTHING_TO_CORRECT');
    // Nobody the audit trail could hold to it (blind test AA recorded a blank actor).
    expect((await correct({ actor: '   ', category: 'FAULT' })).statusCode).toBe(400);
    expect((await correct({ actor: ' anna', category: 'FAULT' })).statusCode).toBe(400);
    const missing = await app.inject({ method: 'POST', url: '/api/documents/doc-bbbbbbbbbbbbbbbbbbbbbbbb-1/corrections', payload: { actor: 'a', category: 'FAULT' } });
    expect(missing.statusCode).toBe(404);
  });

  it('sends a letter back to identification when the adviser removes the customer', async () => {
    expect((await correct({ actor: 'adviser.anna', customerId: null })).json()).toEqual({ worklist: 'manual-identification', dueAt: '2026-11-30' });
  });

  it('retrains on the corrections and records the attempt, using the new model only if accepted', async () => {
    const before = createModelSource(rt.db, 0);
    const shipped = await before();
    expect(await hasNewCorrections(rt.db)).toBe(true);
    // Training runs on a worker thread: this thread keeps answering while it runs.
    let last = performance.now();
    let longestStallMs = 0;
    const tick = setInterval(() => {
      const now = performance.now();
      longestStallMs = Math.max(longestStallMs, now - last);
      last = now;
    }, 20);
    const started = performance.now();
    const r = await runRetraining(rt.db, { perStyle: 120 });
    clearInterval(tick);
    // A stall at the end shows only here: the promise can settle before a late tick gets to run.
    longestStallMs = Math.max(longestStallMs, performance.now() - last);
    const tookMs = performance.now() - started;
    expect(r.corrections).toBe(1);
    expect(tookMs).toBeGreaterThan(1000); // otherwise the stall bound below proves nothing
    expect(longestStallMs).toBeLessThan(Math.min(1000, tookMs / 2));
    // The schedule skips the next run until an adviser corrects another category.
    expect(await hasNewCorrections(rt.db)).toBe(false);
    const { rows } = await rt.db.query<{ accepted: boolean; has_model: boolean }>(`SELECT accepted, model IS NOT NULL AS has_model FROM classifier_models`);
    expect(rows).toEqual([{ accepted: r.accepted, has_model: r.accepted }]);
    const after = await createModelSource(rt.db, 0)();
    expect(after === shipped).toBe(!r.accepted);
  }, 180_000);

  it('lists the worklist holding the most urgent letter first (blind test AI read the overview so)', async () => {
    const store = createDocumentStore(rt.db);
    const urgent = `doc-${'b'.repeat(24)}-1`;
    await store.insertScan({ scanId: 'b'.repeat(64), fileName: 'y.pdf', source: 'y.pdf', channel: 'cli', blobKey: 'scans/y/original.pdf', byteSize: 1, receivedAt: '2026-11-16' });
    await store.markScanSplit('b'.repeat(64), '2026-11-16', [{ pageNo: 1, kind: 'letter', documentId: urgent, imageKey: 'k', dpi: 300, issues: [] }], [{ documentId: urgent, pages: [1] }]);
    await store.update(urgent, 'system:test', 'document.routed', { status: 'routed', text: 'Proszę o kopię moich danych.', category: 'PRIVACY', category_confidence: 0.9, identifiers: {}, worklist: 'privacy-individual', due_at: '2026-11-19', priority: 5 });
    const { worklists } = (await app.inject('/api/worklists')).json() as { worklists: { name: string; nextDue: string }[] };
    expect(worklists.length).toBeGreaterThan(1);
    expect(worklists[0]!.name).toBe('privacy-individual');
    expect(worklists.map((w) => w.nextDue)).toEqual([...worklists.map((w) => w.nextDue)].sort());
  });
});
