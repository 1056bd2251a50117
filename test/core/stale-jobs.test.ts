import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshPglite } from '../helpers/db.js';
import { createDocumentStore, type DocumentStore } from '../../core/document-store.js';
import { blobKeys } from '../../core/pipeline.js';
import type { Db } from '../../core/db.js';
import type { BlobStore } from '../../core/blob-store.js';
import { assembleDocument } from '../../ocr/assemble-stage.js';
import { classifyDocument } from '../../classifier/classify-stage.js';
import { routeDocument } from '../../router/route-stage.js';
import { verifyAuditChain } from '../../core/audit-log.js';

// BullMQ runs a job again when its worker died holding it, even after the later stages went on
// (blind test AA: kill -9 twice, an assemble job re-ran after the letter was routed, set it back to
// "classifying", and the letter vanished from every worklist). A stage acts only from its own state.
describe('a stage job run again after the letter moved on', () => {
  let db: Db;
  let store: DocumentStore;
  let cleanup: () => Promise<void>;
  const noBlobs = { get: async () => { throw new Error('must not read'); } } as unknown as BlobStore;
  beforeAll(async () => {
    ({ db, cleanup } = await freshPglite());
    store = createDocumentStore(db);
    await store.insertScan({ scanId: 's1', fileName: 'a.pdf', source: 'a.pdf', channel: 'cli', blobKey: 'scans/s1/original.pdf', byteSize: 1, receivedAt: '2026-11-16' });
    await store.markScanSplit('s1', '2026-11-16', [{ pageNo: 1, kind: 'letter', documentId: 'd1', imageKey: blobKeys.page('s1', 1), dpi: 300, issues: [] }], [{ documentId: 'd1', pages: [1] }]);
    await store.update('d1', 'system:test', 'document.read', { status: 'routing', text: 'Proszę o duplikat faktury.', category: 'BILLING', category_confidence: 0.9, secondary_categories: [], identifiers: { customerNumbers: [] }, explanation: {} });
    await store.update('d1', 'adviser:ewa', 'document.corrected', { status: 'routed', worklist: 'complaint-individual', priority: 5, due_at: '2026-12-16' });
  });
  afterAll(() => cleanup());

  it('leaves a routed (and corrected) letter where it is, with no new history', async () => {
    const before = (await store.history('d1')).length;
    await assembleDocument({ store, blobs: noBlobs, buildSearchablePdf: async () => new Uint8Array(), encodeForPdf: async (b) => b }, { documentId: 'd1', pageCount: 1 });
    await classifyDocument({ store, classify: () => { throw new Error('must not classify'); } }, { documentId: 'd1' });
    const routed = await routeDocument({ store, match: async () => { throw new Error('must not match'); }, segmentOf: async () => null, policy: { categoryThreshold: 0.6, dueDays: {} } as never }, { documentId: 'd1' });
    // The worklist entry the worker adds next follows the record, not the stale job.
    expect(routed).toEqual({ documentId: 'd1', worklist: 'complaint-individual', priority: 5, dueAt: '2026-12-16' });
    expect(await store.getDocument('d1')).toMatchObject({ status: 'routed', worklist: 'complaint-individual', category: 'BILLING' });
    expect((await store.history('d1')).length).toBe(before);
  });

  it('takes a step only from the state it follows', async () => {
    expect(await store.advance('d1', ['ocr', 'classifying', 'routing'], 'system:route', 'document.needs_attention', { status: 'needs_attention' })).toBe(false);
    expect((await store.getDocument('d1'))?.status).toBe('routed');
    expect(await store.advance('d1', ['routed'], 'system:test', 'document.checked', { priority: 6 })).toBe(true);
    expect((await store.getDocument('d1'))?.priority).toBe(6);
    expect(await verifyAuditChain(db)).toBeNull();
  });
});
