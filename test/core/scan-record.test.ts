import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshPglite } from '../helpers/db.js';
import { createDocumentStore, NO_LETTER_FOUND, type DocumentStore } from '../../core/document-store.js';
import { blobKeys } from '../../core/pipeline.js';

// What the scan record says once a file is split: the API and the web page show it as it is.
describe('the scan record after splitting', () => {
  let store: DocumentStore;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    const fresh = await freshPglite();
    cleanup = fresh.cleanup;
    store = createDocumentStore(fresh.db);
  });
  afterAll(() => cleanup());

  it('says a file with only blank pages holds no letter, and keeps its pages (blind test AD: "split", no error)', async () => {
    await store.insertScan({ scanId: 'b1', fileName: 'blank.pdf', source: 'blank.pdf', channel: 'upload', blobKey: 'scans/b1/original.pdf', byteSize: 1, receivedAt: '2026-11-16' });
    await store.markScanSplit('b1', '2026-11-16', [1, 2].map((pageNo) => ({ pageNo, kind: 'blank' as const, documentId: null, imageKey: blobKeys.page('b1', pageNo), dpi: 300, issues: [] })), []);
    expect(await store.getScan('b1')).toMatchObject({ status: 'split', error: NO_LETTER_FOUND, page_count: 2 });
    expect((await store.scanPages('b1')).map((p) => p.kind)).toEqual(['blank', 'blank']);

    await store.insertScan({ scanId: 'l1', fileName: 'letter.pdf', source: 'letter.pdf', channel: 'upload', blobKey: 'scans/l1/original.pdf', byteSize: 1, receivedAt: '2026-11-16' });
    await store.markScanSplit('l1', '2026-11-16', [{ pageNo: 1, kind: 'letter', documentId: 'd1', imageKey: blobKeys.page('l1', 1), dpi: 300, issues: [] }], [{ documentId: 'd1', pages: [1] }]);
    expect(await store.getScan('l1')).toMatchObject({ status: 'split', error: null });
  });
});
