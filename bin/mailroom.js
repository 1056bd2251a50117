#!/usr/bin/env node
// The `mailroom` command: TypeScript sources run through tsx, so a clone needs no build step.
import { spawn } from 'node:child_process';

// glibc gives each thread its own malloc arena (up to 8 per core); with the OCR engines' worker
// threads that cost ~60-100 MB RSS per process (ocr/README.md: peak 592 -> 538 MB with 2 arenas,
// same speed and text). glibc reads the limit only at start-up, so the command runs itself again
// once with it set. MALLOC_ARENA_MAX set by the caller (any value) is left as it is.
if (process.platform === 'linux' && process.env.MALLOC_ARENA_MAX === undefined) {
  const child = spawn(process.execPath, [...process.execArgv, ...process.argv.slice(1)], {
    stdio: 'inherit',
    env: { ...process.env, MALLOC_ARENA_MAX: '2' },
  });
  // Ctrl-C reaches the child from the terminal itself (same process group): forwarding it too would
  // be a second SIGINT, which ends a graceful shutdown early. Supervisors send SIGTERM, passed on.
  process.on('SIGINT', () => {});
  for (const sig of ['SIGTERM', 'SIGHUP']) process.on(sig, () => child.kill(sig));
  child.on('error', (err) => {
    console.error(`mailroom: could not start: ${err.message}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => {
    if (signal) {
      process.removeAllListeners(signal);
      process.kill(process.pid, signal);
    }
    process.exit(code ?? 1);
  });
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../core/cli.ts');
}
