import { mkdtemp, readdir, readFile, rm, writeFile, appendFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { watchInbox } from '../../ingest/inbox-watcher.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
let dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
  dirs = [];
});

async function inbox() {
  const d = await mkdtemp(join(tmpdir(), 'mailroom-inbox-'));
  dirs.push(d);
  return d;
}

describe('watchInbox', () => {
  it('takes each file exactly once even with three watchers on one folder', async () => {
    const dir = await inbox();
    const taken: string[] = [];
    const watchers = [0, 1, 2].map(() => watchInbox({ dir, pollMs: 20, handle: async (_b, name) => void taken.push(name) }));
    for (let i = 0; i < 30; i++) await writeFile(join(dir, `scan-${i}.pdf`), `%PDF-${i}`);
    for (let i = 0; i < 100 && taken.length < 30; i++) await sleep(30);
    await sleep(100);
    await Promise.all(watchers.map((w) => w.stop()));
    expect(taken.sort()).toEqual(Array.from({ length: 30 }, (_, i) => `scan-${i}.pdf`).sort());
    expect((await readdir(join(dir, 'done'))).length).toBe(30);
  });

  it('waits while a file is still growing', async () => {
    const dir = await inbox();
    const seen: Buffer[] = [];
    // Appends 100 ms apart against a 500 ms poll: under a loaded CI machine a 150 ms poll saw a pause
    // between two appends and took the file half-written.
    const w = watchInbox({ dir, pollMs: 500, handle: async (b) => void seen.push(b) });
    const path = join(dir, 'growing.tif');
    await writeFile(path, 'part1');
    for (let i = 0; i < 4; i++) {
      await sleep(100);
      await appendFile(path, `-part${i + 2}`);
    }
    for (let i = 0; i < 80 && seen.length === 0; i++) await sleep(50);
    await w.stop();
    expect(seen.map(String)).toEqual(['part1-part2-part3-part4-part5']);
  });

  it('moves a failed file aside with the reason next to it', async () => {
    const dir = await inbox();
    const w = watchInbox({ dir, pollMs: 20, handle: async () => { throw new Error('CORRUPT_FILE: not a PDF'); } });
    await writeFile(join(dir, 'bad.pdf'), 'garbage');
    await writeFile(join(dir, 'notes.txt'), 'hello');
    for (let i = 0; i < 50; i++) {
      await sleep(30);
      if ((await readdir(join(dir, 'failed')).catch(() => [])).length >= 4) break;
    }
    await w.stop();
    const failed = await readdir(join(dir, 'failed'));
    const reason = failed.find((f) => f.endsWith('bad.pdf.error.txt'))!;
    expect(await readFile(join(dir, 'failed', reason), 'utf8')).toContain('not a PDF');
    expect(failed.some((f) => f.endsWith('notes.txt.error.txt'))).toBe(true);
  });

  it('takes a text file named .pdf (its scan records the failure) but moves it to failed/ with the reason (blind test AI)', async () => {
    const dir = await inbox();
    const taken: string[] = [];
    const w = watchInbox({ dir, pollMs: 20, handle: async (_b, name) => void taken.push(name) });
    await writeFile(join(dir, 'inbox-bad.pdf'), 'this is a text file, not a scan');
    for (let i = 0; i < 50 && (await readdir(join(dir, 'failed')).catch(() => [])).length < 2; i++) await sleep(30);
    await w.stop();
    expect(taken).toEqual(['inbox-bad.pdf']);
    const failed = await readdir(join(dir, 'failed'));
    const note = failed.find((f) => f.endsWith('.error.txt'))!;
    expect(await readFile(join(dir, 'failed', note), 'utf8')).toMatch(/not a PDF, TIFF, JPEG, PNG or WebP file/);
    expect(await readdir(join(dir, 'done'))).toEqual([]);
  });

  it('fails a file left empty past the grace time, and takes one written after a while empty (blind test AA)', async () => {
    const dir = await inbox();
    const handled: string[] = [];
    const w = watchInbox({ dir, pollMs: 20, emptyGraceMs: 300, handle: async (b, name) => {
      if (b.length === 0) throw new Error('EMPTY_FILE: the file is empty');
      handled.push(name);
    } });
    await writeFile(join(dir, 'zero.pdf'), '');
    await writeFile(join(dir, 'late.pdf'), '');
    await sleep(150);
    // Still within the grace time: nothing taken yet.
    expect(await readdir(join(dir, 'failed'))).toEqual([]);
    await writeFile(join(dir, 'late.pdf'), '%PDF-late');
    for (let i = 0; i < 60 && (await readdir(join(dir, 'failed'))).length < 2; i++) await sleep(30);
    await w.stop();
    const failed = await readdir(join(dir, 'failed'));
    expect(failed.filter((f) => f.endsWith('zero.pdf.error.txt'))).toHaveLength(1);
    expect(handled).toEqual(['late.pdf']);
  });
});
