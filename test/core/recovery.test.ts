import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { testRuntime } from '../helpers/runtime.js';
import type { Runtime } from '../../core/runtime.js';
import { createDocumentStore } from '../../core/document-store.js';
import { acceptScan } from '../../ingest/accept-scan.js';
import { resumeScan, resumeUnfinished } from '../../core/recovery.js';
import { jobIds } from '../../core/pipeline.js';

// Redis without persistence can lose every queued job; the database must be enough to go on.
let rt: Runtime;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ rt, cleanup } = await testRuntime({ db: 'pglite' }));
});
afterAll(() => cleanup());

const wipeQueues = async () => {
  const r = new Redis(rt.config.redisUrl);
  const keys = await r.keys(`${rt.config.queuePrefix}:*`);
  if (keys.length) await r.del(...keys);
  r.disconnect();
};

describe('recovery from the system of record', () => {
  it('archives the original before anything else, and re-queues a known scan whose job was lost', async () => {
    const store = createDocumentStore(rt.db);
    const deps = { store, blobs: rt.blobs, dispatch: rt.queues.dispatch, resume: (id: string) => resumeScan(store, rt.queues, id) };
    const bytes = Buffer.from('%PDF-1.4 synthetic test bytes');
    const first = await acceptScan(deps, { bytes, fileName: 'stack.PDF', source: '/in/stack.PDF', channel: 'inbox', receivedAt: '2026-11-16' });
    expect(first.created).toBe(true);
    expect((await rt.blobs.get(`scans/${first.scanId}/original.pdf`)).equals(bytes)).toBe(true);
    expect(await rt.queues.hasJob('ingest', jobIds.ingest(first.scanId))).toBe(true);

    await wipeQueues();
    expect(await rt.queues.hasJob('ingest', jobIds.ingest(first.scanId))).toBe(false);
    const again = await acceptScan(deps, { bytes, fileName: 'copy.pdf', source: '/in/copy.pdf', channel: 'cli', receivedAt: '2026-11-20' });
    expect(again).toEqual({ scanId: first.scanId, created: false });
    expect(await rt.queues.hasJob('ingest', jobIds.ingest(first.scanId))).toBe(true);
    await wipeQueues();
    expect(await resumeUnfinished(store, rt.queues)).toBe(1);
    expect(await rt.queues.hasJob('ingest', jobIds.ingest(first.scanId))).toBe(true);
    const scan = await store.getScan(first.scanId);
    expect(scan).toMatchObject({ received_at: '2026-11-16', file_name: 'stack.PDF', status: 'received' });
  });

  it('refuses empty files and impossible dates before archiving anything', async () => {
    const store = createDocumentStore(rt.db);
    const deps = { store, blobs: rt.blobs, dispatch: rt.queues.dispatch, resume: async () => undefined };
    await expect(acceptScan(deps, { bytes: Buffer.alloc(0), fileName: 'a.pdf', source: 'a.pdf', channel: 'cli', receivedAt: '2026-11-16' })).rejects.toThrow(/empty/);
    await expect(acceptScan(deps, { bytes: Buffer.from('x'), fileName: 'a.pdf', source: 'a.pdf', channel: 'cli', receivedAt: '2026-13-45' })).rejects.toThrow(/not a YYYY-MM-DD/);
  });
});
