import type { DocumentStore } from './document-store.js';
import { ingestJob, jobIds, nextJobs, worklistQueue, type NextJob } from './pipeline.js';
import type { QueueRuntime } from './queue.js';

// The database is the system of record; queues are the to-do list. When a known scan comes in
// again, or a service starts after Redis lost its data, unfinished work is re-queued from the
// recorded state. Job ids are deterministic, so work already queued is not queued twice.

export async function resumeScan(store: DocumentStore, queues: QueueRuntime, scanId: string): Promise<void> {
  const scan = await store.getScan(scanId);
  if (!scan || scan.status === 'failed') return;
  if (scan.status === 'received') {
    await queues.dispatch([ingestJob(scanId)]);
    return;
  }
  const pageByNo = new Map((await store.scanPages(scanId)).map((p) => [p.page_no, p]));
  const next: NextJob[] = [];
  for (const d of await store.documentsOfScan(scanId)) {
    switch (d.status) {
      case 'ocr':
        // A flow cannot be re-added safely while its parent exists: only re-create a lost one.
        if (!(await queues.hasJob('assemble', jobIds.assemble(d.document_id)))) {
          next.push(
            ...nextJobs('ingest', {
              documents: [{ documentId: d.document_id, pages: d.pages.map((n) => ({ imageKey: pageByNo.get(n)!.image_key, dpi: pageByNo.get(n)!.dpi })) }],
            }),
          );
        }
        break;
      case 'classifying':
        await clearFinished(queues, 'classify', jobIds.classify(d.document_id));
        next.push(...nextJobs('assemble', { documentId: d.document_id }));
        break;
      case 'routing':
        await clearFinished(queues, 'route', jobIds.route(d.document_id));
        next.push(...nextJobs('classify', { documentId: d.document_id }));
        break;
      case 'routed':
        if (d.worklist && !(await queues.hasJob(worklistQueue(d.worklist), d.document_id))) {
          next.push(...nextJobs('route', { documentId: d.document_id, worklist: d.worklist, priority: d.priority ?? 0, dueAt: d.due_at }));
        }
        break;
      case 'needs_attention':
        break;
    }
  }
  await queues.dispatch(next);
}

/**
 * The record says the stage is still to run, yet its job is kept as finished: a crash let an older job
 * undo the letter's progress (blind test AA, before stages checked their state). Re-adding the same
 * id would be ignored, so the finished job goes first; the stage itself checks the state it acts from.
 */
async function clearFinished(queues: QueueRuntime, queueName: string, jobId: string): Promise<void> {
  if (await queues.jobFinished(queueName, jobId)) await queues.removeJob(queueName, jobId);
}

/** On start-up: every scan with unfinished work is resumed, so nothing waits on a lost job. */
export async function resumeUnfinished(store: DocumentStore, queues: QueueRuntime): Promise<number> {
  const ids = await store.unfinishedScans();
  for (const id of ids) await resumeScan(store, queues, id);
  return ids.length;
}
