import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { testRuntime } from '../helpers/runtime.js';
import type { Runtime } from '../../core/runtime.js';
import { startServices } from '../../core/serve.js';
import { jobIds } from '../../core/pipeline.js';

// The service's inbox: a file a scanner drops becomes an archived, recorded, queued scan.
let rt: Runtime;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ rt, cleanup } = await testRuntime({ db: 'pglite', env: { MAILROOM_INBOX_POLL_MS: '50' } }));
});
afterAll(() => cleanup());

describe('serve with the inbox watcher', () => {
  it('takes a dropped scan into the archive and the queue, and moves it to done/', async () => {
    await mkdir(rt.config.inboxDir, { recursive: true });
    const services = await startServices(rt, { stages: [], api: false, inbox: true });
    try {
      await writeFile(join(rt.config.inboxDir, 'scanner-0001.pdf'), '%PDF-1.4 dropped by a scanner');
      const done = join(rt.config.inboxDir, 'done');
      for (let i = 0; i < 100 && (await readdir(done).catch(() => [])).length === 0; i++) await new Promise((r) => setTimeout(r, 50));
      expect((await readdir(done))[0]).toMatch(/scanner-0001\.pdf$/);
      const { rows } = await rt.db.query<{ scan_id: string; channel: string; source: string }>(`SELECT scan_id, channel, source FROM scans`);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ channel: 'inbox' });
      expect(rows[0]!.source).toContain('scanner-0001.pdf');
      expect(await rt.queues.hasJob('ingest', jobIds.ingest(rows[0]!.scan_id))).toBe(true);
      // The same bytes dropped again (blind test AA: silently to done/): done, with a note saying whose copy.
      await writeFile(join(rt.config.inboxDir, 'scanner-0002.pdf'), '%PDF-1.4 dropped by a scanner');
      for (let i = 0; i < 100 && (await readdir(done)).length < 3; i++) await new Promise((r) => setTimeout(r, 50));
      const note = (await readdir(done)).find((f) => f.endsWith('scanner-0002.pdf.duplicate.txt'))!;
      expect(await readFile(join(done, note), 'utf8')).toContain(rows[0]!.scan_id);
      expect((await rt.db.query(`SELECT scan_id FROM scans`)).rows).toHaveLength(1);
    } finally {
      await services.stop();
    }
  });
});
