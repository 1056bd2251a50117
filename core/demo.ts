import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { Runtime } from './runtime.js';
import { STAGES } from './pipeline.js';
import { importCustomers } from '../router/import-customers.js';
import { expandPaths, processFiles } from './process-files.js';
import { startServices } from './serve.js';

// `npm start`: the bundled synthetic customers and scans, processed and then served, so a
// newcomer sees routed letters in the worklists a minute after cloning.

const samples = fileURLToPath(new URL('../fixtures/samples/', import.meta.url));

export async function runDemo(rt: Runtime): Promise<number> {
  const log = (m: string) => process.stderr.write(`mailroom: ${m}\n`);
  const imported = await importCustomers(rt.db, join(samples, 'customers.csv'));
  log(`sample customers: ${imported.imported} new, ${imported.updated} updated`);
  const services = await startServices(rt, { stages: STAGES, api: true, inbox: true });
  const files = await expandPaths([samples]);
  log(`processing ${files.length} sample scans (OCR takes a few seconds a page)...`);
  let last = '';
  const outcomes = await processFiles(rt, files, {
    receivedAt: new Date().toISOString().slice(0, 10),
    onProgress: (done, total) => {
      const line = `letters routed: ${done}/${total}`;
      if (line === last) return;
      last = line;
      // A terminal gets one updating line; a log gets a line per change.
      process.stderr.write(process.stderr.isTTY ? `\r  ${line}   ` : `  ${line}\n`);
    },
  });
  if (process.stderr.isTTY) process.stderr.write('\n');
  for (const o of outcomes) {
    if (o.error) log(`${o.source}: ${o.error}`);
    for (const d of o.documents) log(`${d.source.replace(samples, '')} p.${d.pages.join(',')}: ${d.category} -> ${d.worklist} (customer ${d.customerId ?? '-'}, due ${d.dueAt ?? '-'})`);
  }
  log(`open http://${rt.config.host}:${rt.config.port}/ to see the worklists; Ctrl-C stops`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await services.stop();
  return 0;
}
