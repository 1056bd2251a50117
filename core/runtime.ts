import { join } from 'node:path';
import type { Config } from './config.js';
import type { Db } from './db.js';
import type { BlobStore } from './blob-store.js';
import { createPgDb } from './pg-db.js';
import { createPgliteDb } from './pglite-db.js';
import { migrate } from './migrations.js';
import { createFsBlobStore } from './fs-blob-store.js';
import { createS3BlobStore } from './s3-blob-store.js';
import { createQueueRuntime, type QueueRuntime } from './queue.js';
import { ensureRedis } from './redis.js';

// The composition root's infrastructure: one database, one archive, one queue runtime, chosen by
// configuration. Embedded defaults (PGlite + files under the data folder) use the same code paths
// as PostgreSQL + S3.

export interface Runtime {
  config: Config;
  db: Db;
  blobs: BlobStore;
  queues: QueueRuntime;
  close(): Promise<void>;
}

export async function openRuntime(config: Config): Promise<Runtime> {
  const redis = await ensureRedis(config.redisUrl, { autostart: config.redisAutostart, dataDir: config.dataDir });
  if (config.databaseUrl && config.databaseSchema) {
    const admin = createPgDb(config.databaseUrl, { max: 1 });
    await admin.exec(`CREATE SCHEMA IF NOT EXISTS ${config.databaseSchema}`).finally(() => admin.close());
  }
  const db = config.databaseUrl
    ? createPgDb(config.databaseUrl, { schema: config.databaseSchema ?? undefined })
    : await createPgliteDb(join(config.dataDir, 'pglite'));
  try {
    await migrate(db);
  } catch (err) {
    await db.close();
    throw err;
  }
  const blobs = config.s3 ? createS3BlobStore(config.s3) : createFsBlobStore(join(config.dataDir, 'archive'));
  // Job ids come from the scan's content, and Redis keeps finished jobs for a week: a new database
  // (a wiped data folder, a restored backup) on the same Redis would find "its" jobs already done
  // and never run them. Each database's queues therefore live under its own id; unfinished work of
  // a database is put back on its queues at start (core/recovery.ts).
  const { rows } = await db.query<{ id: string }>(`SELECT id FROM installation`);
  const queues = createQueueRuntime(config.redisUrl, `${config.queuePrefix}:${rows[0]!.id}`);
  return {
    config,
    db,
    blobs,
    queues,
    async close() {
      await queues.close();
      await db.close();
      redis.stop();
    },
  };
}
