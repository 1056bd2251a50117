import {
  S3Client,
  PutObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  DeleteObjectCommand,
  ListObjectsV2Command,
  NoSuchKey,
  NotFound,
} from '@aws-sdk/client-s3';
import { assertSafeKey, BlobNotFoundError, type BlobStore } from './blob-store.js';
import { TransientError } from './errors.js';

export interface S3Settings {
  bucket: string;
  endpoint: string | null;
  region: string;
  accessKeyId: string | null;
  secretAccessKey: string | null;
  forcePathStyle: boolean;
}

export function createS3BlobStore(s: S3Settings): BlobStore {
  const client = new S3Client({
    region: s.region,
    endpoint: s.endpoint ?? undefined,
    forcePathStyle: s.forcePathStyle,
    credentials: s.accessKeyId && s.secretAccessKey ? { accessKeyId: s.accessKeyId, secretAccessKey: s.secretAccessKey } : undefined,
    // Default checksums frame streamed bodies as aws-chunked, which some S3-compatible servers
    // store verbatim inside the object; only ask for checksums where the API demands them.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  const Bucket = s.bucket;
  const wrap = async <T>(key: string, fn: () => Promise<T>): Promise<T> => {
    try {
      return await fn();
    } catch (err) {
      if (err instanceof NoSuchKey || err instanceof NotFound) throw new BlobNotFoundError(key);
      const status = (err as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
      if (status === 404) throw new BlobNotFoundError(key);
      throw new TransientError('S3_UNAVAILABLE', `S3 ${key}: ${(err as Error).message}`, { cause: err });
    }
  };
  return {
    kind: 's3',
    put: (key, bytes, contentType) =>
      wrap(key, async () => {
        assertSafeKey(key);
        await client.send(new PutObjectCommand({ Bucket, Key: key, Body: bytes, ContentType: contentType }));
      }),
    get: (key) =>
      wrap(key, async () => {
        assertSafeKey(key);
        const out = await client.send(new GetObjectCommand({ Bucket, Key: key }));
        return Buffer.from(await out.Body!.transformToByteArray());
      }),
    async has(key) {
      try {
        await wrap(key, () => client.send(new HeadObjectCommand({ Bucket, Key: key })));
        return true;
      } catch (err) {
        if (err instanceof BlobNotFoundError) return false;
        throw err;
      }
    },
    delete: (key) =>
      wrap(key, async () => {
        await client.send(new DeleteObjectCommand({ Bucket, Key: key }));
      }),
    list: (prefix) =>
      wrap(prefix, async () => {
        const keys: string[] = [];
        let token: string | undefined;
        do {
          const page = await client.send(new ListObjectsV2Command({ Bucket, Prefix: prefix, ContinuationToken: token }));
          for (const o of page.Contents ?? []) if (o.Key) keys.push(o.Key);
          token = page.IsTruncated ? page.NextContinuationToken : undefined;
        } while (token);
        return keys.sort();
      }),
  };
}
