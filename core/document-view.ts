// A letter as callers outside the database see it (the API and `mailroom process --json`): one
// mapping from the documents row, so both report the same fields under the same names and values.
import type { DocumentRow } from './document-store.js';

export interface DocumentView {
  documentId: string;
  scanId: string;
  pages: number[];
  status: DocumentRow['status'];
  receivedAt: string;
  dueAt: string | null;
  category: string | null;
  categoryConfidence: number | null;
  secondaryCategories: string[];
  explanation: DocumentRow['explanation'];
  identifiers: DocumentRow['identifiers'];
  customerId: string | null;
  matchConfidence: number | null;
  matchedOn: string[];
  candidates: DocumentRow['candidates'];
  worklist: string | null;
  ocrConfidence: number | null;
  text: string | null;
  error: string | null;
}

export function documentView(d: DocumentRow): DocumentView {
  return {
    documentId: d.document_id,
    scanId: d.scan_id,
    pages: d.pages,
    status: d.status,
    receivedAt: d.received_at,
    dueAt: d.due_at,
    category: d.category,
    // Stored at full precision for calibration; three digits say all a reader can use.
    categoryConfidence: round(d.category_confidence, 3),
    secondaryCategories: d.secondary_categories,
    explanation: d.explanation,
    identifiers: d.identifiers,
    customerId: d.customer_id,
    matchConfidence: round(d.match_confidence, 3),
    matchedOn: d.matched_on,
    candidates: d.candidates,
    worklist: d.worklist,
    ocrConfidence: round(d.ocr_confidence, 1),
    text: d.text,
    error: d.error,
  };
}

function round(v: number | null, digits: number): number | null {
  return v === null ? null : Math.round(v * 10 ** digits) / 10 ** digits;
}

/** A letter's own pages the quality gate flagged, as `process --json` and the API give them. */
export function rescanPages(documentId: string, pages: readonly { page_no: number; document_id: string | null; issues: string[] }[]) {
  return pages.filter((p) => p.document_id === documentId && p.issues.length > 0).map((p) => ({ page: p.page_no, issues: p.issues }));
}
