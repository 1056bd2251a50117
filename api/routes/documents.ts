import type { FastifyPluginAsync } from 'fastify';
import type { ApiDeps } from '../app.js';
import type { DocumentStore } from '../../core/document-store.js';
import { documentView, rescanPages } from '../../core/document-view.js';

// Advisers and auditors: one document, its searchable PDF and its full history.

const params = { type: 'object', properties: { id: { type: 'string', pattern: '^doc-[0-9a-f]{24}-\\d+$' } }, required: ['id'] } as const;

export const documentRoutes: FastifyPluginAsync<{ deps: ApiDeps; store: DocumentStore }> = async (app, { deps, store }) => {
  app.get<{ Params: { id: string } }>('/api/documents/:id', { schema: { params } }, async (req, reply) => {
    const d = await store.getDocument(req.params.id);
    if (!d) return reply.code(404).send({ error: 'NOT_FOUND', message: 'no such document' });
    // The letter's own pages flagged for a rescan, as `process --json` gives them: an adviser reading
    // a letter could not tell a page of it was damaged (blind test AI).
    return { ...documentView(d), rescanRequested: rescanPages(d.document_id, await store.scanPages(d.scan_id)), pdf: d.searchable_pdf_key ? `/api/documents/${d.document_id}/pdf` : null };
  });

  app.get<{ Params: { id: string } }>('/api/documents/:id/pdf', { schema: { params } }, async (req, reply) => {
    const d = await store.getDocument(req.params.id);
    if (!d?.searchable_pdf_key) return reply.code(404).send({ error: 'NOT_FOUND', message: 'no searchable PDF for this document yet' });
    return reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', `inline; filename="${d.document_id}.pdf"`)
      .send(await deps.blobs.get(d.searchable_pdf_key));
  });

  app.get<{ Params: { id: string } }>('/api/documents/:id/history', { schema: { params } }, async (req, reply) => {
    const d = await store.getDocument(req.params.id);
    if (!d) return reply.code(404).send({ error: 'NOT_FOUND', message: 'no such document' });
    return { documentId: d.document_id, events: await store.history(d.document_id) };
  });
};
