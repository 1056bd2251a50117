import { Readable } from 'node:stream';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importCustomers } from '../../router/import-customers.js';
import { nipFor, peselFor } from '../../router/synthetic-customers.js';
import { peselCheckDigit } from '../../core/pl-checksums.js';
import { HEADER, openTestDb, type TestDb } from './db-helpers.js';

const P1 = peselFor(1, true);
const P2 = peselFor(2, false);
const N1 = nipFor(1);
const badPesel = P1.slice(0, 10) + String((Number(P1[10]) + 1) % 10);
const badNip = N1.slice(0, 9) + String((Number(N1[9]) + 1) % 10);

// Line numbers are those of the file as an operator opens it (header = line 1).
const FILE = [
  HEADER,
  `C1,individual,Jan,Kowalski,,${P1},,ul. Długa 5/3,00-950,Warszawa,mazowieckie,+48 601 234 567;22 123 45 67,Jan.K@Example.pl,FV/2025/01/1;FV/2025/02/2`,
  `C2,business,,,"Techbud ""Północ"" Sp. z o.o.",,PL ${N1},"ul. Przemysłowa 7,
hala B",60-001,Poznań,wielkopolskie,,,`, // quoted field over two lines: the row starts on line 3
  `C3,individual,Anna,Nowak,,${badPesel},,,,,,,,`,
  `C4,business,,,ACME,,${badNip},,,,,,,`,
  `C5,individual,Ewa,Zając,,,,Polna 1,00-95,Kraków,,,,`,
  `C6,individual,Ewa,Zając,,,,,,,,60123,,`,
  `C7,individual,,Zając,,,,,,,,,,`,
  `C8,gold,Ewa,Zając,,,,,,,,,,`,
  `C1,individual,Jan,Kowalski,,${P1},,,,,,,,`,
  `C9,individual,Ewa,Zając,,,`,
  `C10,individual,Maria,Wójcik,,${P2},,,,Gdańsk,,603000000,not-an-email,`,
  `C11,individual,Maria,Wójcik,,${P2},,Krótka 2,80-001,Gdańsk,pomorskie,603000000,,`,
].join('\n');

