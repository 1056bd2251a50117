import type { FastifyPluginAsync } from 'fastify';
import type { ApiDeps } from '../app.js';

export const healthRoutes: FastifyPluginAsync<{ deps: ApiDeps }> = async (app, { deps }) => {
  app.get('/health', async (_req, reply) => {
    const checks: Record<string, string> = {};
    try {
      await deps.db.query('SELECT 1');
      checks.database = 'ok';
    } catch (err) {
      checks.database = (err as Error).message;
    }
    try {
      await deps.queues.counts();
      checks.queues = 'ok';
    } catch (err) {
      checks.queues = (err as Error).message;
    }
    const ok = Object.values(checks).every((v) => v === 'ok');
    return reply.code(ok ? 200 : 503).send({ ok, checks });
  });

  app.get('/api/queues', async () => deps.queues.counts());
};
