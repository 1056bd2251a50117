import { mkdir, readdir, readFile, rename, rmdir, stat, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { errorMessage } from '../core/errors.js';
import { isProcessAlive } from '../core/process-alive.js';
import { detectFormat } from './decode-scan.js';

// Scanners drop files into a shared folder. Polling, not inotify: network shares do not deliver
// change events reliably. A file is taken when its size and mtime held still for one poll, and
// claimed by an atomic rename into a folder of this process, so of several services watching one
// share exactly one takes each file.

export interface InboxOptions {
  dir: string;
  pollMs: number;
  /** Takes the file; `duplicateOf` when the same bytes were taken before (the scan they made). */
  handle(bytes: Buffer, fileName: string, path: string): Promise<{ duplicateOf?: string } | void>;
  log?(msg: string): void;
  /** How long a file may stay empty before it is failed as such (a scanner creates, then writes). */
  emptyGraceMs?: number;
}

const ACCEPTED = /\.(pdf|tiff?|jpe?g|png|webp)$/i;

export function watchInbox(o: InboxOptions): { stop(): Promise<void> } {
  const claimDir = join(o.dir, '.processing', `${hostname()}-${process.pid}`);
  const doneDir = join(o.dir, 'done');
  const failedDir = join(o.dir, 'failed');
  const seen = new Map<string, string>(); // name -> "size:mtime" at the previous poll
  const emptySince = new Map<string, number>();
  const emptyGraceMs = o.emptyGraceMs ?? 60_000;
  let stopped = false;
  let running: Promise<void> = Promise.resolve();

  const poll = async () => {
    await Promise.all([claimDir, doneDir, failedDir].map((d) => mkdir(d, { recursive: true })));
    const names = (await readdir(o.dir, { withFileTypes: true })).filter((e) => e.isFile() && !e.name.startsWith('.')).map((e) => e.name);
    for (const name of names) {
      if (stopped) return;
      const path = join(o.dir, name);
      const s = await stat(path).catch(() => null);
      if (!s) continue;
      const sig = `${s.size}:${s.mtimeMs}`;
      // An empty file is waited for, but not for ever: one left empty goes to failed/ with its reason
      // (blind test AA: a zero-byte file sat in the inbox for good, the operator never told).
      if (s.size > 0) emptySince.delete(name);
      else if (!emptySince.has(name)) emptySince.set(name, Date.now());
      const waitingEmpty = s.size === 0 && Date.now() - emptySince.get(name)! < emptyGraceMs;
      if (seen.get(name) !== sig || waitingEmpty) {
        seen.set(name, sig); // still being written, or new: look again next poll
        continue;
      }
      seen.delete(name);
      emptySince.delete(name);
      const claimed = join(claimDir, name);
      try {
        await rename(path, claimed);
      } catch {
        continue; // another service took it first
      }
      await settle(claimed, name);
    }
  };

  const settle = async (claimed: string, name: string) => {
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    try {
      if (!ACCEPTED.test(name)) throw new Error('not a scan file (expected pdf, tif, tiff, jpg, jpeg, png)');
      const bytes = await readFile(claimed);
      const taken = await o.handle(bytes, name, join(o.dir, name));
      // Taken and recorded (its scan fails with the reason), but the operator looks in failed/: a
      // text file named .pdf went to done/ and was found only through its hash (blind test AI).
      if (detectFormat(bytes) === null) throw new Error('not a PDF, TIFF, JPEG, PNG or WebP file, whatever its name says (its scan is recorded as failed)');
      const target = join(doneDir, `${stamp}-${name}`);
      await rename(claimed, target);
      if (taken?.duplicateOf) {
        // A rescan of the same bytes is no new post: say so beside it, or the operator waits for letters.
        const note = `the same bytes as scan ${taken.duplicateOf}, taken before: no new letters\n`;
        await writeFile(`${target}.duplicate.txt`, note);
        o.log?.(`inbox: ${name} is ${note.trim()}`);
      } else o.log?.(`inbox: took ${name}`);
    } catch (err) {
      const target = join(failedDir, `${stamp}-${name}`);
      await rename(claimed, target);
      await writeFile(`${target}.error.txt`, `${errorMessage(err)}\n`);
      o.log?.(`inbox: ${name} failed: ${errorMessage(err)}`);
    }
  };

  // Files claimed by a process of this host that died mid-way go back to the inbox. Claims of
  // other hosts cannot be judged from here and are left for their owners.
  const recover = async () => {
    const root = join(o.dir, '.processing');
    await mkdir(claimDir, { recursive: true });
    for (const owner of await readdir(root)) {
      const prefix = `${hostname()}-`;
      const pid = owner.startsWith(prefix) ? Number(owner.slice(prefix.length)) : NaN;
      if (!Number.isInteger(pid) || (pid !== process.pid && isProcessAlive(pid))) continue;
      for (const name of await readdir(join(root, owner))) await rename(join(root, owner, name), join(o.dir, name));
      // A dead process's claim folder, now empty, is not left behind.
      if (pid !== process.pid) await rmdir(join(root, owner)).catch(() => undefined);
    }
  };

  const loop = async () => {
    await recover().catch((err) => o.log?.(`inbox: ${errorMessage(err)}`));
    while (!stopped) {
      running = poll().catch((err) => o.log?.(`inbox: ${errorMessage(err)}`));
      await running;
      await new Promise((r) => setTimeout(r, o.pollMs));
    }
  };
  void loop();
  return {
    async stop() {
      stopped = true;
      await running;
      await rmdir(claimDir).catch(() => undefined); // only when empty: a claim in hand stays for recovery
    },
  };
}
