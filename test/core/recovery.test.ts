import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { testRuntime } from '../helpers/runtime.js';
import type { Runtime } from '../../core/runtime.js';
import { createDocumentStore } from '../../core/document-store.js';
import { acceptScan } from '../../ingest/accept-scan.js';
import { resumeScan, resumeUnfinished } from '../../core/recovery.js';
import { blobKeys, jobIds } from '../../core/pipeline.js';

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

  it('runs a stage again whose job is kept as finished while the record says it is still to do (blind test AA)', async () => {
    const store = createDocumentStore(rt.db);
    await store.insertScan({ scanId: 'sr', fileName: 'r.pdf', source: 'r.pdf', channel: 'cli', blobKey: 'scans/sr/original.pdf', byteSize: 1, receivedAt: '2026-11-16' });
    await store.markScanSplit('sr', '2026-11-16', [{ pageNo: 1, kind: 'letter', documentId: 'dr', imageKey: blobKeys.page('sr', 1), dpi: 300, issues: [] }], [{ documentId: 'dr', pages: [1] }]);
    await store.update('dr', 'system:ocr', 'document.read', { status: 'classifying', text: 'x' });
    let runs = 0;
    rt.queues.startWorker('classify', async (d) => {
      runs++;
      return { documentId: d.documentId };
    }, { concurrency: 1, onGaveUp: async () => undefined });
    await rt.queues.dispatch([{ kind: 'job', job: { queue: 'classify', name: 'classify', jobId: jobIds.classify('dr'), data: { documentId: 'dr' } } }]);
    const until = async (cond: () => Promise<boolean>) => {
      for (const end = Date.now() + 20_000; !(await cond()); await new Promise((r) => setTimeout(r, 50))) if (Date.now() > end) throw new Error('timed out');
    };
    await until(() => rt.queues.jobFinished('classify', jobIds.classify('dr')));
    expect(runs).toBe(1);
    // The letter is still "classifying" (as when an older job undid its progress): resuming runs it again.
    await resumeScan(store, rt.queues, 'sr');
    await until(async () => runs === 2);
  });

  it('refuses empty files and impossible dates before archiving anything', async () => {
    const store = createDocumentStore(rt.db);
    const deps = { store, blobs: rt.blobs, dispatch: rt.queues.dispatch, resume: async () => undefined };
    await expect(acceptScan(deps, { bytes: Buffer.alloc(0), fileName: 'a.pdf', source: 'a.pdf', channel: 'cli', receivedAt: '2026-11-16' })).rejects.toThrow(/empty/);
    await expect(acceptScan(deps, { bytes: Buffer.from('x'), fileName: 'a.pdf', source: 'a.pdf', channel: 'cli', receivedAt: '2026-13-45' })).rejects.toThrow(/not a YYYY-MM-DD/);
  });
});
