// The API and `mailroom process --json` describe a letter from the same row: same names, same values.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createDocumentStore } from '../../core/document-store.js';
import { toOutput } from '../../core/process-files.js';
import type { Runtime } from '../../core/runtime.js';
import { testApp } from '../helpers/runtime.js';

let rt: Runtime;
let cleanup: () => Promise<void>;
let app: FastifyInstance;

beforeAll(async () => {
  ({ rt, app, cleanup } = await testApp({ db: 'pglite' }));
});
afterAll(() => cleanup?.());

describe('document view', () => {
  it('gives the CLI every field the API gives, with equal values', async () => {
    const store = createDocumentStore(rt.db);
    const scanId = 'c'.repeat(64);
    const doc = `doc-${'c'.repeat(24)}-1`;
    await store.insertScan({ scanId, fileName: 'a.png', source: 'in/a.png', channel: 'cli', blobKey: 'k', byteSize: 1, receivedAt: '2026-11-16' });
    await store.markScanSplit(scanId, '2026-11-16', [
      { pageNo: 1, kind: 'letter', documentId: doc, imageKey: 'k', dpi: 300, issues: [] },
      { pageNo: 2, kind: 'letter', documentId: doc, imageKey: 'k2', dpi: 300, issues: ['too_light'] },
    ], [{ documentId: doc, pages: [1, 2] }]);
    await store.update(doc, 'test', 'document.routed', {
      status: 'routed', text: 'Reklamacja', ocr_confidence: 91.26, category: 'COMPLAINT', category_confidence: 0.971234,
      secondary_categories: ['BILLING'], customer_id: '4600569014', match_confidence: 0.99049, matched_on: ['phone'],
      candidates: [{ customerId: '4600569014', score: 0.99, evidence: ['phone'] }], worklist: 'complaint-individual', due_at: '2026-12-16',
    });
    const api = (await app.inject(`/api/documents/${doc}`)).json() as Record<string, unknown>;
    const cli = toOutput('in/a.png', (await store.getDocument(doc))!, (await store.scanPages(scanId)).filter((p) => p.issues.length > 0)) as unknown as Record<string, unknown>;
    expect(cli).toMatchObject({ categoryConfidence: 0.971, matchConfidence: 0.99, ocrConfidence: 91.3, dueAt: '2026-12-16', receivedAt: '2026-11-16' });
    // The letter's pages to rescan, in both (blind test AI: the API's letter had none).
    expect(cli.rescanRequested).toEqual([{ page: 2, issues: ['too_light'] }]);
    for (const [k, v] of Object.entries(cli)) if (k !== 'source') expect(api[k], k).toEqual(v);
    expect(api).toMatchObject({ scanId, secondaryCategories: ['BILLING'], error: null, pdf: null });
  });
});
