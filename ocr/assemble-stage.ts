import type { BlobStore } from '../core/blob-store.js';
import type { DocumentStore } from '../core/document-store.js';
import { blobKeys, type JobPayloads, type StageResults } from '../core/pipeline.js';
import { TransientError } from '../core/errors.js';
import type { LowConfidenceWord, OcrPageResult, OcrWord } from '../core/types.js';
import { lowConfidenceWords } from './low-confidence-words.js';

// Stage 2b (fan-in): once every page of a letter is read, its text is joined and one searchable
// PDF is built for advisers and auditors.

export interface SearchablePage {
  image: Buffer;
  width: number;
  height: number;
  dpi: number;
  words: OcrWord[];
}

export interface AssembleDeps {
  store: DocumentStore;
  blobs: BlobStore;
  buildSearchablePdf(pages: SearchablePage[]): Promise<Uint8Array>;
  /** The archived page image in the form the PDF embeds cheaply (JPEG, or 1-bit for bitonal). */
  encodeForPdf(png: Buffer): Promise<Buffer>;
}

export async function assembleDocument(deps: AssembleDeps, job: JobPayloads['assemble']): Promise<StageResults['assemble']> {
  // Run again after a crash when the letter has moved on: nothing to redo.
  if ((await deps.store.getDocument(job.documentId))?.status !== 'ocr') return { documentId: job.documentId };
  const pages = await deps.store.documentPages(job.documentId);
  if (pages.length !== job.pageCount) {
    // The flow only runs us after every child finished; a gap means a write has not landed yet.
    throw new TransientError('PAGES_MISSING', `${job.documentId}: ${pages.length} of ${job.pageCount} pages read`);
  }
  const searchable: SearchablePage[] = [];
  let weighted = 0;
  let words = 0;
  const doubtful: LowConfidenceWord[] = [];
  for (const p of pages) {
    const ocr = JSON.parse((await deps.blobs.get(p.ocr_key)).toString('utf8')) as OcrPageResult;
    searchable.push({ image: await deps.encodeForPdf(await deps.blobs.get(p.prepared_key)), width: ocr.width, height: ocr.height, dpi: ocr.dpi, words: ocr.words });
    // Confidence of the letter = mean over its words, so a near-empty page does not weigh as much as a full one.
    weighted += ocr.words.reduce((s, w) => s + w.confidence, 0);
    words += ocr.words.length;
    doubtful.push(...lowConfidenceWords(ocr.words));
  }
  const pdfKey = blobKeys.searchablePdf(job.documentId);
  await deps.blobs.put(pdfKey, await deps.buildSearchablePdf(searchable), 'application/pdf');
  const text = pages.map((p) => p.text.trim()).join('\n\n');
  const ocrConfidence = words ? Math.round((weighted / words) * 10) / 10 : 0;
  await deps.store.advance(job.documentId, ['ocr'], 'system:ocr', 'document.read', { status: 'classifying', text, ocr_confidence: ocrConfidence, low_confidence_words: doubtful, searchable_pdf_key: pdfKey }, { ocrConfidence, pages: pages.map((p) => ({ rotation: p.rotation, skew: p.skew, confidence: p.confidence })) });
  return { documentId: job.documentId };
}
