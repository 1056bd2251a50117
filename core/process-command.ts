import { basename } from 'node:path';
import { SingleBar, Presets } from 'cli-progress';
import type { Runtime } from './runtime.js';
import { expandPaths, processFiles } from './process-files.js';
import { NO_LETTER_FOUND } from './document-store.js';

export async function runProcessCommand(rt: Runtime, paths: string[], o: { receivedAt: string; json?: boolean; timeout: number }): Promise<number> {
  const files = await expandPaths(paths);
  if (files.length === 0) {
    process.stderr.write('mailroom: no scan files (pdf, tif, tiff, jpg, jpeg, png) found in the given paths\n');
    return 2;
  }
  // The bar goes to stderr so that stdout stays clean JSON lines for scripts.
  const bar = process.stderr.isTTY ? new SingleBar({ format: 'letters {bar} {value}/{total} | files ' + files.length, stream: process.stderr }, Presets.shades_classic) : null;
  bar?.start(1, 0);
  const outcomes = await processFiles(rt, files, {
    receivedAt: o.receivedAt,
    timeoutMs: o.timeout * 1000,
    onProgress: (done, total) => {
      bar?.setTotal(Math.max(total, 1));
      bar?.update(done);
    },
  });
  bar?.stop();
  let problems = 0;
  let rescans = 0;
  for (const f of outcomes) {
    if (f.error) {
      problems++;
      const error = withoutFileName(f.error, f.source);
      process.stderr.write(`mailroom: ${f.source}: ${error}\n`);
      // A script reading the JSON lines must see the file that gave no letter, not just miss it.
      if (o.json) process.stdout.write(`${JSON.stringify({ source: f.source, error })}\n`);
    }
    if (f.duplicateOf) {
      process.stderr.write(`mailroom: ${f.source}: the same file as ${f.duplicateOf}, processed once under that name\n`);
      if (o.json) process.stdout.write(`${JSON.stringify({ source: f.source, duplicateOf: f.duplicateOf })}\n`);
      continue;
    }
    if (f.documents.length === 0 && !f.error) {
      // A file with no letter may be a letter scanned too faintly to see: never a silent outcome.
      problems++;
      const why = NO_LETTER_FOUND;
      process.stderr.write(`mailroom: ${f.source}: ${why}\n`);
      if (o.json) process.stdout.write(`${JSON.stringify({ source: f.source, error: why })}\n`);
    }
    for (const d of f.documents) {
      if (d.status === 'needs_attention') problems++;
      for (const r of d.rescanRequested) {
        rescans++;
        process.stderr.write(`mailroom: ${d.source}: page ${r.page} needs a rescan (${r.issues.join(', ').replace(/_/g, ' ')}); its letter went on\n`);
      }
      if (o.json) {
        const { status: _s, ...line } = d;
        process.stdout.write(`${JSON.stringify(line)}\n`);
      } else {
        process.stdout.write(
          `${d.source} p.${d.pages.join(',')}  ${d.category ?? '-'} (${d.categoryConfidence ?? '-'})  customer ${d.customerId ?? '-'}  -> ${d.worklist}  due ${d.dueAt ?? '-'}${d.error ? `  ! ${d.error}` : ''}\n`,
        );
      }
    }
  }
  // One line for the operator: manual worklists are normal outcomes (a person decides), unlike
  // letters that failed and need attention, which alone make the exit code 3.
  const byList = new Map<string, number>();
  for (const d of outcomes.flatMap((f) => f.documents)) {
    const list = d.status === 'needs_attention' ? 'needs attention' : (d.worklist ?? 'no worklist');
    byList.set(list, (byList.get(list) ?? 0) + 1);
  }
  const letters = [...byList.values()].reduce((a, b) => a + b, 0);
  const lists = [...byList].sort((a, b) => b[1] - a[1]).map(([w, n]) => `${n} ${w}`).join(', ');
  const failed = outcomes.filter((f) => f.error).length;
  const failedNote = failed ? ` (${failed} of them failed, see above)` : '';
  const rescanNote = rescans ? `; ${rescans} page${rescans === 1 ? '' : 's'} to rescan, see above` : '';
  process.stderr.write(`mailroom: ${letters} letter${letters === 1 ? '' : 's'} from ${files.length} file${files.length === 1 ? '' : 's'}${failedNote}${lists ? `: ${lists}` : ''}${rescanNote}\n`);
  return problems ? 3 : 0;
}

/** "x.pdf: the file is empty" -> "the file is empty": the line names the file already. */
function withoutFileName(error: string, source: string): string {
  const named = [source, basename(source)].find((n) => error.startsWith(`${n}: `) || error.startsWith(`${n} `));
  return named ? error.slice(named.length).replace(/^:?\s*/, '') : error;
}
