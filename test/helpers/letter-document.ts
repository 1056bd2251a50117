// A one-page letter document brought through ingest and assembly with a given OCR reading, so a test
// can run the classify and route stages on it without images or an engine.
import { assembleDocument } from '../../ocr/assemble-stage.js';
import { blobKeys } from '../../core/pipeline.js';
import type { BlobStore } from '../../core/blob-store.js';
import type { DocumentStore } from '../../core/document-store.js';
import type { OcrPageResult } from '../../core/types.js';

/** Scan `s1` received on `receivedAt`, split into the one-page letter `d1`. */
export async function splitLetter(store: DocumentStore, receivedAt: string): Promise<void> {
  await store.insertScan({ scanId: 's1', fileName: 'a.png', source: 'a.png', channel: 'cli', blobKey: 'scans/s1/original.png', byteSize: 1, receivedAt });
  await store.markScanSplit('s1', receivedAt, [{ pageNo: 1, kind: 'letter', documentId: 'd1', imageKey: blobKeys.page('s1', 1), dpi: 300, issues: [] }], [{ documentId: 'd1', pages: [1] }]);
}

/** Letter `d1`'s page read as `reading`, then assembled: the document waits for classification. */
export async function assembleRead(store: DocumentStore, reading: OcrPageResult): Promise<void> {
  await store.savePage('d1', { pageIndex: 0, scanPageNo: 1, ocrKey: 'ocr/d1-0.json', preparedKey: 'prep/d1-0.png', text: reading.text, confidence: reading.confidence, rotation: 0, skew: 0 });
  const blobs = { get: async (key: string) => (key.endsWith('.json') ? Buffer.from(JSON.stringify(reading)) : Buffer.alloc(1)), put: async () => {} } as unknown as BlobStore;
  await assembleDocument({ store, blobs, buildSearchablePdf: async () => new Uint8Array(), encodeForPdf: async (b) => b }, { documentId: 'd1', pageCount: 1 });
}
