import Fastify, { type FastifyInstance } from 'fastify';
import multipart from '@fastify/multipart';
import type { Runtime } from '../core/runtime.js';
import { createDocumentStore } from '../core/document-store.js';
import { PermanentError } from '../core/errors.js';
import { MAX_SCAN_BYTES } from '../ingest/accept-scan.js';
import { scanRoutes } from './routes/scans.js';
import { documentRoutes } from './routes/documents.js';
import { worklistRoutes } from './routes/worklists.js';
import { healthRoutes } from './routes/health.js';
import { correctionRoutes } from './routes/corrections.js';
import { pageRoutes } from './routes/pages.js';
import { auditRoutes } from './routes/audit.js';

// The app is built here and started elsewhere (listen only in serve), so tests use inject().

export type ApiDeps = Pick<Runtime, 'db' | 'blobs' | 'queues' | 'config'>;

export async function buildApp(deps: ApiDeps, opts: { logger?: boolean } = {}): Promise<FastifyInstance> {
  const app = Fastify({ logger: opts.logger ?? false, bodyLimit: MAX_SCAN_BYTES });
  await app.register(multipart, { limits: { fileSize: MAX_SCAN_BYTES, files: 20 } });
  // Scanners and scripts post the file itself as the body.
  app.addContentTypeParser(['application/octet-stream', 'application/pdf', 'image/tiff', 'image/jpeg', 'image/png'], { parseAs: 'buffer' }, (_req, body, done) =>
    done(null, body),
  );
  app.setErrorHandler((err: Error & { statusCode?: number; validation?: unknown }, _req, reply) => {
    if (err instanceof PermanentError) return reply.code(err.code === 'NOT_FOUND' ? 404 : 422).send({ error: err.code, message: err.message });
    if (err.validation) return reply.code(400).send({ error: 'BAD_REQUEST', message: err.message });
    const status = err.statusCode && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 500;
    if (status === 500) app.log.error(err);
    return reply.code(status).send({ error: status === 500 ? 'INTERNAL' : 'BAD_REQUEST', message: status === 500 ? 'internal error' : err.message });
  });
  const store = createDocumentStore(deps.db);
  await app.register(healthRoutes, { deps });
  await app.register(scanRoutes, { deps, store });
  await app.register(documentRoutes, { deps, store });
  await app.register(worklistRoutes, { deps });
  await app.register(correctionRoutes, { deps });
  await app.register(auditRoutes, { store });
  await app.register(pageRoutes);
  return app;
}
