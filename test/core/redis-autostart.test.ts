import { describe, expect, it } from 'vitest';
import { createServer } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { Redis } from 'ioredis';
import { ensureRedis } from '../../core/redis.js';

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
const hasRedisServer = spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0;

describe('ensureRedis', () => {
  it.runIf(hasRedisServer)('starts a redis-server for itself when none answers, with noeviction, and stops it', async () => {
    const port = await freePort();
    const dir = await mkdtemp(join(tmpdir(), 'mailroom-redis-'));
    const url = `redis://127.0.0.1:${port}`;
    const started = await ensureRedis(url, { autostart: true, dataDir: dir });
    const r = new Redis(url);
    try {
      expect(await r.ping()).toBe('PONG');
      expect(await r.config('GET', 'maxmemory-policy')).toEqual(['maxmemory-policy', 'noeviction']);
    } finally {
      r.disconnect();
      started.stop();
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('says exactly what to do when no Redis answers and it may not start one', async () => {
    const port = await freePort();
    await expect(ensureRedis(`redis://127.0.0.1:${port}`, { autostart: false, dataDir: tmpdir() })).rejects.toThrow(/no Redis answers at redis:\/\/127\.0\.0\.1:\d+\. .*REDIS_URL/);
  });
});
