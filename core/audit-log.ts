import { createHash } from 'node:crypto';
import type { Db, Queryable } from './db.js';

// Every step of every document, hash-chained: each row's hash covers the previous row's hash and
// its own content, so rewriting or deleting history breaks the chain where it happened.

export interface AuditEvent {
  documentId?: string | null;
  scanId?: string | null;
  actor: string; // 'system:<stage>' or a user name
  event: string;
  detail?: Record<string, unknown>;
}

export const GENESIS_HASH = '0'.repeat(64);

/** JSON with object keys sorted, so the hash survives jsonb's reordering of keys. */
export function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  if (v && typeof v === 'object') {
    const entries = Object.entries(v as Record<string, unknown>)
      .filter(([, x]) => x !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, x]) => `${JSON.stringify(k)}:${canonicalJson(x)}`).join(',')}}`;
  }
  return JSON.stringify(v ?? null);
}

export function eventHash(prevHash: string, e: { documentId: string | null; scanId: string | null; actor: string; event: string; detail: unknown; at: string }): string {
  return createHash('sha256')
    .update(prevHash)
    .update(canonicalJson([e.documentId, e.scanId, e.actor, e.event, e.detail, e.at]))
    .digest('hex');
}

/** Appends inside the caller's transaction; the advisory lock serialises the global chain. */
export async function appendEventTx(tx: Queryable, e: AuditEvent): Promise<void> {
  await tx.query(`SELECT pg_advisory_xact_lock(4242002)`);
  const last = await tx.query<{ hash: string }>(`SELECT hash FROM document_events ORDER BY event_id DESC LIMIT 1`);
  const prev = last.rows[0]?.hash ?? GENESIS_HASH;
  const row = { documentId: e.documentId ?? null, scanId: e.scanId ?? null, actor: e.actor, event: e.event, detail: e.detail ?? {}, at: new Date().toISOString() };
  await tx.query(
    `INSERT INTO document_events (document_id, scan_id, at, actor, event, detail, prev_hash, hash)
     VALUES ($1, $2, $3::timestamptz, $4, $5, $6::jsonb, $7, $8)`,
    [row.documentId, row.scanId, row.at, row.actor, row.event, JSON.stringify(row.detail), prev, eventHash(prev, row)],
  );
}

export function appendEvent(db: Db, e: AuditEvent): Promise<void> {
  return db.transaction((tx) => appendEventTx(tx, e));
}

/** Recomputes the chain; returns the first event id whose hash does not hold, or null. */
export async function verifyAuditChain(db: Queryable): Promise<number | null> {
  const { rows } = await db.query<{ event_id: number; document_id: string | null; scan_id: string | null; actor: string; event: string; detail: unknown; at: Date; prev_hash: string; hash: string }>(
    `SELECT * FROM document_events ORDER BY event_id`,
  );
  let prev = GENESIS_HASH;
  for (const r of rows) {
    const at = new Date(r.at).toISOString();
    const h = eventHash(prev, { documentId: r.document_id, scanId: r.scan_id, actor: r.actor, event: r.event, detail: r.detail, at });
    if (r.prev_hash !== prev || r.hash !== h) return r.event_id;
    prev = r.hash;
  }
  return null;
}
