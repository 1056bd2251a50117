import { describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { BlobNotFoundError, type BlobStore } from '../../core/blob-store.js';

// One suite every archive adapter must pass; an adapter's own test file only provides the store.
export function blobStoreConformance(name: string, make: () => Promise<{ store: BlobStore; cleanup(): Promise<void> }>) {
  describe(`BlobStore conformance: ${name}`, () => {
    const withStore = (fn: (s: BlobStore) => Promise<void>) => async () => {
      const { store, cleanup } = await make();
      try {
        await fn(store);
      } finally {
        await cleanup();
      }
    };

    it('round-trips bytes exactly, including a multi-megabyte binary', withStore(async (s) => {
      const big = randomBytes(6 * 1024 * 1024 + 17);
      await s.put('scans/abc/original.pdf', big, 'application/pdf');
      await s.put('scans/abc/pages/0001.png', Buffer.from([0, 1, 2, 255]));
      expect((await s.get('scans/abc/original.pdf')).equals(big)).toBe(true);
      expect([...(await s.get('scans/abc/pages/0001.png'))]).toEqual([0, 1, 2, 255]);
    }));

    it('reports missing keys as BlobNotFoundError and has() false', withStore(async (s) => {
      await expect(s.get('nope/missing.bin')).rejects.toBeInstanceOf(BlobNotFoundError);
      expect(await s.has('nope/missing.bin')).toBe(false);
    }));

    it('overwrites, lists by prefix in order, and deletes', withStore(async (s) => {
      await s.put('documents/d1/ocr/1.json', Buffer.from('b'));
      await s.put('documents/d1/ocr/0.json', Buffer.from('a'));
      await s.put('documents/d2/ocr/0.json', Buffer.from('c'));
      await s.put('documents/d1/ocr/0.json', Buffer.from('a2'));
      expect((await s.get('documents/d1/ocr/0.json')).toString()).toBe('a2');
      expect(await s.list('documents/d1/')).toEqual(['documents/d1/ocr/0.json', 'documents/d1/ocr/1.json']);
      await s.delete('documents/d1/ocr/0.json');
      expect(await s.has('documents/d1/ocr/0.json')).toBe(false);
      expect(await s.list('documents/')).toEqual(['documents/d1/ocr/1.json', 'documents/d2/ocr/0.json']);
    }));

    it('refuses keys that could escape the store', withStore(async (s) => {
      for (const key of ['../etc/passwd', 'a/../../b', '/abs', 'a//b', 'sp ace', '']) {
        await expect(s.put(key, Buffer.from('x'))).rejects.toThrow(/unsafe blob key/);
      }
    }));
  });
}
