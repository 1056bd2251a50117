// Both database adapters, each test file in a PostgreSQL schema of its own so files can run in parallel.
import { randomBytes } from 'node:crypto';
import { createPgDb } from '../../core/pg-db.js';
import { createPgliteDb } from '../../core/pglite-db.js';
import { migrate } from '../../core/migrations.js';
import type { Db } from '../../core/db.js';
import type { Customer } from '../../core/types.js';
import { customersToCsv } from '../../fixtures/generator/customers-csv.js';

export const PG_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface TestDb {
  db: Db;
  close(): Promise<void>;
}

export async function openTestDb(kind: 'postgres' | 'pglite', prefix: string): Promise<TestDb> {
  if (kind === 'pglite') {
    const db = await createPgliteDb(null);
    await migrate(db);
    return { db, close: () => db.close() };
  }
  const schema = `${prefix}_${randomBytes(4).toString('hex')}`;
  const admin = createPgDb(PG_URL, { max: 1 });
  await admin.exec(`CREATE SCHEMA ${schema}`);
  const db = createPgDb(PG_URL, { schema, max: 4 });
  await migrate(db);
  return {
    db,
    close: async () => {
      await db.close();
      await admin.exec(`DROP SCHEMA ${schema} CASCADE`);
      await admin.close();
    },
  };
}

export const HEADER = 'customer_id,segment,first_name,last_name,company_name,pesel,nip,street,postal_code,city,region,phones,email,invoice_numbers';

export function csvOf(customers: Customer[]): string {
  return customersToCsv(customers);
}

export function customer(over: Partial<Customer> & { customerId: string }): Customer {
  return {
    segment: 'individual', firstName: null, lastName: null, companyName: null, pesel: null, nip: null,
    street: null, postalCode: null, city: null, region: null, phones: [], email: null, invoiceNumbers: [], contractNumbers: [],
    ...over,
  };
}
