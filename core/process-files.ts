import { readFile, readdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Runtime } from './runtime.js';
import { createDocumentStore, type DocumentRow } from './document-store.js';
import { documentView, rescanPages, type DocumentView } from './document-view.js';
import { acceptScan } from '../ingest/accept-scan.js';
import { resumeScan } from './recovery.js';
import { PermanentError, errorMessage } from './errors.js';

// `mailroom process`: feed files through the same queues and workers as the service and wait
// until every letter sits in a worklist (or visibly needs attention).

// The fields of a letter `process --json` prints, in the order printed (README).
const OUTPUT_FIELDS = [
  'pages', 'documentId', 'category', 'categoryConfidence', 'secondaryCategories', 'customerId', 'matchConfidence', 'matchedOn',
  'candidates', 'worklist', 'receivedAt', 'dueAt', 'ocrConfidence', 'identifiers', 'explanation',
] as const;

export type ProcessedDocument = { source: string } & Pick<DocumentView, (typeof OUTPUT_FIELDS)[number] | 'status'> & {
  /** Pages of this letter whose scan quality asks the operator for a rescan, with why. */
  rescanRequested: { page: number; issues: string[] }[];
  text: string;
  error?: string;
};

export interface FileOutcome {
  source: string;
  scanId: string | null;
  error: string | null;
  /** An earlier file of the same run with the same bytes: processed once, under that name. */
  duplicateOf?: string;
  documents: ProcessedDocument[];
}

const SCAN_EXTENSIONS = /\.(pdf|tiff?|jpe?g|png|webp)$/i;

/** Files as given, folders walked (scan files only, hidden entries skipped), in a stable order. */
export async function expandPaths(paths: string[]): Promise<string[]> {
  // A mistyped path is bad usage: all of them are named and nothing is processed, so the
  // operator can rerun the same command corrected without half the batch in already.
  const missing = (await Promise.all(paths.map((p) => stat(p).then(() => null, () => p)))).filter((p) => p !== null);
  if (missing.length) throw new PermanentError('NO_FILE', `no such file or folder: ${missing.join(', ')} (nothing was processed)`);
  return expandExisting(paths);
}

async function expandExisting(paths: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const p of paths) {
    const s = await stat(p);
    if (s.isFile()) out.push(p);
    else if (s.isDirectory()) {
      const entries = (await readdir(p)).filter((e) => !e.startsWith('.')).sort();
      const inner = await expandExisting(entries.map((e) => join(p, e)));
      out.push(...inner.filter((f) => SCAN_EXTENSIONS.test(f)));
    }
  }
  return out;
}

export async function processFiles(
  rt: Runtime,
  files: string[],
  opts: { receivedAt: string; onProgress?: (done: number, total: number) => void; timeoutMs?: number },
): Promise<FileOutcome[]> {
  const store = createDocumentStore(rt.db);
  const deps = { store, blobs: rt.blobs, dispatch: rt.queues.dispatch, resume: (id: string) => resumeScan(store, rt.queues, id) };
  const outcomes: FileOutcome[] = [];
  for (const source of files) {
    try {
      const bytes = await readFile(source);
      const { scanId } = await acceptScan(deps, { bytes, fileName: basename(source), source, channel: 'cli', receivedAt: opts.receivedAt });
      // The same bytes twice (a file copied under two names) are one scan: say so, do not wait twice.
      const first = outcomes.find((o) => o.scanId === scanId);
      outcomes.push(first ? { source, scanId: null, error: null, duplicateOf: first.source, documents: [] } : { source, scanId, error: null, documents: [] });
    } catch (err) {
      outcomes.push({ source, scanId: null, error: errorMessage(err), documents: [] });
    }
  }
  const deadline = Date.now() + (opts.timeoutMs ?? 60 * 60_000);
  // One progress query per poll for every file still running; a scan's letters are read once, when
  // all of them are finished. Reading every scan and its letters at each poll cost a sixth of a core
  // on a 30-file batch, taken from the OCR it was waiting for.
  const waiting = new Map(outcomes.filter((o) => o.scanId).map((o) => [o.scanId!, o]));
  let settledDocs = 0;
  for (;;) {
    let done = settledDocs;
    let total = settledDocs;
    let pending = false;
    for (const p of waiting.size ? await store.scanProgress([...waiting.keys()]) : []) {
      const o = waiting.get(p.scan_id)!;
      if (p.status === 'failed') o.error = p.error ?? 'failed';
      if (p.status !== 'split') {
        pending ||= p.status === 'received';
        if (p.status === 'failed') waiting.delete(p.scan_id);
        continue;
      }
      total += p.documents;
      done += p.finished;
      if (p.finished < p.documents) {
        pending = true;
        continue;
      }
      const flagged = (await store.scanPages(p.scan_id)).filter((pg) => pg.issues.length > 0);
      o.documents = (await store.documentsOfScan(p.scan_id)).map((d) => toOutput(o.source, d, flagged));
      settledDocs += o.documents.length;
      waiting.delete(p.scan_id);
    }
    opts.onProgress?.(done, total);
    if (!pending) break;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${total - done} document(s); they continue when a worker runs`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return outcomes;
}

export function toOutput(
  source: string,
  d: DocumentRow,
  flagged: { page_no: number; document_id: string | null; issues: string[] }[] = [],
): ProcessedDocument {
  const v = documentView(d);
  const picked = Object.fromEntries(OUTPUT_FIELDS.map((k) => [k, v[k]])) as Pick<DocumentView, (typeof OUTPUT_FIELDS)[number]>;
  return { source, ...picked, rescanRequested: rescanPages(d.document_id, flagged), text: v.text ?? '', status: v.status, ...(v.error ? { error: v.error } : {}) };
}
