import type { FastifyPluginAsync } from 'fastify';
import { readFile } from 'node:fs/promises';

const index = new URL('../web/index.html', import.meta.url);

export const pageRoutes: FastifyPluginAsync = async (app) => {
  const html = await readFile(index, 'utf8');
  app.get('/', async (_req, reply) => reply.type('text/html; charset=utf-8').send(html));
};
