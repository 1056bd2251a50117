import sharp from 'sharp';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile, copyFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPgDb } from '../../core/pg-db.js';
import { TEST_DATABASE_URL } from '../helpers/db.js';

// The `mailroom` command as an operator runs it: real processes, exit codes, stdout and stderr.

const root = fileURLToPath(new URL('../../', import.meta.url));
const samples = join(root, 'fixtures/samples');
const id = randomUUID().replace(/-/g, '').slice(0, 10);
let dir = '';
const env = () => ({
  ...process.env,
  MAILROOM_DATA_DIR: join(dir, 'data'),
  MAILROOM_QUEUE_PREFIX: `mrcli-${id}`,
  DATABASE_URL: TEST_DATABASE_URL,
  DATABASE_SCHEMA: `cli_${id}`,
  MAILROOM_REDIS_AUTOSTART: 'false',
});

function mailroom(args: string[], extraEnv: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [join(root, 'bin/mailroom.js'), ...args], { env: { ...env(), ...extraEnv }, cwd: dir, timeout: 600_000, maxBuffer: 64 << 20 }, (err, stdout, stderr) =>
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr }),
    );
  });
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mailroom-cli-'));
});
afterAll(async () => {
  const admin = createPgDb(TEST_DATABASE_URL, { max: 1 });
  await admin.exec(`DROP SCHEMA IF EXISTS cli_${id} CASCADE`);
  await admin.close();
  const { Redis } = await import('ioredis');
  const r = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
  const keys = await r.keys(`mrcli-${id}:*`);
  if (keys.length) await r.del(...keys);
  r.disconnect();
  await rm(dir, { recursive: true, force: true });
});

describe('mailroom command', () => {
  it('reports every bad configuration variable at once with exit code 2', async () => {
    const r = await mailroom(['process', 'x.pdf'], { PORT: 'x', REDIS_URL: 'nope' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('PORT');
    expect(r.stderr).toContain('REDIS_URL');
  });

  it('names every missing path with exit code 2 and processes none of the others', async () => {
    await copyFile(join(samples, 'scan-005.png'), join(dir, 'present.png'));
    const r = await mailroom(['process', 'present.png', 'nope-1.pdf', 'nope-dir']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no such file or folder: nope-1.pdf, nope-dir (nothing was processed)');
    expect(r.stdout).toBe('');
  });

  it('refuses unknown worker stages with exit code 2', async () => {
    const r = await mailroom(['worker', '--only', 'ocr,teleport']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown stage(s) teleport');
  });

  it('imports customers and reports rejected rows with line numbers', async () => {
    const csv = await readFile(join(samples, 'customers.csv'), 'utf8');
    const lines = csv.trimEnd().split('\n');
    // No surname: no customer to make. (An unknown segment only costs the row its segment.)
    const width = lines[0]!.split(',').length;
    const bad = [...lines.slice(0, 3), ['9999999999', 'individual', 'Jan', ...Array(width - 3).fill('')].join(','), lines[3]!].join('\n');
    await writeFile(join(dir, 'customers.csv'), bad);
    const r = await mailroom(['import-customers', 'customers.csv']);
    expect(r.code).toBe(3);
    expect(r.stdout).toMatch(/imported 3, updated 0, rejected 1/);
    expect(r.stderr).toMatch(/line 4: .*last_name/);
  });

  it('writes a separator sheet PDF', async () => {
    const r = await mailroom(['separator-sheet', '-o', 'sep.pdf']);
    expect(r.code).toBe(0);
    expect((await readFile(join(dir, 'sep.pdf'))).subarray(0, 5).toString()).toBe('%PDF-');
  });

  const slow = process.env.MAILROOM_SKIP_SLOW ? it.skip : it;
  slow('processes a file with --json, rejects a corrupt one, and exits 3 because of it', async () => {
    await copyFile(join(samples, 'scan-005.png'), join(dir, 'letter.png'));
    await writeFile(join(dir, 'broken.pdf'), '%PDF-1.4\nthis is not really a pdf');
    // The same bytes under a second name, and a page with nothing on it (a letter scanned too faintly looks so).
    await copyFile(join(samples, 'scan-005.png'), join(dir, 'letter-copy.png'));
    await writeFile(join(dir, 'white.png'), await sharp({ create: { width: 1240, height: 1754, channels: 3, background: '#ffffff' } }).png().toBuffer());
    const r = await mailroom(['process', '--json', '--received-at', '2026-11-16', 'letter.png', 'broken.pdf', 'letter-copy.png', 'white.png']);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/broken\.pdf: .+/);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.slice(2)).toEqual([
      { source: 'letter-copy.png', duplicateOf: 'letter.png' },
      { source: 'white.png', error: expect.stringMatching(/^no letter found: every page is blank/) },
    ]);
    expect(lines[0].rescanRequested).toEqual([]);
    expect(lines[0]).toMatchObject({ source: 'letter.png', pages: [1], receivedAt: '2026-11-16' });
    for (const k of ['documentId', 'category', 'categoryConfidence', 'secondaryCategories', 'customerId', 'matchConfidence', 'matchedOn',
      'candidates', 'worklist', 'dueAt', 'ocrConfidence', 'identifiers', 'explanation', 'text']) {
      expect(lines[0]).toHaveProperty(k);
    }
    expect(lines[0].text.length).toBeGreaterThan(100);
    expect(lines[0].explanation.features[0]).toMatchObject({ feature: expect.any(String), weight: expect.any(Number) });
    // The file that gave no letter has its own line, so a script reading stdout sees it failed.
    expect(lines[1]).toEqual({ source: 'broken.pdf', error: expect.stringMatching(/.+/) });
    // The closing count names the letter's worklist and the failed file.
    expect(r.stderr).toContain(`mailroom: 1 letter from 4 files (1 of them failed, see above): 1 ${lines[0].worklist}\n`);
  }, 600_000);
});
