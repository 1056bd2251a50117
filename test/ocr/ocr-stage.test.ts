import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshPglite } from '../helpers/db.js';
import { createDocumentStore, type DocumentStore } from '../../core/document-store.js';
import { createFsBlobStore } from '../../core/fs-blob-store.js';
import { blobKeys } from '../../core/pipeline.js';
import type { BlobStore } from '../../core/blob-store.js';
import type { OcrPageResult, OcrWord } from '../../core/types.js';
import { ocrPage } from '../../ocr/ocr-stage.js';
import { isIllegible } from '../../ocr/page-legibility.js';
import { verifyAuditChain } from '../../core/audit-log.js';
import type { Db } from '../../core/db.js';

const word = (text: string, confidence: number): OcrWord => ({ text, confidence, bbox: { x0: 0, y0: 0, x1: 10, y1: 10 } });

describe('page legibility', () => {
  it('trusts a page with a few confident words, even a short note', () => {
    expect(isIllegible([word('Proszę', 91), word('o', 88), word('fakturę', 93), word('Jan', 90), word('Nowak', 89)])).toBe(false);
  });
  it('calls a page illegible when nothing or only low-confidence dust was read', () => {
    expect(isIllegible([])).toBe(true);
    // A back with only "verte" or a page number holds no words a rescan could bring (blind test AF);
    // the bench's page whose text dissolved into dots had 0.054 % ink, a letter 1.7 %.
    expect(isIllegible([word('verte', 80)], 0.00013)).toBe(false);
    expect(isIllegible([], 0.00054)).toBe(true);
    expect(isIllegible([], 0.017)).toBe(true);
    expect(isIllegible([word('~', 95), word('ii', 31), word('.:', 70), word('rn', 45), word('Jan', 92)])).toBe(true);
    expect(isIllegible([word('Jan', 92), word('rn', 64), word('~', 95)])).toBe(true);
  });
  it("trusts a last page with only a page number and the signer's name read surely (blind test AH)", () => {
    expect(isIllegible([word('–', 90), word('2', 93), word('–', 88), word('Piotr', 91), word('Lis', 89)], 0.0012)).toBe(false);
  });
});

