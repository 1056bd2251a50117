// Migrations that rewrite data must carry an existing database along, not only create a new one.
import { describe, expect, it } from 'vitest';
import { createPgliteDb } from '../../core/pglite-db.js';
import { migrate } from '../../core/migrations.js';

describe('migration 005: invoice lookup keys', () => {
  it('rewrites invoice lookup rows written before it to letters and digits only', async () => {
    const db = await createPgliteDb(null);
    try {
      await migrate(db);
      // A database as 004 left it: lookup rows as printed, two spellings of one invoice.
      await db.exec(`INSERT INTO customer_invoices VALUES ('FV/2025/04/119263', 'C1'), ('FV 2025-04-119263', 'C1'), ('fa/7', 'C2')`);
      await db.exec(`DELETE FROM schema_migrations WHERE id = '005-invoice-lookup-key'`);
      await migrate(db);
      const { rows } = await db.query(`SELECT invoice_number, customer_id FROM customer_invoices ORDER BY customer_id`);
      expect(rows).toEqual([{ invoice_number: 'FV202504119263', customer_id: 'C1' }, { invoice_number: 'FA7', customer_id: 'C2' }]);
      // The primary key still refuses a duplicate.
      await expect(db.exec(`INSERT INTO customer_invoices VALUES ('FA7', 'C2')`)).rejects.toThrow(/duplicate key/);
    } finally {
      await db.close();
    }
  });
});
