import type { BlobStore } from '../core/blob-store.js';
import type { DocumentStore, SplitPage } from '../core/document-store.js';
import { blobKeys, documentIdFor, type StageResults } from '../core/pipeline.js';
import { PermanentError } from '../core/errors.js';
import type { PageImage } from '../core/types.js';

// Stage 1: a scanned file becomes letters. Pages are stored as lossless greyscale images at the
// scanned resolution; blank back sides and separator sheets are recorded but belong to no letter.

export interface PageVerdict {
  blank: boolean;
  separator: boolean;
  issues: string[];
}

export interface IngestDeps {
  store: DocumentStore;
  blobs: BlobStore;
  /** Pages one at a time, so a 500-page stack is never held in memory whole. */
  decode(bytes: Buffer, fileName: string): AsyncIterable<PageImage>;
  inspect(page: PageImage): Promise<PageVerdict>;
  split(verdicts: PageVerdict[]): { letters: number[][] };
}

export async function ingestScan(deps: IngestDeps, scanId: string): Promise<StageResults['ingest']> {
  const scan = await deps.store.getScan(scanId);
  if (!scan) throw new PermanentError('UNKNOWN_SCAN', `scan ${scanId} is not recorded`);
  if (scan.status === 'split') return resultFromRecord(deps, scanId); // re-delivered job

  const verdicts: PageVerdict[] = [];
  const dpis: (number | null)[] = [];
  for await (const page of deps.decode(await deps.blobs.get(scan.blob_key), scan.file_name)) {
    dpis.push(page.dpi);
    await deps.blobs.put(blobKeys.page(scanId, dpis.length), page.png, 'image/png');
    verdicts.push(await deps.inspect(page));
  }
  if (dpis.length === 0) throw new PermanentError('NO_PAGES', `${scan.file_name}: no pages found`);
  const { letters } = deps.split(verdicts);
  const docOfPage = new Map<number, string>();
  const documents = letters.map((idx) => {
    const documentId = documentIdFor(scanId, idx[0]! + 1);
    for (const i of idx) docOfPage.set(i, documentId);
    return { documentId, pages: idx.map((i) => i + 1) };
  });
  const split: SplitPage[] = dpis.map((dpi, i) => ({
    pageNo: i + 1,
    kind: verdicts[i]!.separator ? 'separator' : docOfPage.has(i) ? 'letter' : 'blank',
    documentId: docOfPage.get(i) ?? null,
    imageKey: blobKeys.page(scanId, i + 1),
    dpi,
    issues: verdicts[i]!.issues,
  }));
  await deps.store.markScanSplit(scanId, scan.received_at, split, documents);
  return {
    documents: documents.map((d) => ({
      documentId: d.documentId,
      pages: d.pages.map((n) => ({ imageKey: blobKeys.page(scanId, n), dpi: dpis[n - 1] ?? null })),
    })),
  };
}

async function resultFromRecord(deps: IngestDeps, scanId: string): Promise<StageResults['ingest']> {
  const pages = await deps.store.scanPages(scanId);
  const docs = await deps.store.documentsOfScan(scanId);
  return {
    documents: docs.filter((d) => d.status === 'ocr').map((d) => ({
      documentId: d.document_id,
      pages: d.pages.map((n) => {
        const p = pages.find((x) => x.page_no === n)!;
        return { imageKey: p.image_key, dpi: p.dpi };
      }),
    })),
  };
}
