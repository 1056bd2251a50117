import type { FastifyPluginAsync } from 'fastify';
import type { DocumentStore } from '../../core/document-store.js';

// Auditors: the whole hash chain, scan events included, in the order it was written. A document's
// history alone links to events of scans and other documents that no endpoint returned, so the
// chain could not be checked end to end over the API (blind test AI).

const MAX_EVENTS = 1000;
const query = {
  type: 'object',
  properties: { after: { type: 'integer', minimum: 0, default: 0 }, limit: { type: 'integer', minimum: 1, maximum: MAX_EVENTS, default: MAX_EVENTS } },
} as const;

export const auditRoutes: FastifyPluginAsync<{ store: DocumentStore }> = async (app, { store }) => {
  app.get<{ Querystring: { after: number; limit: number } }>('/api/audit', { schema: { querystring: query } }, async (req) => {
    const events = await store.events(req.query.after, req.query.limit);
    // The next page starts after the last event shown; none when this page was not full.
    const last = events.at(-1) as { event_id: number } | undefined;
    return { events, next: events.length === req.query.limit && last ? `/api/audit?after=${last.event_id}&limit=${req.query.limit}` : null };
  });
};