describe('OCR stage', () => {
  let db: Db;
  let store: DocumentStore;
  let blobs: BlobStore;
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ db, cleanup } = await freshPglite());
    store = createDocumentStore(db);
    dir = await mkdtemp(join(tmpdir(), 'mailroom-ocr-stage-'));
    blobs = createFsBlobStore(dir);
    await store.insertScan({ scanId: 's1', fileName: 'a.tif', source: 'a.tif', channel: 'cli', blobKey: 'scans/s1/original.tif', byteSize: 1, receivedAt: '2026-11-16' });
    const pages = [1, 2].map((pageNo) => ({ pageNo, kind: 'letter' as const, documentId: 'd1', imageKey: blobKeys.page('s1', pageNo), dpi: 300, issues: [] }));
    await store.markScanSplit('s1', '2026-11-16', pages, [{ documentId: 'd1', pages: [1, 2] }]);
    const png = await sharp({ create: { width: 40, height: 60, channels: 3, background: "#ffffff" } }).greyscale().png().toBuffer();
    for (const p of pages) await blobs.put(p.imageKey, png, 'image/png');
  });
  afterAll(async () => {
    await cleanup();
    await rm(dir, { recursive: true, force: true });
  });

  const readAs = (words: OcrWord[], confidence = 90, inkShare = 0.01) => async () => ({
    result: { text: words.map((w) => w.text).join(' '), confidence, words, rotation: 0, skewDegrees: 0, width: 40, height: 60, dpi: 300 } satisfies OcrPageResult,
    preparedPng: Buffer.from('prepared'),
    inkShare,
  });

  it('stores the reading, and asks for a rescan of a page whose text was lost', async () => {
    const good = readAs([word('Szanowni', 92), word('Państwo', 90), word('reklamacja', 88)]);
    await ocrPage({ store, blobs, readPage: good }, { documentId: 'd1', pageIndex: 0, imageKey: blobKeys.page('s1', 1), dpi: 300 });
    await ocrPage({ store, blobs, readPage: readAs([word(':', 40)]) }, { documentId: 'd1', pageIndex: 1, imageKey: blobKeys.page('s1', 2), dpi: 300 });
    // A retried job must not list the issue twice.
    await ocrPage({ store, blobs, readPage: readAs([]) }, { documentId: 'd1', pageIndex: 1, imageKey: blobKeys.page('s1', 2), dpi: 300 });

    const pages = await store.scanPages('s1');
    expect(pages.map((p) => p.issues)).toEqual([[], ['illegible']]);
    const saved = await store.documentPages('d1');
    expect(saved.map((p) => p.text)).toEqual(['Szanowni Państwo reklamacja', '']);
    const events = (await store.history('d1')).map((e) => (e as { event: string }).event);
    expect(events.filter((e) => e === 'page.rescan_requested')).toHaveLength(1);
    expect(await verifyAuditChain(db)).toBeNull();
  });

  it('withdraws a too_light flag when the faint page read as well as any, and keeps it when it did not (blind test Y)', async () => {
    const pages = [1, 2].map((pageNo) => ({ pageNo, kind: 'letter' as const, documentId: 'd2', imageKey: blobKeys.page('s2', pageNo), dpi: 300, issues: ['too_light', 'low_resolution'] }));
    await store.insertScan({ scanId: 's2', fileName: 'b.tif', source: 'b.tif', channel: 'cli', blobKey: 'scans/s2/original.tif', byteSize: 1, receivedAt: '2026-11-16' });
    await store.markScanSplit('s2', '2026-11-16', pages, [{ documentId: 'd2', pages: [1, 2] }]);
    const png = await sharp({ create: { width: 40, height: 60, channels: 3, background: '#ffffff' } }).greyscale().png().toBuffer();
    for (const p of pages) await blobs.put(p.imageKey, png, 'image/png');
    const words = [word('Szanowni', 95), word('Państwo', 96), word('reklamacja', 94)];
    await ocrPage({ store, blobs, readPage: readAs(words, 95) }, { documentId: 'd2', pageIndex: 0, imageKey: blobKeys.page('s2', 1), dpi: 300 });
    await ocrPage({ store, blobs, readPage: readAs(words, 70) }, { documentId: 'd2', pageIndex: 1, imageKey: blobKeys.page('s2', 2), dpi: 300 });
    // Only the faintness is withdrawn: the low resolution stays whatever the reading.
    expect((await store.scanPages('s2')).map((p) => p.issues)).toEqual([['low_resolution'], ['too_light', 'low_resolution']]);
    const withdrawn = (await store.history('d2')).filter((e) => (e as { event: string }).event === 'page.rescan_withdrawn');
    expect(withdrawn.map((e) => (e as { detail: unknown }).detail)).toEqual([{ pageNo: 1, issue: 'too_light', reason: 'read at confidence 95' }]);
    expect(await verifyAuditChain(db)).toBeNull();
  });

  it('asks no rescan of a back that is the other side showing through (blind test AF)', async () => {
    await store.insertScan({ scanId: 's3', fileName: 'c.tif', source: 'c.tif', channel: 'cli', blobKey: 'scans/s3/original.tif', byteSize: 1, receivedAt: '2026-11-16' });
    await store.markScanSplit('s3', '2026-11-16', [{ pageNo: 1, kind: 'letter', documentId: 'd3', imageKey: blobKeys.page('s3', 1), dpi: 300, issues: ['too_light'] }], [{ documentId: 'd3', pages: [1] }]);
    await blobs.put(blobKeys.page('s3', 1), await sharp({ create: { width: 40, height: 60, channels: 3, background: '#ffffff' } }).greyscale().png().toBuffer(), 'image/png');
    const showThrough = async () => ({ ...(await readAs([], 0)()), showThrough: true });
    await ocrPage({ store, blobs, readPage: showThrough }, { documentId: 'd3', pageIndex: 0, imageKey: blobKeys.page('s3', 1), dpi: 300 });
    expect((await store.scanPages('s3')).map((p) => p.issues)).toEqual([[]]);
  });
});
