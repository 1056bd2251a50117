// Worker-thread entry for a TypeScript module (workerData.entry, a file URL): worker threads do not
// inherit the tsx loader the `mailroom` command registered on the main thread.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
