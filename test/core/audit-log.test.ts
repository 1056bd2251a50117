import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendEvent, verifyAuditChain } from '../../core/audit-log.js';
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

    it('detects a rewritten detail and a deleted row', async () => {
      const { rows } = await db.query<{ event_id: number }>(`SELECT event_id FROM document_events ORDER BY event_id`);
      await db.query(`UPDATE document_events SET detail = '{"i": 999}' WHERE event_id = $1`, [rows[5]!.event_id]);
      expect(await verifyAuditChain(db)).toBe(rows[5]!.event_id);
      await db.query(`DELETE FROM document_events WHERE event_id <= $1`, [rows[5]!.event_id]);
      expect(await verifyAuditChain(db)).toBe(rows[6]!.event_id);
    });
  });
}
