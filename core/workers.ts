import { cpus } from 'node:os';
import type { Runtime } from './runtime.js';
import { createDocumentStore, type DocumentStore } from './document-store.js';
import { errorMessage } from './errors.js';
import type { Stage } from './pipeline.js';
import type { Segment } from './types.js';
import { ingestScan } from '../ingest/ingest-stage.js';
import { decodeScanPages } from '../ingest/decode-scan.js';
import { inspectPage } from '../ingest/inspect-page.js';
import { splitStack } from '../ingest/split-stack.js';
import { ocrPage } from '../ocr/ocr-stage.js';
import { assembleDocument } from '../ocr/assemble-stage.js';
import { createOcrReader } from '../ocr/ocr-reader.js';
import { buildSearchablePdf } from '../ocr/searchable-pdf.js';
import { encodeForPdf } from '../ocr/page-preparer.js';
import { classifyDocument } from '../classifier/classify-stage.js';
import { classifyLetter } from '../classifier/classify-letter.js';
import { operatorMatcher } from '../classifier/operator-identity.js';
import { createModelSource } from '../classifier/model-store.js';
import { ocrDigitVariants } from '../classifier/identifiers.js';
import { routeDocument } from '../router/route-stage.js';
import { matchCustomer } from '../router/match-customer.js';
import { NEEDS_ATTENTION } from '../router/worklist-rules.js';

// Composition root of the stage workers: each adapter is a few lines that hand the real
// implementations to a stage's core function. `only` lets several processes share the stages.

export function startWorkers(rt: Runtime, only: readonly Stage[]): { close(): Promise<void> } {
  const store = createDocumentStore(rt.db);
  const { blobs, queues, config } = rt;
  const closers: (() => Promise<void>)[] = [];
  const gaveUp = (stage: Stage) => async (data: { documentId?: string; scanId?: string }, err: unknown) => {
    if (data.documentId) await markNeedsAttention(store, data.documentId, stage, errorMessage(err));
    else if (data.scanId) await store.markScanFailed(data.scanId, errorMessage(err));
  };

  const ocrSize = Math.min(config.ocrConcurrency, Math.max(1, cpus().length));
  // Built before any worker starts: a missing native engine is a configuration error, not a half-started service.
  const reader = only.includes('ocr') ? createOcrReader({ poolSize: ocrSize, engine: config.ocrEngine }) : null;

  if (only.includes('ingest')) {
    const deps = {
      store,
      blobs,
      decode: decodeScanPages,
      inspect: inspectPage,
      split: splitStack,
    };
    queues.startWorker('ingest', (d) => ingestScan(deps, d.scanId), { concurrency: 1, onGaveUp: gaveUp('ingest') });
  }
  if (reader) {
    closers.push(() => reader.close());
    queues.startWorker('ocr', (d) => ocrPage({ store, blobs, readPage: reader.readPage }, d), { concurrency: ocrSize, onGaveUp: gaveUp('ocr') });
  }
  if (only.includes('assemble')) {
    queues.startWorker('assemble', (d) => assembleDocument({ store, blobs, buildSearchablePdf, encodeForPdf }, d), { concurrency: 2, onGaveUp: gaveUp('assemble') });
  }
  if (only.includes('classify')) {
    // The newest model accepted by retraining on advisers' corrections, else the shipped one.
    const model = createModelSource(rt.db);
    const operator = operatorMatcher(config.operator);
    queues.startWorker('classify', async (d) => {
      const m = await model();
      return classifyDocument({ store, classify: (text, lowConfidence) => classifyLetter(m, text, operator, lowConfidence) }, d);
    }, {
      concurrency: 4,
      onGaveUp: gaveUp('classify'),
    });
  }
  if (only.includes('route')) {
    const deps = {
      store,
      match: (ids: Parameters<typeof matchCustomer>[1]) => matchCustomer(rt.db, ids, { ocrVariants: ocrDigitVariants }),
      segmentOf: async (customerId: string) =>
        ((await rt.db.query<{ segment: Segment }>(`SELECT segment FROM customers WHERE customer_id = $1`, [customerId])).rows[0]?.segment ?? null),
      policy: { categoryThreshold: config.categoryThreshold, dueDays: config.dueDays },
    };
    queues.startWorker('route', (d) => routeDocument(deps, d), { concurrency: 4, onGaveUp: gaveUp('route') });
  }
  return {
    async close() {
      for (const c of closers) await c();
    },
  };
}

async function markNeedsAttention(store: DocumentStore, documentId: string, stage: Stage, error: string): Promise<void> {
  // A stale job giving up must not pull a letter out of the worklist it reached meanwhile.
  await store.advance(documentId, ['ocr', 'classifying', 'routing'], `system:${stage}`, 'document.needs_attention', { status: 'needs_attention', worklist: NEEDS_ATTENTION, error: `${stage}: ${error}` }, { stage, error });
}
