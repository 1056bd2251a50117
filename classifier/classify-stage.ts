import type { DocumentStore } from '../core/document-store.js';
import { PermanentError } from '../core/errors.js';
import type { JobPayloads, StageResults } from '../core/pipeline.js';
import type { Classification, Identifiers, LowConfidenceWord } from '../core/types.js';

// Stage 3: what the letter asks for and which identifiers it carries. The explanation is stored
// with the decision so an auditor can see why a letter went where it went.

export interface ClassifyDeps {
  store: DocumentStore;
  /** `lowConfidence`: identifier-bearing words the OCR was unsure of (ocr/low-confidence-words.ts). */
  classify(text: string, lowConfidence: LowConfidenceWord[]): { classification: Classification; identifiers: Identifiers };
}

export async function classifyDocument(deps: ClassifyDeps, job: JobPayloads['classify']): Promise<StageResults['classify']> {
  const doc = await deps.store.getDocument(job.documentId);
  if (!doc) throw new PermanentError('UNKNOWN_DOCUMENT', `document ${job.documentId} is not recorded`);
  // Run again after a crash when the letter has moved on (routed, perhaps corrected by an adviser).
  if (doc.status !== 'classifying') return { documentId: job.documentId };
  const { classification: c, identifiers } = deps.classify(doc.text ?? '', doc.low_confidence_words ?? []);
  await deps.store.advance(
    job.documentId,
    ['classifying'],
    'system:classifier',
    'document.classified',
    {
      status: 'routing',
      category: c.category,
      category_confidence: c.confidence,
      secondary_categories: c.secondary,
      explanation: { features: c.explanation, statedTermDays: c.statedTermDays, statedDueDate: c.statedDueDate ?? null, alternatives: c.alternatives ?? [], ...(c.termSetBySender ? { termSetBySender: true } : {}) },
      identifiers,
    },
    { category: c.category, confidence: c.confidence, secondary: c.secondary, explanation: c.explanation.slice(0, 10), statedTermDays: c.statedTermDays, statedDueDate: c.statedDueDate ?? null, alternatives: c.alternatives ?? [], ...(c.termSetBySender ? { termSetBySender: true } : {}) },
  );
  return { documentId: job.documentId };
}
