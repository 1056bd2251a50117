import { Queue, Worker, FlowProducer, UnrecoverableError, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import { nextJobs, STAGES, type JobPayloads, type JobSpec, type NextJob, type Stage, type StageResults } from './pipeline.js';
import { errorMessage, isPermanent } from './errors.js';

// The only file that imports bullmq. Everything else sees `QueueRuntime`.

const ATTEMPTS = 5;
const retention = {
  // Completed ids are kept a week so re-delivering the same work is recognised, not redone.
  removeOnComplete: { age: 7 * 24 * 3600, count: 50_000 },
  removeOnFail: { age: 30 * 24 * 3600 },
};

export interface StageHandler<S extends Stage> {
  (data: JobPayloads[S], ctx: { attempt: number; signal: AbortSignal }): Promise<StageResults[S]>;
}

export interface QueueRuntime {
  readonly prefix: string;
  dispatch(next: NextJob[]): Promise<void>;
  startWorker<S extends Stage>(
    stage: S,
    handler: StageHandler<S>,
    opts: { concurrency: number; onGaveUp: (data: JobPayloads[S], err: unknown) => Promise<void> },
  ): void;
  /** Jobs waiting in a worklist, most urgent first. */
  worklistJobs(queueName: string, start?: number, end?: number): Promise<{ id: string; data: unknown; priority: number }[]>;
  hasJob(queueName: string, jobId: string): Promise<boolean>;
  /** The job is kept as completed or failed: adding its id again would be ignored. */
  jobFinished(queueName: string, jobId: string): Promise<boolean>;
  /** Removes a waiting job (e.g. a letter leaving a worklist); a job being worked on stays. */
  removeJob(queueName: string, jobId: string): Promise<void>;
  /** Runs `handler` every `everyMs` in exactly one of the processes that register it. */
  schedule(name: string, everyMs: number, handler: () => Promise<unknown>): Promise<void>;
  counts(): Promise<Record<string, Record<string, number>>>;
  close(): Promise<void>;
}

export function createQueueRuntime(redisUrl: string, prefix: string): QueueRuntime {
  const connection = new Redis(redisUrl, { maxRetriesPerRequest: null, lazyConnect: false });
  const queues = new Map<string, Queue>();
  const workers: Worker[] = [];
  const scheduled = new Map<string, () => Promise<unknown>>();
  const flows = new FlowProducer({ connection, prefix });
  const queue = (name: string) => {
    let q = queues.get(name);
    if (!q) {
      q = new Queue(name, { connection, prefix });
      queues.set(name, q);
    }
    return q;
  };
  const jobOpts = (s: JobSpec) => ({
    jobId: s.jobId,
    priority: s.priority,
    attempts: ATTEMPTS,
    backoff: { type: 'exponential', delay: 2000 },
    ...retention,
  });

  const dispatch = async (next: NextJob[]) => {
    for (const n of next) {
      if (n.kind === 'job') {
        await queue(n.job.queue).add(n.job.name, n.job.data, jobOpts(n.job));
      } else {
        await flows.add({
          name: n.parent.name,
          queueName: n.parent.queue,
          data: n.parent.data,
          opts: jobOpts(n.parent),
          children: n.children.map((c) => ({
            name: c.name,
            queueName: c.queue,
            data: c.data,
            // A page that cannot be read fails its letter visibly instead of leaving it waiting.
            opts: { ...jobOpts(c), failParentOnFailure: true },
          })),
        });
      }
    }
  };

  return {
    prefix,
    dispatch,
    startWorker(stage, handler, opts) {
      const worker = new Worker(
        stage,
        async (job: Job, _token?: string, signal?: AbortSignal) => {
          const data = job.data as JobPayloads[typeof stage];
          try {
            const result = await handler(data, { attempt: job.attemptsMade + 1, signal: signal ?? new AbortController().signal });
            await dispatch(nextJobs(stage, result));
            return result;
          } catch (err) {
            const lastTry = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
            if (isPermanent(err) || lastTry) {
              await opts.onGaveUp(data, err);
              throw new UnrecoverableError(errorMessage(err));
            }
            throw err;
          }
        },
        { connection, prefix, concurrency: opts.concurrency, lockDuration: 120_000 },
      );
      worker.on('error', (err) => console.error(`[${stage}] worker error: ${errorMessage(err)}`));
      workers.push(worker);
    },
    async worklistJobs(queueName, start = 0, end = 99) {
      const jobs = await queue(queueName).getJobs(['prioritized', 'waiting'], start, end, true);
      return jobs.map((j) => ({ id: j.id!, data: j.data, priority: j.opts.priority ?? 0 }));
    },
    async hasJob(queueName, jobId) {
      return (await queue(queueName).getJob(jobId)) !== undefined;
    },
    async jobFinished(queueName, jobId) {
      const state = await (await queue(queueName).getJob(jobId))?.getState();
      return state === 'completed' || state === 'failed';
    },
    async removeJob(queueName, jobId) {
      await queue(queueName).remove(jobId);
    },
    async schedule(name, everyMs, handler) {
      scheduled.set(name, handler);
      await queue('maintenance').upsertJobScheduler(name, { every: everyMs }, { name, data: {} });
      if (scheduled.size > 1) return; // the one maintenance worker serves every schedule
      const worker = new Worker(
        'maintenance',
        async (job: Job) => {
          const run = scheduled.get(job.name);
          if (!run) throw new Error(`no handler for scheduled job ${job.name} in this process`);
          return run();
        },
        { connection, prefix, concurrency: 1, lockDuration: 30 * 60_000 },
      );
      worker.on('error', (err) => console.error(`[maintenance] worker error: ${errorMessage(err)}`));
      workers.push(worker);
    },
    async counts() {
      const out: Record<string, Record<string, number>> = {};
      for (const s of STAGES) out[s] = await queue(s).getJobCounts('waiting', 'active', 'completed', 'failed', 'delayed', 'waiting-children', 'prioritized');
      return out;
    },
    async close() {
      await Promise.all(workers.map((w) => w.close()));
      await flows.close();
      await Promise.all([...queues.values()].map((q) => q.close()));
      connection.disconnect();
    },
  };
}
