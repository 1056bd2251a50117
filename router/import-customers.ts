// Loads the customer master: validated rows are upserted in batches, each batch in one
// transaction together with its phones and invoices, so a customer is never half-written.
import type { Db, Queryable } from '../core/db.js';
import type { Customer } from '../core/types.js';
import { PermanentError } from '../core/errors.js';
import { checkHeader, parseCustomerRow, readCsvRecords } from './customer-csv.js';
import { fold, foldCompany, foldStreet } from './fold.js';

export interface ImportResult {
  imported: number;
  updated: number;
  rejected: { line: number; reason: string }[];
}

const BATCH = 2000;

const UPSERT = `
  INSERT INTO customers AS c (customer_id, segment, first_name, last_name, company_name, pesel, nip, street,
    postal_code, city, region, email, phones, invoice_numbers,
    last_name_key, first_name_key, company_key, street_key, city_key)
  SELECT u.id, u.seg, u.fn, u.ln, u.co, u.pesel, u.nip, u.street, u.pc, u.city, u.region, u.email,
    string_to_array(u.phones, ';'), string_to_array(u.invoices, ';'), u.lnk, u.fnk, u.cok, u.stk, u.cik
  FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
    $9::text[], $10::text[], $11::text[], $12::text[], $13::text[], $14::text[],
    $15::text[], $16::text[], $17::text[], $18::text[], $19::text[])
    AS u(id, seg, fn, ln, co, pesel, nip, street, pc, city, region, email, phones, invoices, lnk, fnk, cok, stk, cik)
  ON CONFLICT (customer_id) DO UPDATE SET segment = EXCLUDED.segment, first_name = EXCLUDED.first_name,
    last_name = EXCLUDED.last_name, company_name = EXCLUDED.company_name, pesel = EXCLUDED.pesel,
    nip = EXCLUDED.nip, street = EXCLUDED.street, postal_code = EXCLUDED.postal_code, city = EXCLUDED.city,
    region = EXCLUDED.region, email = EXCLUDED.email, phones = EXCLUDED.phones,
    invoice_numbers = EXCLUDED.invoice_numbers, last_name_key = EXCLUDED.last_name_key,
    first_name_key = EXCLUDED.first_name_key, company_key = EXCLUDED.company_key,
    street_key = EXCLUDED.street_key, city_key = EXCLUDED.city_key, updated_at = now()
  RETURNING c.customer_id, (c.xmax = 0) AS inserted`;

export async function importCustomers(
  db: Db,
  input: NodeJS.ReadableStream | string,
  opts: { onProgress?(rowsDone: number): void } = {},
): Promise<ImportResult> {
  const result: ImportResult = { imported: 0, updated: 0, rejected: [] };
  let cols: ReturnType<typeof checkHeader> | null = null;
  // customer_id -> line of its first occurrence; a second row for it would silently overwrite the first.
  const seen = new Map<string, number>();
  let batch: { line: number; customer: Customer }[] = [];
  let rowsDone = 0;
  // One batch is written while the next is parsed: the CSV parser and PostgreSQL overlap.
  let pending: Promise<void> = Promise.resolve();
  const flush = async () => {
    const rows = batch;
    batch = [];
    await pending;
    pending = writeBatch(db, rows, result).then(() => {
      rowsDone += rows.length;
      opts.onProgress?.(rowsDone);
    });
    pending.catch(() => undefined); // surfaced by the next await
  };

  for await (const item of readCsvRecords(input)) {
    if (!cols) {
      if ('error' in item) throw new PermanentError('CSV_HEADER', `customer CSV header unreadable: ${item.error}`);
      cols = checkHeader(item.fields);
      continue;
    }
    if ('error' in item) {
      result.rejected.push({ line: item.line, reason: item.error });
      continue;
    }
    const row = parseCustomerRow(item.fields, cols);
    if (!row.ok) {
      result.rejected.push({ line: item.line, reason: row.reason });
      continue;
    }
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
  await pending;
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
  // A batch lost to a server crash is simply imported again on the rerun: no need to wait for
  // the WAL flush at every commit.
  await tx.query(`SET LOCAL synchronous_commit = off`);
  const col = <T>(f: (c: Customer) => T) => customers.map(f);
  // An updated customer's phones and invoices are replaced, not merged: the master is the truth.
  // The rows to remove are found through the arrays still stored, before the upsert rewrites them.
  const ids = col((c) => c.customerId);
  await tx.query(`DELETE FROM customer_phones p USING customers c
    WHERE c.customer_id = ANY($1::text[]) AND p.customer_id = c.customer_id AND p.phone = ANY(c.phones)`, [ids]);
  await tx.query(`DELETE FROM customer_invoices i USING customers c
    WHERE c.customer_id = ANY($1::text[]) AND i.customer_id = c.customer_id AND i.invoice_number = ANY(c.invoice_numbers)`, [ids]);
  const res = await tx.query<{ customer_id: string; inserted: boolean }>(UPSERT, [
    ids, col((c) => c.segment), col((c) => c.firstName), col((c) => c.lastName),
    col((c) => c.companyName), col((c) => c.pesel), col((c) => c.nip), col((c) => c.street),
    col((c) => c.postalCode), col((c) => c.city), col((c) => c.region), col((c) => c.email),
    col((c) => c.phones.join(';')), col((c) => c.invoiceNumbers.join(';')),
    col((c) => fold(c.lastName) || null), col((c) => fold(c.firstName) || null),
    col((c) => foldCompany(c.companyName) || null), col((c) => foldStreet(c.street) || null),
    col((c) => fold(c.city) || null),
  ]);
  const pairs = (f: (c: Customer) => string[]) => {
    const values: string[] = [];
    const ids: string[] = [];
    for (const c of customers) for (const v of f(c)) (values.push(v), ids.push(c.customerId));
    return [values, ids];
  };
  const phones = pairs((c) => c.phones);
  if (phones[0]!.length) {
    await tx.query(`INSERT INTO customer_phones (phone, customer_id) SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT DO NOTHING`, phones);
  }
  const invoices = pairs((c) => c.invoiceNumbers);
  if (invoices[0]!.length) {
    await tx.query(`INSERT INTO customer_invoices (invoice_number, customer_id) SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT DO NOTHING`, invoices);
  }
  const inserted = res.rows.filter((r) => r.inserted).length;
  return { imported: inserted, updated: res.rows.length - inserted };
}
