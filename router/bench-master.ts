// The customer master for the benchmark, written to a CSV file (the importer's real input) along
// with a sample of imported customers to write letters from and outsiders who were never imported.
import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Customer } from '../core/types.js';
import { customerStream } from '../fixtures/generator/customers.js';
import { writeCustomersCsv } from '../fixtures/generator/customers-csv.js';
import { createRng } from '../fixtures/generator/rng.js';
import { syntheticCsv, syntheticCustomer } from './synthetic-customers.js';

export type MasterSource = 'synthetic' | 'fixtures';

const SAMPLE = 4000;
const OUTSIDERS = 1000;

export async function writeBenchMaster(
  source: MasterSource,
  n: number,
  path: string,
): Promise<{ known: Customer[]; outsiders: Customer[] }> {
  const every = Math.max(1, Math.floor(n / SAMPLE));
  if (source === 'synthetic') {
    // Rows are a pure function of their index: sample and outsiders need not be kept while writing.
    await pipeline(Readable.from(syntheticCsv(n)), createWriteStream(path));
    const known = Array.from({ length: Math.min(SAMPLE, n) }, (_, k) => syntheticCustomer(k * every));
    const outsiders = Array.from({ length: OUTSIDERS }, (_, k) => syntheticCustomer(n + k));
    return { known, outsiders };
  }
  // The fixtures engineer's generator (planted namesakes, varied street and invoice notations):
  // the first n rows are the master, the rest are outsiders.
  const known: Customer[] = [];
  const outsiders: Customer[] = [];
  const stream = customerStream(createRng('bench-master'), n + OUTSIDERS);
  function* master(): Generator<Customer> {
    let i = 0;
    for (const c of stream) {
      if (i >= n) outsiders.push(c);
      else {
        if (i % every === 0) known.push(c);
        yield c;
      }
      i++;
    }
  }
  await writeCustomersCsv(master(), createWriteStream(path));
  for (const c of stream) outsiders.push(c);
  return { known, outsiders };
}
