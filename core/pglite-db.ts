import { mkdirSync, openSync, closeSync, writeFileSync, readFileSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite, types } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import type { Db, Queryable } from './db.js';
import { PermanentError } from './errors.js';
import { isProcessAlive } from './process-alive.js';

// Match the node-postgres adapter: numbers as numbers, DATE as 'YYYY-MM-DD'.
const parsers = {
  [types.INT8]: (v: string) => Number(v),
  [types.NUMERIC]: (v: string) => Number(v),
  [types.DATE]: (v: string) => v,
};

/**
 * Opens the embedded database in `dir` (or in memory when dir is null). PGlite does not stop a
 * second process from opening the same folder and corrupting it, so a lock file does.
 */
export async function createPgliteDb(dir: string | null): Promise<Db> {
  let releaseLock = () => {};
  if (dir) {
    mkdirSync(dir, { recursive: true });
    releaseLock = takeLock(join(dir, '..', 'pglite.lock'));
  }
  const pgl = await PGlite.create({ dataDir: dir ?? undefined, extensions: { pg_trgm, unaccent }, parsers });
  // PGlite runs one statement at a time; a transaction must not interleave with other queries.
  let chain: Promise<unknown> = Promise.resolve();
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const next = chain.then(fn, fn);
    chain = next.catch(() => undefined);
    return next;
  };
  return {
    kind: 'pglite',
    query: (sql, params) => serial(() => pgl.query(sql, params)) as never,
    exec: async (sql) => {
      await serial(() => pgl.exec(sql));
    },
    transaction: (fn) =>
      serial(() =>
        pgl.transaction(async (t) => {
          const tx: Queryable = { query: (sql, params) => t.query(sql, params) as never };
          return fn(tx);
        }),
      ),
    close: async () => {
      await chain.catch(() => undefined);
      await pgl.close();
      releaseLock();
    },
  };
}

function takeLock(path: string): () => void {
  try {
    const fd = openSync(path, 'wx');
    writeFileSync(fd, String(process.pid));
    closeSync(fd);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    const pid = Number(readFileSync(path, 'utf8'));
    if (pid && pid !== process.pid && isProcessAlive(pid)) {
      throw new PermanentError(
        'DB_LOCKED',
        `the embedded database is in use by process ${pid}; stop it, or set DATABASE_URL to share a PostgreSQL server`,
      );
    }
    writeFileSync(path, String(process.pid)); // stale lock from a process that died
  }
  return () => {
    try {
      unlinkSync(path);
    } catch {
      /* already gone */
    }
  };
}
