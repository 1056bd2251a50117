// The one place that knows the shape of the pipeline: queue names, job payloads, job ids, archive
// keys, and what runs after each stage. Stages never enqueue each other; workers ask nextJobs().

export const STAGES = ['ingest', 'ocr', 'assemble', 'classify', 'route'] as const;
export type Stage = (typeof STAGES)[number];

export interface JobPayloads {
  ingest: { scanId: string };
  ocr: { documentId: string; pageIndex: number; imageKey: string; dpi: number | null };
  assemble: { documentId: string; pageCount: number };
  classify: { documentId: string };
  route: { documentId: string };
}

export interface StageResults {
  ingest: { documents: { documentId: string; pages: { imageKey: string; dpi: number | null }[] }[] };
  ocr: { documentId: string; pageIndex: number; confidence: number };
  assemble: { documentId: string };
  classify: { documentId: string };
  route: { documentId: string; worklist: string; priority: number; dueAt: string | null };
}

export interface JobSpec {
  queue: string;
  name: string;
  jobId: string;
  data: unknown;
  priority?: number;
}

export type NextJob = { kind: 'job'; job: JobSpec } | { kind: 'flow'; parent: JobSpec; children: JobSpec[] };

/** BullMQ job ids may not contain ':' nor be all digits; ours always start with a word. */
export const jobIds = {
  ingest: (scanId: string) => `ingest-${scanId}`,
  ocr: (documentId: string, pageIndex: number) => `ocr-${documentId}-${pageIndex}`,
  assemble: (documentId: string) => `assemble-${documentId}`,
  classify: (documentId: string) => `classify-${documentId}`,
  route: (documentId: string) => `route-${documentId}`,
};

export const blobKeys = {
  original: (scanId: string, ext: string) => `scans/${scanId}/original${ext}`,
  page: (scanId: string, pageNo: number) => `scans/${scanId}/pages/${String(pageNo).padStart(4, '0')}.png`,
  ocr: (documentId: string, pageIndex: number) => `documents/${documentId}/ocr/${pageIndex}.json`,
  prepared: (documentId: string, pageIndex: number) => `documents/${documentId}/prepared/${pageIndex}.png`,
  searchablePdf: (documentId: string) => `documents/${documentId}/searchable.pdf`,
};

/** A document is a letter within a scan: the same file always yields the same ids. */
export function documentIdFor(scanId: string, firstPageNo: number): string {
  return `doc-${scanId.slice(0, 24)}-${firstPageNo}`;
}

/** The first job of every scan: decode and split it. */
export function ingestJob(scanId: string): NextJob {
  return { kind: 'job', job: { queue: 'ingest', name: 'ingest', jobId: jobIds.ingest(scanId), data: { scanId } } };
}

export function worklistQueue(worklist: string): string {
  return `worklist-${worklist}`;
}

const job = <S extends Stage>(stage: S, jobId: string, data: JobPayloads[S], priority?: number): JobSpec => ({
  queue: stage,
  name: stage,
  jobId,
  data,
  priority,
});

export function nextJobs<S extends Stage>(stage: S, result: StageResults[S]): NextJob[] {
  switch (stage) {
    case 'ingest': {
      const r = result as StageResults['ingest'];
      // Fan-out one OCR job per page so pages spread over processes; the assemble parent runs
      // once every page of the letter is read (fan-in).
      return r.documents.map((d) => ({
        kind: 'flow',
        parent: job('assemble', jobIds.assemble(d.documentId), { documentId: d.documentId, pageCount: d.pages.length }),
        children: d.pages.map((p, i) =>
          job('ocr', jobIds.ocr(d.documentId, i), { documentId: d.documentId, pageIndex: i, imageKey: p.imageKey, dpi: p.dpi }),
        ),
      }));
    }
    case 'ocr':
      return []; // the flow parent (assemble) follows on its own
    case 'assemble': {
      const { documentId } = result as StageResults['assemble'];
      return [{ kind: 'job', job: job('classify', jobIds.classify(documentId), { documentId }) }];
    }
    case 'classify': {
      const { documentId } = result as StageResults['classify'];
      return [{ kind: 'job', job: job('route', jobIds.route(documentId), { documentId }) }];
    }
    case 'route': {
      const r = result as StageResults['route'];
      return [
        {
          kind: 'job',
          job: { queue: worklistQueue(r.worklist), name: 'letter', jobId: r.documentId, data: r, priority: r.priority },
        },
      ];
    }
    default:
      throw new Error(`unknown stage ${String(stage)}`);
  }
}
