// The archive port. Keys are '/'-separated paths chosen by the pipeline (see pipeline.ts keys);
// values are immutable once written, which is what makes re-delivered jobs harmless.

export interface BlobStore {
  put(key: string, bytes: Uint8Array, contentType?: string): Promise<void>;
  get(key: string): Promise<Buffer>;
  has(key: string): Promise<boolean>;
  delete(key: string): Promise<void>;
  /** Keys under a prefix, sorted. */
  list(prefix: string): Promise<string[]>;
  readonly kind: 'fs' | 's3';
}

export class BlobNotFoundError extends Error {
  constructor(readonly key: string) {
    super(`no blob at ${key}`);
    this.name = 'BlobNotFoundError';
  }
}

/** Rejects keys that could escape the store's root or be read differently by S3 and a filesystem. */
export function assertSafeKey(key: string): void {
  if (!/^[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*$/.test(key) || key.split('/').some((p) => p === '..' || p === '.')) {
    throw new Error(`unsafe blob key: ${JSON.stringify(key)}`);
  }
}