for (const kind of ['postgres', 'pglite'] as const) {
  describe(`importCustomers on ${kind}`, () => {
    let t: TestDb;
    beforeAll(async () => {
      t = await openTestDb(kind, 'imp');
    });
    afterAll(async () => t?.close());

    it('imports valid rows and rejects each bad one with its line and reason', async () => {
      const progress: number[] = [];
      const r = await importCustomers(t.db, Readable.from([FILE]), { onProgress: (n) => progress.push(n) });
      expect(r.imported).toBe(9);
      expect(r.updated).toBe(0);
      const byLine = Object.fromEntries(r.rejected.map((x) => [x.line, x.reason]));
      expect(Object.keys(byLine).map(Number)).toEqual([9, 11, 12]);
      expect(byLine[9]).toMatch(/first_name/);
      expect(byLine[11]).toMatch(/duplicate customer_id C1 \(first on line 2\)/);
      expect(byLine[12]).toMatch(/fields/);
      // Damaged values cost only themselves: the customer is imported without them.
      const left = Object.fromEntries(r.dropped.map((x) => [x.line, x.reason]));
      expect(Object.keys(left).map(Number)).toEqual([5, 6, 7, 8, 10, 13]);
      expect(left[5]).toMatch(/PESEL/);
      expect(left[6]).toMatch(/NIP/);
      expect(left[7]).toMatch(/postal_code/);
      expect(left[8]).toMatch(/phone '60123'/);
      // A segment it cannot read costs the row its worklist team, not the customer.
      expect(left[10]).toBe("segment 'gold' is not one mailroom knows: read as individual from the row");
      expect(left[13]).toMatch(/email/);
      expect((await t.db.query(`SELECT pesel, email FROM customers WHERE customer_id IN ('C3', 'C10') ORDER BY customer_id`)).rows)
        .toEqual([{ pesel: P2, email: null }, { pesel: null, email: null }]); // C10, C3
      expect(progress.at(-1)).toBe(9);

      const c1 = await t.db.query<{ phones: string[]; email: string; last_name_key: string; street_key: string }>(
        `SELECT phones, email, last_name_key, street_key FROM customers WHERE customer_id = 'C1'`,
      );
      expect(c1.rows[0]).toEqual({ phones: ['601234567', '221234567'], email: 'jan.k@example.pl', last_name_key: 'kowalski', street_key: 'dluga 5 3' });
      const c2 = await t.db.query<{ nip: string; company_name: string; company_key: string; street: string }>(
        `SELECT nip, company_name, company_key, street FROM customers WHERE customer_id = 'C2'`,
      );
      expect(c2.rows[0]).toEqual({ nip: N1, company_name: 'Techbud "Północ" Sp. z o.o.', company_key: 'techbud polnoc', street: 'ul. Przemysłowa 7, hala B' });
      const inv = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM customer_invoices WHERE customer_id = 'C1'`);
      expect(inv.rows[0]!.n).toBe(2);
    });

    it('updates on re-import instead of duplicating, replacing phones and invoices', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'imp-'));
      const path = join(dir, 'customers.csv');
      writeFileSync(path, [
        HEADER,
        `C1,individual,Jan,Kowalski,,${P1},,ul. Długa 7,00-950,Warszawa,mazowieckie,605 000 000,,FV/2025/03/3`,
        `C12,individual,Adam,Mazur,,,,,,,,,,`,
      ].join('\r\n'));
      const r = await importCustomers(t.db, path);
      expect(r).toMatchObject({ imported: 1, updated: 1, rejected: [], ignoredColumns: [], encoding: 'utf-8', delimiter: ',' });
      const count = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM customers`);
      expect(count.rows[0]!.n).toBe(10);
      const phones = await t.db.query<{ phone: string }>(`SELECT phone FROM customer_phones WHERE customer_id = 'C1'`);
      expect(phones.rows.map((p) => p.phone)).toEqual(['605000000']);
      const inv = await t.db.query<{ invoice_number: string }>(`SELECT invoice_number FROM customer_invoices WHERE customer_id = 'C1'`);
      // The lookup row holds letters and digits only; the customer keeps the number as printed.
      expect(inv.rows.map((p) => p.invoice_number)).toEqual(['FV2025033']);
      expect((await t.db.query(`SELECT invoice_numbers FROM customers WHERE customer_id = 'C1'`)).rows).toEqual([{ invoice_numbers: ['FV/2025/03/3'] }]);
      const c1 = await t.db.query<{ street_key: string; email: string | null }>(`SELECT street_key, email FROM customers WHERE customer_id = 'C1'`);
      expect(c1.rows[0]).toEqual({ street_key: 'dluga 7', email: null });
    });

    it('leaves out a checksum-valid PESEL whose birth date does not exist, which no letter could match', async () => {
      const feb31 = `8502310123${peselCheckDigit('8502310123')}`;
      const r = await importCustomers(t.db, Readable.from([`${HEADER}\nC20,individual,Ola,Lis,,${feb31},,,,,,,,\n`]));
      expect([r.rejected, r.dropped]).toEqual([[], [{ line: 2, reason: `PESEL '${feb31}' encodes no real birth date` }]]);
      expect(r.imported + r.updated).toBe(1);
    });

    it('takes a header that lacks optional columns or adds unknown ones, reporting what it ignored', async () => {
      const header = HEADER.replace(',region', '').replace('email', 'e_mail').concat(',created_at,');
      const r = await importCustomers(t.db, Readable.from([`${header}\nC99,individual,A,B,,,,,,,,a@b.pl,,2020-01-01,\n`]));
      expect(r).toMatchObject({ imported: 1, updated: 0, rejected: [], ignoredColumns: ['created_at', '(unnamed column 15)'], missingFields: [], encoding: 'utf-8', delimiter: ',' });
      const c = await t.db.query(`SELECT region, email FROM customers WHERE customer_id = 'C99'`);
      expect(c.rows).toEqual([{ region: null, email: 'a@b.pl' }]);
    });

    it('refuses a header without a customer number or with two columns for one field, and imports nothing', async () => {
      await expect(importCustomers(t.db, Readable.from([`${HEADER.replace('customer_id', 'account')}\nC98,individual,A,B,,,,,,,,,,\n`])))
        .rejects.toThrow(/no customer number column \(named customer_id or customer_no, .*\); columns found: account, segment/);
      await expect(importCustomers(t.db, Readable.from([`${HEADER},E-mail\nC98,individual,A,B,,,,,,,,,a@b.pl,,a@b.pl\n`])))
        .rejects.toThrow(/columns 'email' and 'E-mail' are all email \(keep one of each\)/);
      const count = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM customers WHERE customer_id = 'C98'`);
      expect(count.rows[0]!.n).toBe(0);
    });
  });
}
