// Loads the customer master: validated rows are upserted in batches, each batch in one
// transaction together with its phones, invoices and contracts, so a customer is never half-written.
import type { Db, Queryable } from '../core/db.js';
import type { Customer } from '../core/types.js';
import { PermanentError } from '../core/errors.js';
import { openCsv, parseCustomerRow, type Encoding } from './customer-csv.js';
import { mapHeader, type ColumnMap } from './csv-columns.js';
import { fold, foldCompany, foldStreet, invoiceLookupKey, invoiceLookupSql } from './fold.js';

export interface ImportResult {
  imported: number;
  updated: number;
  rejected: { line: number; reason: string }[];
  /** Values left out of rows that were imported (a PESEL failing its checksum, a malformed phone). */
  dropped: { line: number; reason: string }[];
  /** Header names read as none of the customer fields (or a full name given also split), in file order. */
  ignoredColumns: string[];
  /** "Tel. komórkowy → phones": how each read column was understood, in file order. */
  readColumns: string[];
  /** Fields the matcher compares that no column gives. */
  missingFields: string[];
  /** How the file was decoded: Windows-1250 when its start is mostly not UTF-8. */
  encoding: Encoding;
  delimiter: string;
  headerLine: number;
}

const BATCH = 2000;
const WRITERS = 2;

// One statement per batch for the customers (every round trip waits for a busy 2-core server):
// the old phone and invoice arrays are read in the statement's snapshot, before the upsert
// rewrites them, to remove exactly the lookup rows this customer had (each found through the
// primary key: a lookup by customer alone would scan the whole table, once per batch). A batch
// lost to a crash is imported again on the rerun, so commits need not wait for the WAL flush.
const UPSERT = `
  WITH cfg AS (SELECT set_config('synchronous_commit', 'off', true)),
  old AS (SELECT customer_id, phones,
      ARRAY(SELECT ${invoiceLookupSql('x')} FROM unnest(invoice_numbers) x) AS invoice_keys,
      ARRAY(SELECT ${invoiceLookupSql('x')} FROM unnest(contract_numbers) x) AS contract_keys
    FROM customers WHERE customer_id = ANY($1::text[])),
  del_phones AS (DELETE FROM customer_phones p USING old
    WHERE p.customer_id = old.customer_id AND p.phone = ANY(old.phones)),
  del_invoices AS (DELETE FROM customer_invoices i USING old
    WHERE i.customer_id = old.customer_id AND i.invoice_number = ANY(old.invoice_keys)),
  del_contracts AS (DELETE FROM customer_contracts k USING old
    WHERE k.customer_id = old.customer_id AND k.contract_number = ANY(old.contract_keys)),
  up AS (
    INSERT INTO customers AS c (customer_id, segment, first_name, last_name, company_name, pesel, nip, street,
      postal_code, city, region, email, phones, invoice_numbers, contract_numbers,
      last_name_key, first_name_key, company_key, street_key, city_key, regon, krs)
    SELECT u.id, u.seg, u.fn, u.ln, u.co, u.pesel, u.nip, u.street, u.pc, u.city, u.region, u.email,
      string_to_array(u.phones, ';'), string_to_array(u.invoices, ';'), string_to_array(u.contracts, ';'),
      u.lnk, u.fnk, u.cok, u.stk, u.cik, u.regon, u.krs
    FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
      $9::text[], $10::text[], $11::text[], $12::text[], $13::text[], $14::text[],
      $15::text[], $16::text[], $17::text[], $18::text[], $19::text[], $20::text[], $21::text[], $22::text[])
      AS u(id, seg, fn, ln, co, pesel, nip, street, pc, city, region, email, phones, invoices, lnk, fnk, cok, stk, cik, contracts, regon, krs)
    ON CONFLICT (customer_id) DO UPDATE SET segment = EXCLUDED.segment, first_name = EXCLUDED.first_name,
      last_name = EXCLUDED.last_name, company_name = EXCLUDED.company_name, pesel = EXCLUDED.pesel,
      nip = EXCLUDED.nip, regon = EXCLUDED.regon, krs = EXCLUDED.krs, street = EXCLUDED.street, postal_code = EXCLUDED.postal_code, city = EXCLUDED.city,
      region = EXCLUDED.region, email = EXCLUDED.email, phones = EXCLUDED.phones,
      invoice_numbers = EXCLUDED.invoice_numbers, contract_numbers = EXCLUDED.contract_numbers, last_name_key = EXCLUDED.last_name_key,
      first_name_key = EXCLUDED.first_name_key, company_key = EXCLUDED.company_key,
      street_key = EXCLUDED.street_key, city_key = EXCLUDED.city_key, updated_at = now()
    RETURNING c.customer_id, (c.xmax = 0) AS inserted)
  SELECT up.customer_id, up.inserted FROM up, cfg`;

const LOOKUP_ROWS = `
  WITH phones AS (INSERT INTO customer_phones (phone, customer_id)
    SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT DO NOTHING),
  contracts AS (INSERT INTO customer_contracts (contract_number, customer_id)
    SELECT * FROM unnest($5::text[], $6::text[]) ON CONFLICT DO NOTHING)
  INSERT INTO customer_invoices (invoice_number, customer_id)
  SELECT * FROM unnest($3::text[], $4::text[]) ON CONFLICT DO NOTHING`;

