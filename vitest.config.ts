import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', '{core,ingest,ocr,classifier,router,api,fixtures}/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Real Redis and PostgreSQL are shared; files isolate themselves by prefix/schema, but OCR is CPU-bound on 2 cores.
    fileParallelism: true,
    maxWorkers: 2,
  },
});
