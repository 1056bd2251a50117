import pg from 'pg';
import type { Db, Queryable } from './db.js';

// Numeric and bigint columns come back as strings by default; counts and scores are small.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));
// DATE stays a 'YYYY-MM-DD' string: a calendar day, not an instant in some time zone.
pg.types.setTypeParser(1082, (v) => v);

export function createPgDb(connectionString: string, opts: { schema?: string; max?: number } = {}): Db {
  const pool = new pg.Pool({
    connectionString,
    max: opts.max ?? 10,
    // Tests isolate themselves in a schema of their own; production uses public.
    options: opts.schema ? `-c search_path=${opts.schema},public` : undefined,
  });
  return {
    kind: 'postgres',
    query: async (sql, params) => pool.query(sql, params as unknown[]) as never,
    exec: async (sql) => {
      await pool.query(sql);
    },
    transaction: async (fn) => {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const tx: Queryable = { query: async (sql, params) => client.query(sql, params as unknown[]) as never };
        const result = await fn(tx);
        await client.query('COMMIT');
        return result;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw err;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