export async function importCustomers(
  db: Db,
  input: NodeJS.ReadableStream | string,
  opts: { onProgress?(rowsDone: number): void } = {},
): Promise<ImportResult> {
  const csv = await openCsv(input);
  const result: ImportResult = { imported: 0, updated: 0, rejected: [], dropped: [], ignoredColumns: [], readColumns: [], missingFields: [], encoding: csv.encoding, delimiter: csv.delimiter, headerLine: csv.headerLine };
  let cols: ColumnMap | null = null;
  // customer_id -> line of its first occurrence; a second row for it would silently overwrite the first.
  const seen = new Map<string, number>();
  let batch: { line: number; customer: Customer }[] = [];
  let rowsDone = 0;
  // Batches are written on two connections while the next is parsed: the CSV parser and two
  // PostgreSQL backends keep both cores busy. Batches are independent (ids are unique in the file).
  const inflight = new Set<Promise<void>>();
  const flush = async () => {
    const rows = batch;
    batch = [];
    while (inflight.size >= WRITERS) await Promise.race(inflight);
    const p: Promise<void> = writeBatch(db, rows, result).then(() => {
      inflight.delete(p);
      rowsDone += rows.length;
      opts.onProgress?.(rowsDone);
    });
    p.catch(() => undefined); // surfaced by the next race or the final await
    inflight.add(p);
  };

  for await (const item of csv.records) {
    if (!cols) {
      if ('error' in item) throw new PermanentError('CSV_HEADER', `customer CSV header unreadable: ${item.error}`);
      cols = mapHeader(item.fields);
      result.ignoredColumns = cols.ignored;
      result.readColumns = cols.read;
      result.missingFields = cols.missing;
      continue;
    }
    if ('error' in item) {
      result.rejected.push({ line: item.line, reason: item.error });
      continue;
    }
    const row = parseCustomerRow(item.fields, cols, csv.encoding);
    if (!row.ok) {
      result.rejected.push({ line: item.line, reason: row.reason });
      continue;
    }
    result.dropped.push(...row.dropped.map((reason) => ({ line: item.line, reason })));
    const first = seen.get(row.customer.customerId);
    if (first !== undefined) {
      result.rejected.push({ line: item.line, reason: `duplicate customer_id ${row.customer.customerId} (first on line ${first})` });
      continue;
    }
    seen.set(row.customer.customerId, item.line);
    batch.push({ line: item.line, customer: row.customer });
    if (batch.length >= BATCH) await flush();
  }
  if (!cols) throw new PermanentError('CSV_HEADER', 'customer CSV is empty: no header row');
  if (batch.length) await flush();
  await Promise.all(inflight);
  // Fresh trigram entries wait in the index's pending list, which every company lookup scans
  // linearly until vacuum merges it: merge it now rather than slow the first matches down.
  if (result.imported + result.updated) await db.query(`SELECT gin_clean_pending_list('customers_company_trgm'::regclass)`);
  result.rejected.sort((a, b) => a.line - b.line);
  return result;
}

async function writeBatch(db: Db, rows: { line: number; customer: Customer }[], result: ImportResult): Promise<void> {
  try {
    const counts = await db.transaction((tx) => upsert(tx, rows.map((r) => r.customer)));
    result.imported += counts.imported;
    result.updated += counts.updated;
  } catch (err) {
    // A value PostgreSQL refuses (class 22 data, 23 constraint) should cost one row, not the
    // batch: retry row by row to find it. Anything else (connection lost...) stops the import.
    const code = (err as { code?: string }).code ?? '';
    if (!/^2[23]/.test(code) || rows.length === 1) {
      if (rows.length === 1 && /^2[23]/.test(code)) {
        result.rejected.push({ line: rows[0]!.line, reason: `database refused the row: ${(err as Error).message}` });
        return;
      }
      throw err;
    }
    for (const row of rows) await writeBatch(db, [row], result);
  }
}

async function upsert(tx: Queryable, customers: Customer[]): Promise<{ imported: number; updated: number }> {
  const col = <T>(f: (c: Customer) => T) => customers.map(f);
  const res = await tx.query<{ customer_id: string; inserted: boolean }>(UPSERT, [
    col((c) => c.customerId), col((c) => c.segment), col((c) => c.firstName), col((c) => c.lastName),
    col((c) => c.companyName), col((c) => c.pesel), col((c) => c.nip), col((c) => c.street),
    col((c) => c.postalCode), col((c) => c.city), col((c) => c.region), col((c) => c.email),
    col((c) => c.phones.join(';')), col((c) => c.invoiceNumbers.join(';')),
    col((c) => fold(c.lastName) || null), col((c) => fold(c.firstName) || null),
    col((c) => foldCompany(c.companyName) || null), col((c) => foldStreet(c.street) || null),
    col((c) => fold(c.city) || null), col((c) => c.contractNumbers.join(';')), col((c) => c.regon ?? null), col((c) => c.krs ?? null),
  ]);
  // Replaced, not merged: the master is the truth (the old rows went in the statement above).
  const pairs = (f: (c: Customer) => string[]) => {
    const values: string[] = [];
    const ids: string[] = [];
    for (const c of customers) for (const v of f(c)) (values.push(v), ids.push(c.customerId));
    return [values, ids];
  };
  const phones = pairs((c) => c.phones);
  // The lookup table holds invoiceLookupKey forms; the customer row keeps the numbers as printed.
  const invoices = pairs((c) => [...new Set(c.invoiceNumbers.map(invoiceLookupKey))]);
  const contracts = pairs((c) => [...new Set(c.contractNumbers.map(invoiceLookupKey))]);
  if ([phones, invoices, contracts].some((p) => p[0]!.length)) await tx.query(LOOKUP_ROWS, [...phones, ...invoices, ...contracts]);
  const inserted = res.rows.filter((r) => r.inserted).length;
  return { imported: inserted, updated: res.rows.length - inserted };
}
