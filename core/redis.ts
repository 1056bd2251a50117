import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { Redis } from 'ioredis';
import { PermanentError } from './errors.js';

async function ping(url: string): Promise<boolean> {
  const r = new Redis(url, { lazyConnect: true, connectTimeout: 1500, maxRetriesPerRequest: 0, retryStrategy: () => null });
  r.on('error', () => undefined);
  try {
    await r.connect();
    return (await r.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    r.disconnect();
  }
}

/**
 * Makes sure a Redis answers at `url`. On a developer's machine with redis-server installed but
 * not running, the embedded default starts one for this process (and stops it on exit), so the
 * quick start needs no service set-up.
 */
export async function ensureRedis(url: string, opts: { autostart: boolean; dataDir: string }): Promise<{ stop(): void }> {
  if (await ping(url)) return { stop() {} };
  const u = new URL(url);
  const local = ['127.0.0.1', 'localhost', '::1', '[::1]'].includes(u.hostname);
  const hasServer = spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0;
  if (!opts.autostart || !local || !hasServer) {
    throw new PermanentError(
      'REDIS_UNAVAILABLE',
      `no Redis answers at ${url}. ` +
        (local && !hasServer
          ? 'Install it (Debian/Ubuntu: `sudo apt-get install redis-server`) and mailroom will start it for itself, or point REDIS_URL at a running Redis 7.'
          : 'Start it, or point REDIS_URL at a running Redis 7.'),
    );
  }
  const dir = `${opts.dataDir}/redis`;
  mkdirSync(dir, { recursive: true });
  const port = u.port || '6379';
  // BullMQ must never have its keys evicted; persistence is off because the queues can be
  // rebuilt from PostgreSQL state, and a stray dump would outlive the demo.
  const child: ChildProcess = spawn(
    'redis-server',
    ['--port', port, '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir, '--maxmemory-policy', 'noeviction'],
    { stdio: 'ignore' },
  );
  const stop = () => {
    if (child.exitCode === null) child.kill('SIGTERM');
  };
  process.once('exit', stop);
  for (let i = 0; i < 50; i++) {
    if (await ping(url)) {
      process.stderr.write(`mailroom: started redis-server on port ${port} for this process\n`);
      return { stop };
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  stop();
  throw new PermanentError('REDIS_UNAVAILABLE', `started redis-server on port ${port} but it does not answer`);
}
