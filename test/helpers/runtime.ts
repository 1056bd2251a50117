import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { loadConfig } from '../../core/config.js';
import { openRuntime, type Runtime } from '../../core/runtime.js';
import { createPgDb } from '../../core/pg-db.js';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../api/app.js';
import { TEST_DATABASE_URL } from './db.js';

/**
 * A real runtime on the machine's Redis and PostgreSQL, isolated by a queue prefix and a schema of
 * its own (or embedded PGlite), removed again by cleanup().
 */
export async function testRuntime(o: { db: 'postgres' | 'pglite'; env?: Record<string, string> }): Promise<{ rt: Runtime; cleanup(): Promise<void> }> {
  const id = randomUUID().replace(/-/g, '').slice(0, 10);
  const dataDir = await mkdtemp(join(tmpdir(), 'mailroom-rt-'));
  const schema = `e2e_${id}`;
  const config = loadConfig({
    MAILROOM_DATA_DIR: dataDir,
    MAILROOM_QUEUE_PREFIX: `mrtest-${id}`,
    REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    MAILROOM_REDIS_AUTOSTART: 'false',
    ...(o.db === 'postgres' ? { DATABASE_URL: TEST_DATABASE_URL, DATABASE_SCHEMA: schema } : {}),
    ...o.env,
  });
  const rt = await openRuntime(config);
  return {
    rt,
    async cleanup() {
      await rt.close();
      const redis = new Redis(config.redisUrl);
      const keys = await redis.keys(`${config.queuePrefix}:*`);
      if (keys.length) await redis.del(...keys);
      redis.disconnect();
      if (o.db === 'postgres') {
        const admin = createPgDb(TEST_DATABASE_URL, { max: 1 });
        await admin.exec(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
        await admin.close();
      }
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** The fastify app on a fresh test runtime (no workers), closed with it by cleanup(). */
export async function testApp(o: { db: 'postgres' | 'pglite' }): Promise<{ rt: Runtime; app: FastifyInstance; cleanup(): Promise<void> }> {
  const { rt, cleanup } = await testRuntime(o);
  const app = await buildApp(rt);
  return {
    rt,
    app,
    async cleanup() {
      await app.close();
      await cleanup();
    },
  };
}
