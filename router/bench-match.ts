// Benchmark: import a million synthetic customers into a fresh PostgreSQL schema, then time
// customer matching and count how often it is right, wrong, or rightly unsure.
// Usage: npx tsx router/bench-match.ts [customers=1000000] [queries=2000]; DATABASE_URL overrides
// the server; the master comes from fixtures/generator, or with BENCH_SOURCE=synthetic from
// router/synthetic-customers.ts (denser namesakes); KEEP_SCHEMA=1 keeps the data.
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPgDb } from '../core/pg-db.js';
import { migrate } from '../core/migrations.js';
import { importCustomers } from './import-customers.js';
import { matchCustomer } from './match-customer.js';
import { LOOKUP_SQL, lookupParams } from './match-lookup.js';
import { writeBenchMaster, type MasterSource } from './bench-master.js';
import { benchOcrVariants, benchQueries } from './bench-queries.js';

const url = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const n = Number(process.argv[2] ?? 1_000_000);
const queryCount = Number(process.argv[3] ?? 2000);
const schema = `bench_match_${Date.now().toString(36)}`;

const admin = createPgDb(url, { max: 1 });
await admin.exec(`CREATE SCHEMA ${schema}`);
const db = createPgDb(url, { schema, max: 4 });
try {
  await migrate(db);
  // The master arrives as a file: generate it first so that only the import is timed.
  const csvPath = join(tmpdir(), `${schema}.csv`);
  const source = (process.env.BENCH_SOURCE ?? 'fixtures') as MasterSource;
  const { known, outsiders } = await writeBenchMaster(source, n, csvPath);
  console.log(`master: ${n} customers from the ${source} generator`);
  const cpu0 = { node: process.cpuUsage(), pg: postgresCpuSeconds() };
  const t0 = performance.now();
  const imported = await importCustomers(db, csvPath, {
    onProgress: (done) => done % 100_000 === 0 && console.log(`  ${done} rows, ${((performance.now() - t0) / 1000).toFixed(0)} s`),
  });
  const importSeconds = (performance.now() - t0) / 1000;
  rmSync(csvPath);
  // The machine is shared: CPU seconds say what the import itself cost, wall time what it took.
  const nodeCpu = (process.cpuUsage(cpu0.node).user + process.cpuUsage(cpu0.node).system) / 1e6;
  console.log(`import CPU: node ${nodeCpu.toFixed(0)} s, postgres ${(postgresCpuSeconds() - cpu0.pg).toFixed(0)} s; ` +
    `load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} on ${cpus().length} cores`);
  console.log(`import: ${imported.imported} new, ${imported.updated} updated, ${imported.rejected.length} rejected in ${importSeconds.toFixed(1)} s`);
  await db.exec('ANALYZE');

  const queries = benchQueries(known, outsiders, queryCount);
  const plan = await db.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${LOOKUP_SQL}`, lookupParams({
    customerNumbers: ['1000000000'], pesels: ['45050400011'], nips: ['1000000000'], regons: ['123456785'], krs: ['0000123456'], phones: ['600000000'],
    invoices: ['FV/1'], contracts: ['UM20250001'], emails: ['a@b.pl'], lastNames: ['kowalski'], firstNames: ['jan'],
    postalCodes: ['00-001'], cities: ['warszawa'], companies: ['techbud'], streets: ['dluga 5'],
  }));
  const planText = plan.rows.map((r) => r['QUERY PLAN']).join('\n');
  console.log(`lookup plan uses a Seq Scan on customers: ${/Seq Scan on customers/.test(planText) ? 'YES (bad)' : 'no'}`);
  if (process.env.SHOW_PLAN) console.log(planText);

  const latencies: number[] = [];
  const byKind = new Map<string, { n: number; right: number; wrong: number; ambiguous: number; unmatched: number; ms: number[] }>();
  for (const q of queries) {
    const t = performance.now();
    const res = await matchCustomer(db, q.ids, { ocrVariants: benchOcrVariants });
    const ms = performance.now() - t;
    latencies.push(ms);
    const k = byKind.get(q.kind) ?? { n: 0, right: 0, wrong: 0, ambiguous: 0, unmatched: 0, ms: [] };
    k.ms.push(ms);
    k.n++;
    if (res.kind === 'matched') res.customerId === q.expected ? k.right++ : k.wrong++;
    else k[res.kind]++;
    byKind.set(q.kind, k);
  }
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]!.toFixed(1);
  console.log(`match latency over ${latencies.length} queries: p50 ${pct(50)} ms, p95 ${pct(95)} ms, p99 ${pct(99)} ms`);
  console.log('kind'.padEnd(32), 'n', 'right', 'WRONG', 'ambiguous', 'unmatched', 'p95_ms');
  const total = { known: 0, right: 0, wrong: 0, strangers: 0, strangerMatches: 0 };
  for (const [kind, k] of [...byKind].sort()) {
    const sorted = k.ms.sort((a, b) => a - b);
    console.log(kind.padEnd(32), k.n, k.right, k.wrong, k.ambiguous, k.unmatched, sorted[Math.floor(sorted.length * 0.95)]!.toFixed(1));
    if (kind.startsWith('stranger')) (total.strangers += k.n), (total.strangerMatches += k.wrong);
    else (total.known += k.n), (total.right += k.right), (total.wrong += k.wrong);
  }
  const precision = total.right / Math.max(1, total.right + total.wrong + total.strangerMatches);
  console.log(`precision ${(precision * 100).toFixed(2)} %, recall ${((total.right / total.known) * 100).toFixed(1)} %, ` +
    `wrong customer on known letters ${total.wrong}, strangers matched ${total.strangerMatches} of ${total.strangers}`);
  console.log(`goal: import < 300 s (${importSeconds < 300 ? 'met' : 'MISSED'}), p95 < 50 ms (${Number(pct(95)) < 50 ? 'met' : 'MISSED'})`);
} finally {
  await db.close();
  if (!process.env.KEEP_SCHEMA) await admin.exec(`DROP SCHEMA ${schema} CASCADE`);
  else console.log(`schema kept: ${schema}`);
  await admin.close();
}

/** CPU seconds used so far by all local postgres processes (Linux /proc; 0 elsewhere). */
function postgresCpuSeconds(): number {
  let ticks = 0;
  try {
    for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        if (!stat.includes('(postgres)')) continue;
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        ticks += Number(fields[11]) + Number(fields[12]); // utime, stime
      } catch {
        /* the process ended meanwhile */
      }
    }
  } catch {
    return 0;
  }
  return ticks / 100; // USER_HZ is 100 on Linux
}
