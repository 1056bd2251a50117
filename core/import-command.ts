import { SingleBar, Presets } from 'cli-progress';
import { existsSync } from 'node:fs';
import type { Runtime } from './runtime.js';
import { importCustomers } from '../router/import-customers.js';
import { PermanentError } from './errors.js';

export async function runImportCommand(rt: Runtime, file: string): Promise<number> {
  if (!existsSync(file)) throw new PermanentError('NO_FILE', `${file}: no such file`);
  const bar = process.stderr.isTTY ? new SingleBar({ format: 'customers {value} rows', stream: process.stderr }, Presets.shades_classic) : null;
  bar?.start(0, 0);
  const started = Date.now();
  const r = await importCustomers(rt.db, file, { onProgress: (n) => bar?.update(n) });
  bar?.stop();
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  process.stdout.write(`imported ${r.imported}, updated ${r.updated}, rejected ${r.rejected.length}` +
    `${r.dropped.length ? `, values left out ${r.dropped.length}` : ''} (${secs} s)\n`);
  const sep = r.delimiter === '\t' ? 'tab' : `'${r.delimiter}'`;
  process.stdout.write(`read as ${r.encoding}${r.encoding === 'utf-8' ? '' : ' (the file is not UTF-8)'}, columns separated by ${sep}` +
    `${r.headerLine > 1 ? `, header on line ${r.headerLine} (the lines above it are not customers and were not read)` : ''}\n`);
  process.stdout.write(`columns read: ${r.readColumns.join(', ')}\n`);
  if (r.ignoredColumns.length) process.stdout.write(`ignored columns: ${r.ignoredColumns.join(', ')}\n`);
  if (r.missingFields.length) {
    process.stdout.write(`no column for: ${r.missingFields.join(', ')} (letters quoting only these cannot be matched by them)\n`);
  }
  for (const rej of r.rejected.slice(0, 200)) process.stderr.write(`line ${rej.line}: ${rej.reason}\n`);
  if (r.rejected.length > 200) process.stderr.write(`... and ${r.rejected.length - 200} more rejected rows\n`);
  if (r.dropped.length) process.stderr.write(`${r.dropped.length} values left out, their customers imported without them:\n`);
  for (const d of r.dropped.slice(0, 200)) process.stderr.write(`line ${d.line}: ${d.reason} (left out)\n`);
  if (r.dropped.length > 200) process.stderr.write(`... and ${r.dropped.length - 200} more values left out\n`);
  return r.rejected.length || r.dropped.length ? 3 : 0;
}
