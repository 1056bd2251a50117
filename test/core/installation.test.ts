import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../core/config.js';
import { openRuntime, type Runtime } from '../../core/runtime.js';
import { startWorkers } from '../../core/workers.js';
import { STAGES } from '../../core/pipeline.js';
import { processFiles } from '../../core/process-files.js';
import { importCustomers } from '../../router/import-customers.js';

// Job ids come from a scan's content; a new database on a Redis that still holds the finished jobs
// of an earlier one (a wiped data folder, a restored backup) must still process the same file.
const samples = fileURLToPath(new URL('../../fixtures/samples/', import.meta.url));
const prefix = `mrinst-${randomUUID().slice(0, 8)}`;
const dirs: string[] = [];

async function runtimeIn(dir?: string): Promise<Runtime> {
  const dataDir = dir ?? (await mkdtemp(join(tmpdir(), 'mailroom-inst-')));
  if (!dir) dirs.push(dataDir);
  return openRuntime(loadConfig({ MAILROOM_DATA_DIR: dataDir, MAILROOM_QUEUE_PREFIX: prefix, MAILROOM_REDIS_AUTOSTART: 'false', REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379' }));
}

afterAll(async () => {
  const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
  const keys = await redis.keys(`${prefix}:*`);
  if (keys.length) await redis.del(...keys);
  redis.disconnect();
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

describe('queues per database', () => {
  it('keeps one database on its own queues across restarts, and a new one on others', async () => {
    const a = await runtimeIn();
    const aPrefix = a.queues.prefix;
    await a.close();
    const again = await runtimeIn(dirs[0]);
    expect(again.queues.prefix).toBe(aPrefix);
    await again.close();
    const b = await runtimeIn();
    expect(b.queues.prefix.startsWith(`${prefix}:`)).toBe(true);
    expect(b.queues.prefix).not.toBe(aPrefix);
    await b.close();
  });

  it('routes the same scan again with a fresh database on the same Redis', async () => {
    for (let round = 0; round < 2; round++) {
      const rt = await runtimeIn();
      try {
        await importCustomers(rt.db, join(samples, 'customers.csv'));
        const workers = startWorkers(rt, STAGES);
        try {
          const [out] = await processFiles(rt, [join(samples, 'scan-001.pdf')], { receivedAt: '2026-11-20', timeoutMs: 120_000 });
          expect(out!.error, `round ${round}`).toBeNull();
          expect(out!.documents.map((d) => d.status), `round ${round}`).toEqual(['routed']);
        } finally {
          await workers.close();
        }
      } finally {
        await rt.close();
      }
    }
  }, 300_000);
});
