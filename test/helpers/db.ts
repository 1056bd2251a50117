import { randomUUID } from 'node:crypto';
import { createPgDb } from '../../core/pg-db.js';
import { createPgliteDb } from '../../core/pglite-db.js';
import { migrate } from '../../core/migrations.js';
import type { Db } from '../../core/db.js';

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** A migrated PostgreSQL schema of its own, dropped by cleanup(), so test files run in parallel. */
export async function freshPgSchema(label = 't'): Promise<{ db: Db; schema: string; cleanup(): Promise<void> }> {
  const schema = `${label}_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const admin = createPgDb(TEST_DATABASE_URL, { max: 1 });
  await admin.exec(`CREATE SCHEMA ${schema}`);
  const db = createPgDb(TEST_DATABASE_URL, { schema });
  await migrate(db);
  return {
    db,
    schema,
    async cleanup() {
      await db.close();
      await admin.exec(`DROP SCHEMA ${schema} CASCADE`);
      await admin.close();
    },
  };
}

export async function freshPglite(): Promise<{ db: Db; cleanup(): Promise<void> }> {
  const db = await createPgliteDb(null);
  await migrate(db);
  return { db, cleanup: () => db.close() };
}
