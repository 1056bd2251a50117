import type { BlobStore } from '../core/blob-store.js';
import type { DocumentStore } from '../core/document-store.js';
import { blobKeys, type JobPayloads, type StageResults } from '../core/pipeline.js';
import { PermanentError } from '../core/errors.js';
import type { PageImage } from '../core/types.js';
import { ILLEGIBLE_ISSUE, isIllegible } from './page-legibility.js';
import type { ReadPageOutcome } from './read-page.js';

// Stage 2a: one page of one letter is prepared and read. Results go to the archive (words with
// boxes, for the searchable PDF and the viewer) and to the database (text, confidence).

/**
 * Page confidence from which a faint page counts as read: clean letters read at 93-96, faint uniform
 * ink from #a0 to #d0 at 95-96 (scratch measurement, 11 and 9 pt), broken-stroke faint typewriter
 * pages at 62-76 and speckled pages (CER ~6 %) at 83-85.
 */
const READ_WELL = 88;

export interface OcrStageDeps {
  store: DocumentStore;
  blobs: BlobStore;
  readPage(page: PageImage): Promise<Pick<ReadPageOutcome, 'result' | 'preparedPng' | 'inkShare' | 'showThrough'>>;
}

export async function ocrPage(deps: OcrStageDeps, job: JobPayloads['ocr']): Promise<StageResults['ocr']> {
  const png = await deps.blobs.get(job.imageKey);
  const { width, height } = pngSize(png);
  const { result, preparedPng, inkShare, showThrough } = await deps.readPage({ png, width, height, dpi: job.dpi });
  const ocrKey = blobKeys.ocr(job.documentId, job.pageIndex);
  const preparedKey = blobKeys.prepared(job.documentId, job.pageIndex);
  await deps.blobs.put(preparedKey, preparedPng, 'image/png');
  await deps.blobs.put(ocrKey, Buffer.from(JSON.stringify(result)), 'application/json');
  const scanPageNo = Number(/\/(\d+)\.png$/.exec(job.imageKey)?.[1] ?? job.pageIndex + 1);
  await deps.store.savePage(job.documentId, {
    pageIndex: job.pageIndex,
    scanPageNo,
    ocrKey,
    preparedKey,
    text: result.text,
    confidence: result.confidence,
    rotation: result.rotation,
    skew: result.skewDegrees,
  });
  // The other side showing through thin paper: nothing to read and nothing a rescan would bring.
  if (showThrough) await deps.store.withdrawPageIssue(job.documentId, scanPageNo, 'too_light', 'the other side showing through, nothing of its own');
  // The letter goes on with what could be read; the operator sees the page in the scan's rescan list.
  else if (isIllegible(result.words, inkShare)) await deps.store.addPageIssue(job.documentId, scanPageNo, ILLEGIBLE_ISSUE);
  // Preparation stretches faint but whole ink back to black: such a page read as well as any is no
  // reason for a rescan (blind test Y: faded pages flagged too_light read 93-98 % of their words).
  else if (result.confidence >= READ_WELL) await deps.store.withdrawPageIssue(job.documentId, scanPageNo, 'too_light', `read at confidence ${result.confidence.toFixed(0)}`);
  return { documentId: job.documentId, pageIndex: job.pageIndex, confidence: result.confidence };
}

/** Width and height from the PNG header, without decoding the image. */
export function pngSize(png: Buffer): { width: number; height: number } {
  const signature = '89504e470d0a1a0a';
  if (png.length < 24 || png.subarray(0, 8).toString('hex') !== signature || png.toString('ascii', 12, 16) !== 'IHDR') {
    throw new PermanentError('BAD_PAGE_IMAGE', 'stored page image is not a PNG');
  }
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}
