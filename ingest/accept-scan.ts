import { createHash } from 'node:crypto';
import { extname } from 'node:path';
import type { BlobStore } from '../core/blob-store.js';
import type { DocumentStore } from '../core/document-store.js';
import { blobKeys, ingestJob, type NextJob } from '../core/pipeline.js';
import { PermanentError } from '../core/errors.js';

// Entry point of every channel (CLI, upload, inbox): archive the original first, record it, then
// hand it to the queue. The file's hash is its identity, so the same file never makes a second scan.

export interface AcceptDeps {
  store: DocumentStore;
  blobs: BlobStore;
  dispatch(next: NextJob[]): Promise<void>;
  /** Re-dispatches unfinished work of an existing scan (after a crash or a lost queue). */
  resume(scanId: string): Promise<void>;
}

export interface IncomingScan {
  bytes: Buffer;
  fileName: string;
  source: string;
  channel: 'cli' | 'upload' | 'inbox';
  receivedAt: string; // YYYY-MM-DD: the day the post arrived
}

export const MAX_SCAN_BYTES = 512 * 1024 * 1024;

/** A day of the calendar: "2026-02-30" has the shape but is no day (blind test AI: it reached the database, a 500). */
function isCalendarDate(s: string): boolean {
  const day = new Date(`${s}T00:00:00Z`);
  return /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === s;
}

/**
 * What makes an incoming scan unacceptable before anything is stored: an upload of several files is
 * checked whole first, so a refusal never leaves some of its files taken unannounced (blind test AI).
 */
export function checkIncoming(s: IncomingScan): void {
  if (s.bytes.length === 0) throw new PermanentError('EMPTY_FILE', `${s.source}: the file is empty`);
  if (s.bytes.length > MAX_SCAN_BYTES) throw new PermanentError('FILE_TOO_LARGE', `${s.source}: ${s.bytes.length} bytes is over the ${MAX_SCAN_BYTES}-byte limit`);
  if (!isCalendarDate(s.receivedAt)) throw new PermanentError('BAD_DATE', `received-at "${s.receivedAt}" is not a YYYY-MM-DD date`);
}

export async function acceptScan(deps: AcceptDeps, s: IncomingScan): Promise<{ scanId: string; created: boolean }> {
  checkIncoming(s);
  const scanId = createHash('sha256').update(s.bytes).digest('hex');
  const ext = extname(s.fileName).toLowerCase();
  const key = blobKeys.original(scanId, /^\.[a-z0-9]{1,5}$/.test(ext) ? ext : '.bin');
  if (!(await deps.blobs.has(key))) await deps.blobs.put(key, s.bytes);
  const { created, scan } = await deps.store.insertScan({
    scanId,
    fileName: s.fileName,
    source: s.source,
    channel: s.channel,
    blobKey: key,
    byteSize: s.bytes.length,
    receivedAt: s.receivedAt,
  });
  if (created) {
    await deps.dispatch([ingestJob(scanId)]);
  } else if (scan.status !== 'failed') {
    await deps.resume(scanId);
  }
  return { scanId, created };
}
