import { extname } from 'node:path';
import type { FastifyPluginAsync } from 'fastify';
import type { ApiDeps } from '../app.js';
import type { DocumentStore } from '../../core/document-store.js';
import { acceptScan, checkIncoming } from '../../ingest/accept-scan.js';
import { resumeScan } from '../../core/recovery.js';

// Mailroom operators: upload scans and follow a batch until every letter is routed; auditors: the
// original of any scan.

const today = () => new Date().toISOString().slice(0, 10);
/** A raw upload without a fileName is named for what its content type says it is. */
const EXTENSIONS: Record<string, string> = { 'application/pdf': '.pdf', 'image/tiff': '.tif', 'image/jpeg': '.jpg', 'image/png': '.png' };
const scanParams = { type: 'object', properties: { scanId: { type: 'string', pattern: '^[0-9a-f]{64}$' } }, required: ['scanId'] } as const;
const ORIGINAL_TYPES: Record<string, string> = {
  '.pdf': 'application/pdf', '.tif': 'image/tiff', '.tiff': 'image/tiff', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.png': 'image/png', '.webp': 'image/webp',
};

export const scanRoutes: FastifyPluginAsync<{ deps: ApiDeps; store: DocumentStore }> = async (app, { deps, store }) => {
  const incoming = (bytes: Buffer, fileName: string, receivedAt: string) => ({ bytes, fileName, source: `upload:${fileName}`, channel: 'upload' as const, receivedAt });
  const accept = (bytes: Buffer, fileName: string, receivedAt: string) =>
    acceptScan(
      { store, blobs: deps.blobs, dispatch: deps.queues.dispatch, resume: (id) => resumeScan(store, deps.queues, id) },
      incoming(bytes, fileName, receivedAt),
    );

  app.post<{ Querystring: { receivedAt?: string; fileName?: string } }>(
    '/api/scans',
    {
      schema: {
        querystring: {
          type: 'object',
          properties: { receivedAt: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' }, fileName: { type: 'string', maxLength: 200 } },
        },
      },
    },
    async (req, reply) => {
      let receivedAt = req.query.receivedAt ?? today();
      const results: { fileName: string; scanId: string; created: boolean }[] = [];
      if (req.isMultipart()) {
        // Form fields may follow the files, so every part is read before anything is accepted: a
        // receivedAt field sent after the file was once ignored and the deadlines ran from today
        // (blind test AA).
        const files: { fileName: string; bytes: Buffer }[] = [];
        const fields: Record<string, string> = {};
        for await (const part of req.parts()) {
          if (part.type === 'file') files.push({ fileName: part.filename, bytes: await part.toBuffer() });
          else fields[part.fieldname] = String(part.value);
        }
        const field = fields.receivedAt?.trim();
        if (field && req.query.receivedAt && field !== req.query.receivedAt) {
          return reply.code(400).send({ error: 'CONFLICTING_DATES', message: `receivedAt ${req.query.receivedAt} in the query and ${field} in the form differ` });
        }
        if (field) receivedAt = field;
        // All or none: an empty file beside good ones refuses the upload before any is taken.
        for (const f of files) checkIncoming(incoming(f.bytes, f.fileName, receivedAt));
        for (const f of files) results.push({ fileName: f.fileName, ...(await accept(f.bytes, f.fileName, receivedAt)) });
      } else {
        if (!Buffer.isBuffer(req.body)) return reply.code(415).send({ error: 'UNSUPPORTED_MEDIA_TYPE', message: 'send the scan as the body (application/octet-stream, application/pdf, image/*) or as multipart/form-data' });
        const fileName = (req.query.fileName ?? `upload${EXTENSIONS[String(req.headers['content-type']).split(';')[0]!.trim()] ?? '.bin'}`).replace(/[^\w.-]/g, '_');
        results.push({ fileName, ...(await accept(req.body, fileName, receivedAt)) });
      }
      if (results.length === 0) return reply.code(400).send({ error: 'NO_FILE', message: 'no file in the upload' });
      return reply.code(202).send({ scans: results });
    },
  );

  // Operators: what came in lately, a failed upload among it with its reason, without knowing its id.
  app.get<{ Querystring: { status?: 'received' | 'split' | 'failed'; limit: number; before?: string } }>(
    '/api/scans',
    {
      schema: {
        querystring: {
          type: 'object',
          properties: {
            status: { type: 'string', enum: ['received', 'split', 'failed'] },
            limit: { type: 'integer', minimum: 1, maximum: 200, default: 50 },
            before: scanParams.properties.scanId,
          },
          additionalProperties: false,
        },
      },
    },
    async (req) => {
      const rows = await store.listScans(req.query);
      return {
        scans: rows.map((s) => ({
          scanId: s.scan_id, fileName: s.file_name, channel: s.channel, status: s.status, error: s.error,
          receivedAt: s.received_at, pageCount: s.page_count, createdAt: new Date(s.created_at).toISOString(),
        })),
        // The next page's cursor: older scans than the last one listed.
        next: rows.length === req.query.limit ? rows[rows.length - 1]!.scan_id : null,
      };
    },
  );

  // Auditors: the file exactly as it arrived, archived before anything else happened to it.
  app.get<{ Params: { scanId: string } }>(
    '/api/scans/:scanId/original',
    { schema: { params: scanParams } },
    async (req, reply) => {
      const scan = await store.getScan(req.params.scanId);
      if (!scan) return reply.code(404).send({ error: 'NOT_FOUND', message: 'no such scan' });
      const type = ORIGINAL_TYPES[extname(scan.blob_key).toLowerCase()] ?? 'application/octet-stream';
      return reply
        .header('content-type', type)
        // Polish file names ("reklamacja_żółw.pdf") in RFC 5987 form, an ASCII name beside for old clients.
        .header('content-disposition', `attachment; filename="${scan.file_name.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(scan.file_name)}`)
        .send(await deps.blobs.get(scan.blob_key));
    },
  );

  app.get<{ Params: { scanId: string } }>(
    '/api/scans/:scanId',
    { schema: { params: scanParams } },
    async (req, reply) => {
      const scan = await store.getScan(req.params.scanId);
      if (!scan) return reply.code(404).send({ error: 'NOT_FOUND', message: 'no such scan' });
      const documents = await store.documentsOfScan(scan.scan_id);
      const pages = await store.scanPages(scan.scan_id);
      const finished = documents.filter((d) => d.status === 'routed' || d.status === 'needs_attention').length;
      return {
        scanId: scan.scan_id,
        fileName: scan.file_name,
        status: scan.status,
        error: scan.error,
        receivedAt: scan.received_at,
        // Done: split and every letter in a worklist (or needing attention), or the file failed.
        progress: { documents: documents.length, finished, done: scan.status === 'failed' || (scan.status === 'split' && finished === documents.length) },
        pages: pages.map((p) => ({ pageNo: p.page_no, kind: p.kind, documentId: p.document_id, issues: p.issues })),
        rescanRequested: pages.filter((p) => p.issues.length > 0).map((p) => p.page_no),
        documents: documents.map((d) => ({ documentId: d.document_id, pages: d.pages, status: d.status, worklist: d.worklist, error: d.error })),
      };
    },
  );
};
