import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll } from 'vitest';
import S3rver from 's3rver';
import { createS3BlobStore } from '../../core/s3-blob-store.js';
import { blobStoreConformance } from '../helpers/blob-store-conformance.js';

// s3rver is the only S3-compatible server installable here (npm); the test starts it on a free
// loopback port with a bucket per test.
let server: { close(): Promise<void> };
let endpoint = '';
let dir = '';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mailroom-s3-'));
  const s3 = new S3rver({ port: 0, address: '127.0.0.1', directory: dir, silent: true });
  const { port } = (await s3.run()) as { port: number };
  endpoint = `http://127.0.0.1:${port}`;
  server = s3;
});

afterAll(async () => {
  await server?.close();
  await rm(dir, { recursive: true, force: true });
});

blobStoreConformance('s3 (s3rver)', async () => {
  const bucket = `t-${randomUUID().slice(0, 8)}`;
  const settings = { bucket, endpoint, region: 'us-east-1', accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER', forcePathStyle: true };
  const { S3Client, CreateBucketCommand } = await import('@aws-sdk/client-s3');
  await new S3Client({ region: 'us-east-1', endpoint, forcePathStyle: true, credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } }).send(
    new CreateBucketCommand({ Bucket: bucket }),
  );
  return { store: createS3BlobStore(settings), cleanup: async () => undefined };
});
