// Whole-pipeline throughput: scan files in -> every letter in a worklist, through the real queues
// and workers (ingest, OCR, searchable PDF, classify, route) on an isolated runtime: embedded
// PGlite in a temporary folder and the local Redis under a queue prefix of its own.
import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { loadConfig } from '../core/config.js';
import { openRuntime } from '../core/runtime.js';
import { startWorkers } from '../core/workers.js';
import { STAGES } from '../core/pipeline.js';
import { processFiles, type FileOutcome } from '../core/process-files.js';
import { importCustomers } from '../router/import-customers.js';
import type { BenchSet } from './ocr-set.js';
import { sampleRss } from './ocr-run-pool.js';
import { sampleTreeRss, type TreeRss } from './ocr-process-rss.js';
import type { OcrEngineName } from '../core/config.js';

export interface PipelineRun {
  wallMs: number;
  filePages: number;
  letters: number;
  routed: number;
  needsAttention: number;
  failedFiles: string[];
  peakMb: number;
  startMb: number;
  ocrConcurrency: number;
  /** This process with its child processes (the native engine's tesseract runs). */
  tree: TreeRss;
  outcomes: FileOutcome[];
}

export async function runPipeline(
  set: BenchSet,
  onProgress?: (done: number, total: number) => void,
  engine: OcrEngineName = 'tesseract.js',
): Promise<PipelineRun> {
  const id = randomUUID().replace(/-/g, '').slice(0, 10);
  const dataDir = await mkdtemp(join(tmpdir(), 'ocr-bench-rt-'));
  // Embedded database and archive whatever the shell exports: the bench must not touch real data.
  const env: NodeJS.ProcessEnv = { ...process.env, MAILROOM_DATA_DIR: dataDir, MAILROOM_QUEUE_PREFIX: `ocrbench-${id}`, MAILROOM_REDIS_AUTOSTART: 'false', LOG_LEVEL: 'warn', MAILROOM_OCR_ENGINE: engine };
  for (const k of Object.keys(env)) if (k.startsWith('DATABASE_') || k.startsWith('S3_')) delete env[k];
  const config = loadConfig(env);
  const rt = await openRuntime(config);
  try {
    await importCustomers(rt.db, createReadStream(join(set.dir, 'customers.csv')));
    const files = set.files.map((f) => join(set.dir, f.name));
    const rss = sampleRss();
    const tree = sampleTreeRss();
    const workers = startWorkers(rt, STAGES);
    const t0 = performance.now();
    let outcomes: FileOutcome[];
    try {
      outcomes = await processFiles(rt, files, { receivedAt: '2026-11-20', onProgress, timeoutMs: 4 * 3600_000 });
    } finally {
      await workers.close();
    }
    const wallMs = performance.now() - t0;
    const docs = outcomes.flatMap((o) => o.documents);
    return {
      wallMs,
      filePages: set.files.reduce((n, f) => n + f.pageCount, 0),
      letters: docs.length,
      routed: docs.filter((d) => d.status === 'routed').length,
      needsAttention: docs.filter((d) => d.status === 'needs_attention').length,
      failedFiles: outcomes.filter((o) => o.error).map((o) => `${o.source}: ${o.error}`),
      ocrConcurrency: Math.min(config.ocrConcurrency, Math.max(1, cpus().length)),
      outcomes,
      ...rss.stop(),
      tree: tree.stop(),
    };
  } finally {
    await rt.close();
    const redis = new Redis(config.redisUrl);
    const keys = await redis.keys(`${config.queuePrefix}:*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
    await rm(dataDir, { recursive: true, force: true });
  }
}
