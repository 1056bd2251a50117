import type { Runtime } from './runtime.js';
import type { Stage } from './pipeline.js';
import { startWorkers } from './workers.js';
import { createDocumentStore } from './document-store.js';
import { resumeScan, resumeUnfinished } from './recovery.js';
import { acceptScan } from '../ingest/accept-scan.js';
import { watchInbox } from '../ingest/inbox-watcher.js';
import { buildApp } from '../api/app.js';
import { hasNewCorrections } from '../classifier/model-store.js';

// `mailroom serve` and `mailroom worker`: run until SIGINT/SIGTERM, then finish the jobs in hand.

export interface ServeOptions {
  stages: readonly Stage[];
  api: boolean;
  inbox: boolean;
}

export async function runServe(rt: Runtime, o: ServeOptions): Promise<number> {
  const services = await startServices(rt, o);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await services.stop();
  return 0;
}

export async function startServices(rt: Runtime, o: ServeOptions): Promise<{ stop(): Promise<void> }> {
  const log = (m: string) => process.stderr.write(`mailroom: ${m}\n`);
  const workers = startWorkers(rt, o.stages);
  const store = createDocumentStore(rt.db);
  if (o.stages.includes('ingest')) {
    const resumed = await resumeUnfinished(store, rt.queues);
    if (resumed) log(`resumed unfinished work of ${resumed} scan(s)`);
  }
  if (o.stages.includes('classify') && rt.config.retrainEveryHours > 0) {
    const { runRetraining } = await import('./retrain-job.js');
    await rt.queues.schedule('retrain-classifier', rt.config.retrainEveryHours * 3_600_000, async () => {
      // Training takes ~1 min of CPU (on a worker thread, but on the same cores as OCR): not worth it
      // when advisers taught nothing new (also spares the first start, when the scheduler fires at once).
      if (!(await hasNewCorrections(rt.db))) {
        log('retraining skipped: no category corrections since the last attempt');
        return { skipped: true };
      }
      const r = await runRetraining(rt.db);
      log(`retraining on ${r.corrections} correction(s): macro-F1 ${r.currentMacroF1} -> ${r.proposedMacroF1}, ${r.accepted ? 'new model in use' : 'kept the current model'}`);
      return r;
    });
  }
  const app = o.api ? await buildApp(rt, { logger: false }) : null;
  if (app) {
    const address = await app.listen({ host: rt.config.host, port: rt.config.port });
    log(`API and web pages on ${address}`);
  }
  const inbox = o.inbox
    ? watchInbox({
        dir: rt.config.inboxDir,
        pollMs: rt.config.inboxPollMs,
        log,
        handle: async (bytes, fileName, path) => {
          const { scanId, created } = await acceptScan(
            { store, blobs: rt.blobs, dispatch: rt.queues.dispatch, resume: (id) => resumeScan(store, rt.queues, id) },
            { bytes, fileName, source: path, channel: 'inbox', receivedAt: new Date().toISOString().slice(0, 10) },
          );
          return created ? undefined : { duplicateOf: scanId };
        },
      })
    : null;
  if (inbox) log(`watching inbox ${rt.config.inboxDir}`);
  log(`workers: ${o.stages.join(', ')}`);
  return {
    async stop() {
      log('stopping');
      await inbox?.stop();
      await app?.close();
      await workers.close();
    },
  };
}
