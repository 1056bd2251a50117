import { Command, Option, InvalidArgumentError } from 'commander';
import { writeFile } from 'node:fs/promises';
import { loadConfig, ConfigError } from './config.js';
import type { Runtime } from './runtime.js';
import { STAGES, type Stage } from './pipeline.js';
import { PermanentError, errorMessage } from './errors.js';

// Commands load their modules when they run: OCR, PDF and S3 libraries take seconds to import,
// and `--help` or a configuration error should answer at once.

// Exit codes: 0 done; 1 unexpected failure; 2 bad usage or configuration; 3 done, but some input
// was rejected or some letters need attention (details on stderr and in the output).

const program = new Command('mailroom')
  .description('Scanned customer post to adviser worklists')
  .showHelpAfterError()
  .exitOverride((err) => process.exit(err.exitCode === 0 ? 0 : 2));

const isoDate = (v: string) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(Date.parse(`${v}T00:00:00Z`))) throw new InvalidArgumentError('expected YYYY-MM-DD');
  return v;
};
const today = () => new Date().toISOString().slice(0, 10);

async function withRuntime(fn: (rt: Runtime) => Promise<number>): Promise<never> {
  let rt: Runtime | null = null;
  let code = 1;
  try {
    const config = loadConfig();
    const { openRuntime } = await import('./runtime.js');
    rt = await openRuntime(config);
    code = await fn(rt);
  } catch (err) {
    process.stderr.write(`mailroom: ${err instanceof ConfigError ? err.message : errorMessage(err)}\n`);
    code = err instanceof ConfigError || err instanceof PermanentError ? 2 : 1;
  } finally {
    await rt?.close().catch(() => undefined);
  }
  process.exit(code);
}

program
  .command('process')
  .description('ingest scans (PDF, TIFF, JPEG, PNG; files or folders) and wait until every letter sits in a worklist')
  .argument('<paths...>')
  .option('--received-at <date>', 'day the post arrived (YYYY-MM-DD)', isoDate, today())
  .option('--json', 'one JSON line per document on stdout')
  .option('--timeout <seconds>', 'give up waiting after this long', (v) => Number(v), 3600)
  .action((paths: string[], o: { receivedAt: string; json?: boolean; timeout: number }) =>
    withRuntime(async (rt) => {
      const { startWorkers } = await import('./workers.js');
      const { runProcessCommand } = await import('./process-command.js');
      const workers = startWorkers(rt, STAGES);
      try {
        return await runProcessCommand(rt, paths, o);
      } finally {
        await workers.close();
      }
    }),
  );

program
  .command('import-customers')
  .description('insert or update the customer master from a CSV file')
  .argument('<file>')
  .action((file: string) => withRuntime(async (rt) => (await import('./import-command.js')).runImportCommand(rt, file)));

program
  .command('serve')
  .description('API, web pages, inbox watcher and all workers in one process')
  .action(() => withRuntime(async (rt) => (await import('./serve.js')).runServe(rt, { stages: STAGES, api: true, inbox: true })));

program
  .command('worker')
  .description('run chosen pipeline stages only, sharing Redis, PostgreSQL and S3 with other processes')
  .addOption(new Option('--only <stages>', `comma-separated: ${STAGES.join(',')}`).default(STAGES.join(',')))
  .action((o: { only: string }) => {
    const stages = o.only.split(',').map((s) => s.trim());
    const bad = stages.filter((s) => !STAGES.includes(s as Stage));
    if (bad.length) {
      process.stderr.write(`mailroom: unknown stage(s) ${bad.join(', ')}; choose from ${STAGES.join(', ')}\n`);
      process.exit(2);
    }
    return withRuntime(async (rt) => (await import('./serve.js')).runServe(rt, { stages: stages as Stage[], api: false, inbox: false }));
  });

program
  .command('retrain')
  .description("retrain the classifier on advisers' corrections; the new model is used only if it scores at least as well")
  .option('--base <letters>', 'synthetic letters per wording style', (v) => Number(v), 2000)
  .action((o: { base: number }) =>
    withRuntime(async (rt) => {
      const { runRetraining } = await import('./retrain-job.js');
      const r = await runRetraining(rt.db, { perStyle: o.base });
      process.stdout.write(`${JSON.stringify(r)}\n`);
      process.stderr.write(`mailroom: ${r.accepted ? `model ${r.modelId} is now in use` : 'the current model stays in use'}\n`);
      return 0;
    }),
  );

program
  .command('separator-sheet')
  .description('write a printable separator sheet PDF (QR code MAILROOM-SEPARATOR)')
  .option('-o, --out <file>', 'output file', 'separator-sheet.pdf')
  .action(async (o: { out: string }) => {
    const { separatorSheetPdf } = await import('../ingest/separator-sheet.js');
    await writeFile(o.out, await separatorSheetPdf());
    process.stderr.write(`mailroom: wrote ${o.out}; print it and put one between letters of a stack\n`);
  });

program
  .command('demo')
  .description('import the bundled sample customers, process the bundled sample scans, then serve')
  .action(async () => {
    const { runDemo } = await import('./demo.js');
    return withRuntime((rt) => runDemo(rt));
  });

await program.parseAsync(process.argv);
