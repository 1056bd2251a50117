import type { FastifyPluginAsync } from 'fastify';
import type { ApiDeps } from '../app.js';
import { WORKLISTS } from '../../router/worklist-rules.js';

// Advisers: worklists, the one with the most urgent letter first, each with its most urgent letter
// first (blind test AI read the overview as urgency-ordered). The database answers (it is the system
// of record); BullMQ's worklist queues carry the same order for the claiming of work.

export const worklistRoutes: FastifyPluginAsync<{ deps: ApiDeps }> = async (app, { deps }) => {
  app.get('/api/worklists', async () => {
    const { rows } = await deps.db.query<{ worklist: string; letters: number; next_due: string | null }>(
      `SELECT worklist, count(*)::int AS letters, min(due_at) AS next_due FROM documents
       WHERE worklist IS NOT NULL AND status IN ('routed', 'needs_attention') GROUP BY worklist ORDER BY min(due_at) NULLS LAST, worklist`,
    );
    return { worklists: rows.map((r) => ({ name: r.worklist, letters: r.letters, nextDue: r.next_due })) };
  });

  app.get<{ Params: { name: string }; Querystring: { limit?: number; offset?: number } }>(
    '/api/worklists/:name',
    {
      schema: {
        params: { type: 'object', properties: { name: { type: 'string', pattern: '^[a-z-]{3,60}$' } }, required: ['name'] },
        querystring: { type: 'object', properties: { limit: { type: 'integer', minimum: 1, maximum: 500, default: 100 }, offset: { type: 'integer', minimum: 0, default: 0 } } },
      },
    },
    async (req, reply) => {
      // A mistyped name must not look like an empty worklist (blind test AA).
      if (!WORKLISTS.has(req.params.name)) {
        return reply.code(404).send({ error: 'UNKNOWN_WORKLIST', message: `no worklist "${req.params.name}"; worklists: ${[...WORKLISTS].join(', ')}` });
      }
      const { rows } = await deps.db.query(
        `SELECT document_id AS "documentId", category, customer_id AS "customerId", due_at AS "dueAt", received_at AS "receivedAt",
                category_confidence AS "categoryConfidence", match_confidence AS "matchConfidence", error
         FROM documents WHERE worklist = $1 AND status IN ('routed', 'needs_attention')
         ORDER BY due_at NULLS LAST, received_at, document_id LIMIT $2 OFFSET $3`,
        [req.params.name, req.query.limit ?? 100, req.query.offset ?? 0],
      );
      return { worklist: req.params.name, letters: rows };
    },
  );
};
