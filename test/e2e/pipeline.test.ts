import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testRuntime } from '../helpers/runtime.js';
import type { Runtime } from '../../core/runtime.js';
import { startWorkers } from '../../core/workers.js';
import { STAGES } from '../../core/pipeline.js';
import { expandPaths, processFiles, type FileOutcome } from '../../core/process-files.js';
import { importCustomers } from '../../router/import-customers.js';
import { verifyAuditChain } from '../../core/audit-log.js';
import { MANUAL_CLASSIFICATION, MANUAL_IDENTIFICATION } from '../../router/worklist-rules.js';

// The whole path on real Redis and PostgreSQL: committed sample scans in, worklists out, checked
// letter by letter against the generator's ground truth.

const samples = fileURLToPath(new URL('../../fixtures/samples/', import.meta.url));
interface Truth {
  source: string;
  pages: number[];
  category: string;
  customerId: string | null;
  segment: 'individual' | 'business' | null;
  identifiersShown: string[];
}

/**
 * The customer a careful matcher can name: the sender is in the master AND the letter shows an
 * identifier, or a full name with an address. A letter signed "Jakub" with no address is a
 * customer's letter that nobody can attribute; it belongs in manual identification.
 */
function expectedCustomer(t: Truth): string | null {
  const shown = new Set(t.identifiersShown);
  const strong = ['customer_number', 'pesel', 'nip', 'invoice_number', 'phone', 'email'].some((k) => shown.has(k));
  const nameAndAddress = (shown.has('name') || shown.has('company_name')) && shown.has('address') && shown.has('postal_code');
  return t.customerId && (strong || nameAndAddress) ? t.customerId : null;
}
const slow = process.env.MAILROOM_SKIP_SLOW ? describe.skip : describe;

slow('end-to-end: sample scans reach worklists', () => {
  let rt: Runtime;
  let cleanup: () => Promise<void>;
  let workers: { close(): Promise<void> };
  let truth: Truth[];
  let files: string[];
  let first: FileOutcome[];

  beforeAll(async () => {
    ({ rt, cleanup } = await testRuntime({ db: 'postgres' }));
    truth = JSON.parse(await readFile(join(samples, 'manifest.json'), 'utf8')).documents;
    const imported = await importCustomers(rt.db, join(samples, 'customers.csv'));
    expect(imported.rejected).toEqual([]);
    workers = startWorkers(rt, STAGES);
    files = await expandPaths([samples]);
    first = await processFiles(rt, files, { receivedAt: '2026-11-16', timeoutMs: 15 * 60_000 });
  }, 20 * 60_000);

  afterAll(async () => {
    await workers?.close();
    await cleanup?.();
  });

  it('splits every file into the letters of the ground truth', () => {
    const got = first.flatMap((f) => f.documents.map((d) => `${f.source.replace(samples, '')}#${d.pages.join(',')}`)).sort();
    const want = truth.map((t) => `${t.source}#${t.pages.join(',')}`).sort();
    expect(first.filter((f) => f.error)).toEqual([]);
    expect(got).toEqual(want);
  });

  it('classifies, matches and routes each letter as the ground truth says', () => {
    const rows = truth.map((t) => {
      const d = first.find((f) => f.source.endsWith(t.source))!.documents.find((x) => x.pages.join() === t.pages.join())!;
      return { t, d };
    });
    for (const { t, d } of rows) {
      const where = `${t.source} p.${t.pages.join(',')}`;
      expect(d.status, `${where}: ${d.error ?? ""}`).toBe("routed");
      // Never a guessed customer: a letter either names the right one or none.
      if (d.customerId !== null) expect(d.customerId, where).toBe(t.customerId);
      if (expectedCustomer(t) === null) expect([MANUAL_IDENTIFICATION, MANUAL_CLASSIFICATION], where).toContain(d.worklist);
    }
    const right = rows.filter(({ t, d }) => d.category === t.category && d.customerId === expectedCustomer(t) && d.worklist === expectedWorklist(t));
    const wrong = rows
      .filter((r) => !right.includes(r))
      .map(({ t, d }) => `${t.source} p.${t.pages.join(',')}: want ${t.category}/${expectedCustomer(t)}/${expectedWorklist(t)}, got ${d.category}/${d.customerId}/${d.worklist}`);
    expect(wrong).toEqual([]);
  });

  it('gives every letter its deadline and a searchable PDF, and keeps an intact audit chain', async () => {
    for (const f of first) {
      for (const d of f.documents) {
        if (d.category === 'COMPLAINT' || d.category === 'PRIVACY') expect(d.dueAt).toBe('2026-12-16');
        const row = (await rt.db.query<{ searchable_pdf_key: string }>(`SELECT searchable_pdf_key FROM documents WHERE document_id = $1`, [d.documentId])).rows[0]!;
        expect((await rt.blobs.get(row.searchable_pdf_key)).subarray(0, 5).toString()).toBe('%PDF-');
        expect(d.ocrConfidence).toBeGreaterThan(60);
      }
    }
    expect(await verifyAuditChain(rt.db)).toBeNull();
  });

  it('returns the same documents when the same files are processed again, never duplicates', async () => {
    const before = (await rt.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM documents`)).rows[0]!.n;
    const again = await processFiles(rt, files, { receivedAt: '2026-11-20', timeoutMs: 60_000 });
    const ids = (o: FileOutcome[]) => o.flatMap((f) => f.documents.map((d) => `${d.documentId}:${d.worklist}:${d.receivedAt}`)).sort();
    expect(ids(again)).toEqual(ids(first));
    expect((await rt.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM documents`)).rows[0]!.n).toBe(before);
  });
});

function expectedWorklist(t: Truth): string {
  if (expectedCustomer(t) === null) return MANUAL_IDENTIFICATION;
  return `${t.category.toLowerCase().replace('_', '-')}-${t.segment}`;
}
