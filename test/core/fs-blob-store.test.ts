import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFsBlobStore } from '../../core/fs-blob-store.js';
import { blobStoreConformance } from '../helpers/blob-store-conformance.js';

blobStoreConformance('filesystem', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'mailroom-blobs-'));
  return { store: createFsBlobStore(dir), cleanup: () => rm(dir, { recursive: true, force: true }) };
});
