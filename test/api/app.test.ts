import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { testApp } from '../helpers/runtime.js';
import type { Runtime } from '../../core/runtime.js';
import { eventHash, GENESIS_HASH } from '../../core/audit-log.js';
import { createDocumentStore } from '../../core/document-store.js';

// The API without workers: uploads are archived, recorded and queued; reads come from the database.
let rt: Runtime;
let cleanup: () => Promise<void>;
let app: FastifyInstance;

beforeAll(async () => {
  ({ rt, app, cleanup } = await testApp({ db: 'pglite' }));
});
afterAll(() => cleanup?.());

const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108000000003a7e9b550000000a4944415478da63600000000200015e1ac8b40000000049454e44ae426082', 'hex');

describe('api', () => {
  it('reports health of database and queues', async () => {
    const res = await app.inject('/health');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ok: true, checks: { database: 'ok', queues: 'ok' } });
  });

  it('accepts a raw upload, archives the original, and answers the same scan for the same bytes', async () => {
    const first = await app.inject({ method: 'POST', url: '/api/scans?fileName=letter.png&receivedAt=2026-11-16', payload: png, headers: { 'content-type': 'image/png' } });
    expect(first.statusCode).toBe(202);
    const [scan] = first.json().scans;
    expect(scan).toMatchObject({ fileName: 'letter.png', created: true });
    expect(await rt.blobs.has(`scans/${scan.scanId}/original.png`)).toBe(true);
    const again = await app.inject({ method: 'POST', url: '/api/scans?fileName=copy.png', payload: png, headers: { 'content-type': 'image/png' } });
    expect(again.json().scans[0]).toMatchObject({ scanId: scan.scanId, created: false });
    // The auditor sees the second delivery, under its own name (blind test AX: no trace of it).
    const events = (await app.inject('/api/audit?limit=1000')).json().events as { event: string; scan_id?: string; scanId?: string; detail: { fileName?: string } }[];
    expect(events.filter((e) => e.event === 'scan.duplicate_received').map((e) => e.detail.fileName)).toEqual(['copy.png']);
    const status = await app.inject(`/api/scans/${scan.scanId}`);
    expect(status.json()).toMatchObject({ scanId: scan.scanId, status: 'received', receivedAt: '2026-11-16', progress: { documents: 0, finished: 0, done: false } });
    expect(await rt.queues.hasJob('ingest', `ingest-${scan.scanId}`)).toBe(true);
    // The auditor gets the original back, byte for byte, under its first name (blind test AD: no way to).
    const original = await app.inject(`/api/scans/${scan.scanId}/original`);
    expect(original.statusCode).toBe(200);
    expect(original.headers['content-type']).toBe('image/png');
    expect(original.headers['content-disposition']).toContain('filename="letter.png"');
    expect(original.rawPayload.equals(png)).toBe(true);
    // A Polish name, as a multipart upload from the web page keeps it.
    const boundary = '----mailroomoriginal';
    const body = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="skarga_żółw.png"\r\nContent-Type: image/png\r\n\r\n`),
      Buffer.concat([png, Buffer.from([9])]),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const polish = await app.inject({ method: 'POST', url: '/api/scans', payload: body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } });
    const named = await app.inject(`/api/scans/${polish.json().scans[0].scanId}/original`);
    expect(named.headers['content-disposition']).toBe(`attachment; filename="skarga____w.png"; filename*=UTF-8''${encodeURIComponent('skarga_żółw.png')}`);
    expect((await app.inject(`/api/scans/${'0'.repeat(64)}/original`)).statusCode).toBe(404);
  });

  it('lists scans newest first, by status, a page at a time (blind test AI: a failed upload was found only by its id)', async () => {
    const ids: string[] = [];
    for (const k of [1, 2, 3]) {
      const res = await app.inject({ method: 'POST', url: `/api/scans?fileName=list-${k}.png`, payload: Buffer.concat([png, Buffer.from([100 + k])]), headers: { 'content-type': 'image/png' } });
      ids.push(res.json().scans[0].scanId);
    }
    await createDocumentStore(rt.db).markScanFailed(ids[1]!, 'not a scan: the file is text');
    const first = (await app.inject('/api/scans?limit=2')).json();
    expect(first.scans.map((s: { scanId: string }) => s.scanId)).toEqual([ids[2], ids[1]]);
    const second = (await app.inject(`/api/scans?limit=2&before=${first.next}`)).json();
    expect(second.scans[0].scanId).toBe(ids[0]);
    const failed = (await app.inject('/api/scans?status=failed')).json();
    expect(failed.scans).toEqual([expect.objectContaining({ scanId: ids[1], fileName: 'list-2.png', status: 'failed', error: 'not a scan: the file is text' })]);
    expect((await app.inject('/api/scans?status=lost')).statusCode).toBe(400);
  });

  it('accepts multipart uploads from the web page', async () => {
    const boundary = '----mailroomtest';
    const body = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n`),
      Buffer.concat([png, Buffer.from([0])]),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const res = await app.inject({ method: 'POST', url: '/api/scans', payload: body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } });
    expect(res.statusCode).toBe(202);
    expect(res.json().scans).toHaveLength(1);
    // A receivedAt form field, even after the file, dates the scan (blind test AA: it was ignored).
    const dated = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="b.png"\r\nContent-Type: image/png\r\n\r\n`),
      Buffer.concat([png, Buffer.from([1])]),
      Buffer.from(`\r\n--${boundary}\r\nContent-Disposition: form-data; name="receivedAt"\r\n\r\n2026-11-20\r\n--${boundary}--\r\n`),
    ]);
    const withDate = await app.inject({ method: 'POST', url: '/api/scans', payload: dated, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } });
    expect(withDate.statusCode).toBe(202);
    expect((await app.inject(`/api/scans/${withDate.json().scans[0].scanId}`)).json().receivedAt).toBe('2026-11-20');
    const conflicting = await app.inject({ method: 'POST', url: '/api/scans?receivedAt=2026-11-19', payload: dated, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } });
    expect(conflicting.statusCode).toBe(400);
    // An empty file beside a good one refuses the whole upload, and takes neither (blind test AI:
    // the good one was taken while the answer said refused).
    const fresh = Buffer.concat([png, Buffer.from([2])]);
    const mixed = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="good.png"\r\nContent-Type: image/png\r\n\r\n`),
      fresh,
      Buffer.from(`\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="empty.pdf"\r\nContent-Type: application/pdf\r\n\r\n`),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const refused = await app.inject({ method: 'POST', url: '/api/scans', payload: mixed, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } });
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ error: 'EMPTY_FILE', message: expect.stringContaining('empty.pdf') });
    const again = await app.inject({ method: 'POST', url: '/api/scans?fileName=good.png', payload: fresh, headers: { 'content-type': 'image/png' } });
    expect(again.json().scans[0].created).toBe(true);
  });

  it('rejects bad input with clear errors', async () => {
    const empty = await app.inject({ method: 'POST', url: '/api/scans', payload: Buffer.alloc(0), headers: { 'content-type': 'application/octet-stream' } });
    expect(empty.statusCode).toBe(422);
    expect(empty.json().error).toBe('EMPTY_FILE');
    const badDate = await app.inject({ method: 'POST', url: '/api/scans?receivedAt=16.11.2026', payload: png, headers: { 'content-type': 'image/png' } });
    expect(badDate.statusCode).toBe(400);
    // The shape of a date but no day of the calendar (blind test AI: a 500 from the database).
    for (const day of ['2026-02-30', '2026-11-31']) {
      const noDay = await app.inject({ method: 'POST', url: `/api/scans?receivedAt=${day}`, payload: png, headers: { 'content-type': 'image/png' } });
      expect(noDay.statusCode, day).toBe(422);
      expect(noDay.json().error).toBe('BAD_DATE');
    }
    const json = await app.inject({ method: 'POST', url: '/api/scans', payload: { a: 1 } });
    expect(json.statusCode).toBe(415);
    expect((await app.inject('/api/scans/not-a-hash')).statusCode).toBe(400);
    expect((await app.inject(`/api/scans/${'0'.repeat(64)}`)).statusCode).toBe(404);
    expect((await app.inject('/api/documents/doc-000000000000000000000000-1')).statusCode).toBe(404);
    expect((await app.inject('/api/worklists/..%2Fetc')).statusCode).toBe(400);
  });

  it('gives auditors the whole hash chain, scan events included, page by page, and it verifies (blind test AI)', async () => {
    const events: { event_id: number; document_id: string | null; scan_id: string | null; at: string; actor: string; event: string; detail: unknown; prev_hash: string; hash: string }[] = [];
    for (let url: string | null = '/api/audit?limit=2'; url; ) {
      const page = await app.inject(url);
      expect(page.statusCode).toBe(200);
      const body = page.json() as { events: typeof events; next: string | null };
      events.push(...body.events);
      url = body.next;
    }
    expect(events.length).toBeGreaterThan(2);
    expect(events.some((e) => e.document_id === null && e.scan_id)).toBe(true);
    let prev = GENESIS_HASH;
    for (const e of events) {
      expect(e.prev_hash).toBe(prev);
      expect(eventHash(prev, { documentId: e.document_id, scanId: e.scan_id, actor: e.actor, event: e.event, detail: e.detail, at: new Date(e.at).toISOString() })).toBe(e.hash);
      prev = e.hash;
    }
    expect((await app.inject('/api/audit?limit=5000')).statusCode).toBe(400);
  });

  it('serves the web page and an empty worklist overview', async () => {
    const page = await app.inject('/');
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('Worklists');
    expect((await app.inject('/api/worklists')).json()).toEqual({ worklists: [] });
    expect((await app.inject('/api/worklists/complaint-individual')).json()).toEqual({ worklist: 'complaint-individual', letters: [] });
    const typo = await app.inject('/api/worklists/complaints-individual');
    expect(typo.statusCode).toBe(404);
    expect(typo.json()).toMatchObject({ error: 'UNKNOWN_WORKLIST', message: expect.stringContaining('data-change-business') });
  });
});
