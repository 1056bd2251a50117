import { afterEach, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { createQueueRuntime, type QueueRuntime } from '../../core/queue.js';
import { PermanentError, TransientError } from '../../core/errors.js';
import { jobIds, worklistQueue } from '../../core/pipeline.js';

// Real Redis, a prefix per test: what the queue does with each kind of error.
const url = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
let rt: QueueRuntime | null = null;
let prefix = '';

afterEach(async () => {
  await rt?.close();
  const r = new Redis(url);
  const keys = await r.keys(`${prefix}:*`);
  if (keys.length) await r.del(...keys);
  r.disconnect();
});

const open = () => {
  prefix = `mrq-${randomUUID().slice(0, 8)}`;
  rt = createQueueRuntime(url, prefix);
  return rt;
};
const until = async (cond: () => boolean | Promise<boolean>, ms = 20_000) => {
  const end = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
};

describe('queue runtime', () => {
  it('retries transient errors and then runs what comes next', async () => {
    const q = open();
    let calls = 0;
    const gaveUp: unknown[] = [];
    q.startWorker('route', async (d) => {
      calls++;
      if (calls < 2) throw new TransientError('DB_BUSY', 'try again');
      return { documentId: d.documentId, worklist: 'fault-individual', priority: 5, dueAt: '2026-11-19' };
    }, { concurrency: 1, onGaveUp: async (_d, e) => void gaveUp.push(e) });
    await q.dispatch([{ kind: 'job', job: { queue: 'route', name: 'route', jobId: jobIds.route('doc-a-1'), data: { documentId: 'doc-a-1' } } }]);
    await until(async () => (await q.worklistJobs(worklistQueue('fault-individual'))).length === 1);
    expect(calls).toBe(2);
    expect(gaveUp).toEqual([]);
    expect((await q.worklistJobs(worklistQueue('fault-individual')))[0]).toMatchObject({ id: 'doc-a-1', priority: 5 });
  });

  it('gives up at once on a permanent error and reports it', async () => {
    const q = open();
    let calls = 0;
    const gaveUp: string[] = [];
    q.startWorker('classify', async () => {
      calls++;
      throw new PermanentError('NO_TEXT', 'nothing to classify');
    }, { concurrency: 1, onGaveUp: async (d, e) => void gaveUp.push(`${d.documentId}: ${(e as Error).message}`) });
    await q.dispatch([{ kind: 'job', job: { queue: 'classify', name: 'classify', jobId: jobIds.classify('doc-b-1'), data: { documentId: 'doc-b-1' } } }]);
    await until(() => gaveUp.length === 1);
    await new Promise((r) => setTimeout(r, 300));
    expect(calls).toBe(1);
    expect(gaveUp).toEqual(['doc-b-1: nothing to classify']);
  });

  it('runs a letter after all its pages (fan-out, fan-in) and dedupes re-dispatched jobs', async () => {
    const q = open();
    const order: string[] = [];
    q.startWorker('ocr', async (d) => {
      await new Promise((r) => setTimeout(r, 20 * (3 - d.pageIndex)));
      order.push(`ocr${d.pageIndex}`);
      return { documentId: d.documentId, pageIndex: d.pageIndex, confidence: 90 };
    }, { concurrency: 3, onGaveUp: async () => undefined });
    q.startWorker('assemble', async (d) => {
      order.push('assemble');
      return { documentId: d.documentId };
    }, { concurrency: 1, onGaveUp: async () => undefined });
    const flow = {
      kind: 'flow' as const,
      parent: { queue: 'assemble', name: 'assemble', jobId: jobIds.assemble('doc-c-1'), data: { documentId: 'doc-c-1', pageCount: 3 } },
      children: [0, 1, 2].map((i) => ({ queue: 'ocr', name: 'ocr', jobId: jobIds.ocr('doc-c-1', i), data: { documentId: 'doc-c-1', pageIndex: i, imageKey: `k${i}`, dpi: 300 } })),
    };
    await q.dispatch([flow]);
    await until(() => order.includes('assemble'));
    expect(order.slice(0, 3).sort()).toEqual(['ocr0', 'ocr1', 'ocr2']);
    expect(order[3]).toBe('assemble');
    await until(async () => q.hasJob('classify', jobIds.classify('doc-c-1')));
    await q.dispatch([{ kind: 'job', job: { queue: 'classify', name: 'classify', jobId: jobIds.classify('doc-c-1'), data: { documentId: 'doc-c-1' } } }]);
    expect((await q.counts()).classify).toMatchObject({ waiting: 1 });
  });
});
