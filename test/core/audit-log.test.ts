import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendEvent, eventHash, verifyAuditChain } from '../../core/audit-log.js';
import { createDocumentStore } from '../../core/document-store.js';
import type { Db } from '../../core/db.js';
import { freshPglite, freshPgSchema } from '../helpers/db.js';

for (const kind of ['pglite', 'postgres'] as const) {
  describe(`audit log (${kind})`, () => {
    let db: Db;
    let cleanup: () => Promise<void>;
    beforeAll(async () => {
      ({ db, cleanup } = kind === 'pglite' ? await freshPglite() : await freshPgSchema('audit'));
    });
    afterAll(() => cleanup());

    it('chains events so that the chain verifies, with concurrent appends', async () => {
      await Promise.all(
        Array.from({ length: 20 }, (_, i) => appendEvent(db, { documentId: `doc-${i % 3}`, actor: 'system:test', event: 'step', detail: { i, nested: { b: 2, a: [1, 'ż'] } } })),
      );
      expect(await verifyAuditChain(db)).toBeNull();
    });

    it("gives a document's history with what an auditor needs to recompute each event's hash", async () => {
      const events = await createDocumentStore(db).history('doc-1');
      expect(events.length).toBe(7);
      for (const e of events) {
        const at = new Date(e.at as string).toISOString();
        const recomputed = eventHash(e.prev_hash as string, { documentId: 'doc-1', scanId: e.scan_id as string | null, actor: e.actor as string, event: e.event as string, detail: e.detail, at });
        expect(recomputed).toBe(e.hash);
      }
    });

    it('detects a rewritten detail and a deleted row', async () => {
      const { rows } = await db.query<{ event_id: number }>(`SELECT event_id FROM document_events ORDER BY event_id`);
      await db.query(`UPDATE document_events SET detail = '{"i": 999}' WHERE event_id = $1`, [rows[5]!.event_id]);
      expect(await verifyAuditChain(db)).toBe(rows[5]!.event_id);
      await db.query(`DELETE FROM document_events WHERE event_id <= $1`, [rows[5]!.event_id]);
      expect(await verifyAuditChain(db)).toBe(rows[6]!.event_id);
    });
  });
}
