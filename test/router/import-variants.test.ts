// Customer masters written by other systems and spreadsheets: the variants a real export shows must
// import and be stored in the one form the matcher compares; anything ambiguous is still refused.
import { Readable } from 'node:stream';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Runtime } from '../../core/runtime.js';
import { runImportCommand } from '../../core/import-command.js';
import type { Identifiers } from '../../core/types.js';
import { importCustomers } from '../../router/import-customers.js';
import { segmentOf } from '../../router/csv-columns.js';
import { matchCustomer } from '../../router/match-customer.js';
import { extractIdentifiers } from '../../classifier/identifiers.js';
import { nipFor, peselFor } from '../../router/synthetic-customers.js';
import { HEADER, openTestDb, type TestDb } from './db-helpers.js';

// The issue's columns in another order, with the spelling a person gives them.
const COLUMNS = ['Invoice_Numbers', 'EMAIL', 'Phones', 'City', 'Postal Code', 'Street', 'NIP', 'PESEL', 'Company_Name',
  'last_name', 'First-Name', 'Segment', 'region', 'Customer_ID'];
type Row = Partial<Record<'inv' | 'email' | 'phones' | 'city' | 'pc' | 'street' | 'nip' | 'pesel' | 'co' | 'last' | 'first' | 'seg' | 'id', string>>;
const q = (v = '') => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const row = (r: Row) => [r.inv, r.email, r.phones, r.city, r.pc, r.street, r.nip, r.pesel, r.co, r.last, r.first, r.seg, '', r.id].map(q).join(',');

const [N1, N2, N3] = [nipFor(101), nipFor(102), nipFor(103)];
const dashed = (n: string) => `${n.slice(0, 3)}-${n.slice(3, 6)}-${n.slice(6, 8)}-${n.slice(8)}`;
const P1 = peselFor(101, false);
/** Born 8 July 2002 (month 27 = July of the 2000s): the PESEL starts with 0, which spreadsheets drop. */
const withCheck = (ten: string) => ten + ((10 - ([...ten].reduce((s, d, i) => s + Number(d) * [1, 3, 7, 9][i % 4]!, 0) % 10)) % 10);
const P0 = withCheck('0227080362');

const FILE = `\uFEFF${COLUMNS.map((c) => ` ${c} `).join(',')}\r\n${[
  row({ id: 'V1', seg: 'INDIVIDUAL', first: 'Ola', last: 'Lis', pesel: P1, street: 'ul. Długa 5', pc: '00950', city: 'Warszawa',
    phones: '+48 601 234 567; (22) 555-12-34', email: 'Ola.Lis@Example.PL', inv: 'FV/1/2026 ; fv/2/2026' }),
  row({ id: 'V2', seg: 'Business', co: 'Techbud Sp. z o.o.', nip: `PL${N1}`, pc: '60 001', city: 'Poznań', phones: '0048601234568' }),
  row({ id: 'V3', seg: ' business ', co: 'Instal S.A.', nip: dashed(N2), pc: '80–001', phones: '601-234-569,22 555 12 35' }),
  row({ id: 'V4', seg: 'business', co: 'Agro s.c.', nip: N3.replace(/(\d{3})(\d{3})(\d{2})(\d{2})/, '$1 $2 $3 $4'), phones: '601 234 570, 601234570' }),
  row({ id: 'V5', seg: 'individual', first: 'Ewa', last: 'Lis', pesel: P0.slice(1) }),
  ',,,,,,,,,,,,,',
].join('\r\n')}\r\n\r\n`;

// Variants that are not a notation of one value but a damaged or ambiguous one.
const GARBAGE = [
  HEADER,
  'G1,individual,Jan,Lis,,,,,0950,,,,,', // a spreadsheet dropped the leading zero: 00-950 or 09-500?
  'G2,individual,Jan,Lis,,,,,00-9500,,,,,',
  'G3,individual,Jan,Lis,,,,,,,,"601234567,,602",,', // "602" is no phone
  'G4,individual,Jan,Lis,,,,,,,,601234567/602345678,,', // a slash is not a list separator (phones use it)
  `G5,business,,,ACME,,PL ${N1.slice(0, 9)},,,,,,,`,
  'G6,individual,Jan,Lis,,,,,,,,601 234 567 wew. 12,,',
  `G7,individual,Jan,Lis,,${P0.slice(2)}7,,,,,,,,`, // 10 digits, but not a PESEL missing its leading zero
].join('\n');

const letter = (over: Partial<Identifiers>): Identifiers => ({
  customerNumbers: [], phones: [], invoiceNumbers: [], pesels: [], nips: [], postalCodes: [], emails: [], names: [],
  companyNames: [], addresses: [], fromInstitution: false, ...over,
});

describe('customer masters from other exporters', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await openTestDb('pglite', 'impvar');
  });
  afterAll(async () => t?.close());

  it('imports the variants of a real-world export and stores them as the matcher compares them', async () => {
    const r = await importCustomers(t.db, Readable.from([FILE]));
    expect(r).toMatchObject({ imported: 5, updated: 0, rejected: [], ignoredColumns: [], encoding: 'utf-8', delimiter: ',' });
    const { rows } = await t.db.query<Record<string, unknown>>(
      `SELECT customer_id, segment, nip, postal_code, phones, email, invoice_numbers FROM customers ORDER BY customer_id`);
    expect(rows).toEqual([
      { customer_id: 'V1', segment: 'individual', nip: null, postal_code: '00-950', phones: ['601234567', '225551234'],
        email: 'ola.lis@example.pl', invoice_numbers: ['FV/1/2026', 'FV/2/2026'] },
      { customer_id: 'V2', segment: 'business', nip: N1, postal_code: '60-001', phones: ['601234568'], email: null, invoice_numbers: [] },
      { customer_id: 'V3', segment: 'business', nip: N2, postal_code: '80-001', phones: ['601234569', '225551235'], email: null, invoice_numbers: [] },
      { customer_id: 'V4', segment: 'business', nip: N3, postal_code: null, phones: ['601234570'], email: null, invoice_numbers: [] },
      { customer_id: 'V5', segment: 'individual', nip: null, postal_code: null, phones: [], email: null, invoice_numbers: [] },
    ]);
    const matched = async (over: Partial<Identifiers>) => {
      const m = await matchCustomer(t.db, letter(over));
      return m.kind === 'matched' ? m.customerId : m.kind;
    };
    expect(await matched({ pesels: [P1] })).toBe('V1');
    expect(await matched({ pesels: [P0] })).toBe('V5'); // the leading zero the spreadsheet dropped is back
    expect(await matched({ phones: ['(0-22) 555 12 34'], names: [{ first: 'Ola', last: 'Lis' }] })).toBe('V1');
    expect(await matched({ names: [{ first: 'Ola', last: 'Lis' }], addresses: [{ street: 'Długa 5', postalCode: '00-950', city: 'Warszawa' }] })).toBe('V1');
    expect(await matched({ nips: [dashed(N1)] })).toBe('V2');
    expect(await matched({ nips: [N3] })).toBe('V4');
  });

  it("keeps a customer's phone from abroad and matches a letter that gives it", async () => {
    const csv = [HEADER,
      'F1,individual,Oleksandr,Kovalenko,,,,ul. Dąbrowskiego 75/2,60-838,Poznań,,"+380 67 123 45 67; 0049 171 1234567",,',
      'F2,individual,Olena,Kovalenko,,,,ul. Dąbrowskiego 75/2,60-838,Poznań,,601 234 999,,'].join('\n');
    const r = await importCustomers(t.db, Readable.from([csv]));
    expect(r.rejected).toEqual([]);
    const { rows } = await t.db.query<{ phones: string[] }>(`SELECT phones FROM customers WHERE customer_id = 'F1'`);
    expect(rows[0]!.phones).toEqual(['+380671234567', '+491711234567']);
    const ids = extractIdentifiers('Oleksandr Kovalenko\nPoznań\ntel. +380 67 123 45 67\n\nProszę o duplikat faktury.\nOleksandr Kovalenko');
    expect(ids.phones).toEqual(['+380671234567']);
    const m = await matchCustomer(t.db, ids);
    expect(m.kind === 'matched' && m.customerId).toBe('F1');
  });

  it('reads a segment spelled out in words, and a segment it cannot read from the row instead of losing the customer (blind test AH)', async () => {
    const csv = [HEADER,
      `S1,jednoosobowa działalność,Beata,Wilk,Kwiaciarnia Konwalia,,${N1},ul. Polna 3,00-950,Warszawa,,601 234 111,,`,
      'S2,Klient indywidualny,Jan,Wrona,,,,ul. Polna 4,00-950,Warszawa,,601 234 112,,',
      `S3,VIP,Ewa,Sowa,Sowa Consulting,,${N2},ul. Polna 5,00-950,Warszawa,,601 234 113,,`,
      'S4,Gold,Adam,Kruk,,,,ul. Polna 6,00-950,Warszawa,,601 234 114,,'].join('\n');
    const r = await importCustomers(t.db, Readable.from([csv]));
    expect([r.imported + r.updated, r.rejected]).toEqual([4, []]);
    expect(r.dropped.map((x) => [x.line, x.reason])).toEqual([
      [4, "segment 'VIP' is not one mailroom knows: read as business from the row"],
      [5, "segment 'Gold' is not one mailroom knows: read as individual from the row"],
    ]);
    const { rows } = await t.db.query<{ customer_id: string; segment: string }>(`SELECT customer_id, segment FROM customers WHERE customer_id LIKE 'S_' ORDER BY 1`);
    expect(rows.map((x) => x.segment)).toEqual(['business', 'individual', 'business', 'individual']);
  });

  it("reads a firm's name from 'Nazwa klienta' when the segment is one it cannot read (blind test AM: foundations lost)", async () => {
    const csv = ['Nr klienta;Rodzaj klienta;Nazwa klienta;Imię;Nazwisko;NIP;Ulica;Kod pocztowy;Miejscowość',
      `G1;NGO;Fundacja Dobre Serce;;;${N1};ul. Lipowa 3;00-950;Warszawa`,
      `G2;organizacja pozarządowa;Stowarzyszenie Razem;;;${N2};ul. Lipowa 5;00-950;Warszawa`,
      'G3;VIP;Jan Nowak;Jan;Nowak;;ul. Długa 1;00-950;Warszawa'].join('\n');
    const r = await importCustomers(t.db, Readable.from([csv]));
    expect([r.imported + r.updated, r.rejected]).toEqual([3, []]);
    const { rows } = await t.db.query<{ segment: string; company_name: string | null }>(`SELECT segment, company_name FROM customers WHERE customer_id LIKE 'G_' ORDER BY customer_id`);
    expect(rows).toEqual([
      { segment: 'business', company_name: 'Fundacja Dobre Serce' },
      { segment: 'business', company_name: 'Stowarzyszenie Razem' },
      { segment: 'individual', company_name: null },
    ]);
  });

  it("reads a B2B export's REGON and KRS columns, restoring a KRS's leading zeros and leaving out a REGON that fails its checksum", async () => {
    const csv = ['Nr klienta;Nazwa firmy;NIP;Nr REGON;KRS;Ulica;Kod pocztowy;Miejscowość',
      `R1;Voltex Sp. z o.o.;PL ${dashed(N1)};302184420;0000412345;ul. Składowa 12;61-897;Poznań`,
      `R2;Voltex Sp. z o.o. Oddział Gniezno;${N1};30218442000023;412345;ul. Wrzesińska 8;62-200;Gniezno`,
      `R3;Gamma s.c.;${N2};302184421;KRS brak;ul. Polna 1;00-950;Warszawa`].join('\n');
    const r = await importCustomers(t.db, Readable.from([csv]));
    expect([r.imported + r.updated, r.rejected]).toEqual([3, []]);
    expect(r.dropped.map((x) => [x.line, x.reason])).toEqual([
      [4, "REGON '302184421' fails its checksum or format"], [4, "KRS 'KRS brak' is not a register number"]]);
    const { rows } = await t.db.query<{ customer_id: string; regon: string | null; krs: string | null }>(
      `SELECT customer_id, regon, krs FROM customers WHERE customer_id LIKE 'R_' ORDER BY 1`);
    expect(rows).toEqual([
      { customer_id: 'R1', regon: '302184420', krs: '0000412345' },
      { customer_id: 'R2', regon: '30218442000023', krs: '0000412345' },
      { customer_id: 'R3', regon: null, krs: null },
    ]);
  });

  it('leaves out values that are damaged rather than differently written, and imports the rest of the row', async () => {
    const r = await importCustomers(t.db, Readable.from([GARBAGE]));
    expect([r.imported + r.updated, r.rejected]).toEqual([7, []]);
    expect(r.dropped.map((x) => x.line)).toEqual([2, 3, 4, 5, 6, 7, 8]);
    expect(r.dropped[6]!.reason).toMatch(/^PESEL '\d{10}' fails its checksum/);
    expect(r.dropped[0]!.reason).toBe(`postal_code '0950' is not NN-NNN`);
    expect(r.dropped[2]!.reason).toBe(`phone '602' is neither a Polish number (9 digits) nor an international one (+ or 00, country code, up to 15 digits)`);
    expect(r.dropped[4]!.reason).toMatch(/^NIP /);
    // Nothing damaged is stored; what was sound in the row is.
    const rows = (await t.db.query<{ customer_id: string; postal_code: string | null; phones: string[]; nip: string | null; pesel: string | null }>(
      `SELECT customer_id, postal_code, phones, nip, pesel FROM customers WHERE customer_id IN ('G1', 'G3', 'G5', 'G7') ORDER BY 1`)).rows;
    expect(rows).toEqual([
      { customer_id: 'G1', postal_code: null, phones: [], nip: null, pesel: null },
      { customer_id: 'G3', postal_code: null, phones: ['601234567'], nip: null, pesel: null },
      { customer_id: 'G5', postal_code: null, phones: [], nip: null, pesel: null },
      { customer_id: 'G7', postal_code: null, phones: [], nip: null, pesel: null },
    ]);
  });
});

// Polish letters as Windows-1250 writes them (what Excel saves as "CSV" on a Polish Windows).
const CP1250: Record<string, number> = {
  ą: 0xb9, ć: 0xe6, ę: 0xea, ł: 0xb3, ń: 0xf1, ó: 0xf3, ś: 0x9c, ź: 0x9f, ż: 0xbf,
  Ą: 0xa5, Ć: 0xc6, Ę: 0xca, Ł: 0xa3, Ń: 0xd1, Ó: 0xd3, Ś: 0x8c, Ź: 0x8f, Ż: 0xaf,
};
const cp1250 = (text: string) => Buffer.from([...text].map((ch) => CP1250[ch] ?? ch.charCodeAt(0)));
const [N4, N5, N6] = [nipFor(104), nipFor(105), nipFor(106)];
const P2 = peselFor(102, true);

const EXCEL_PL = [
  'Nr klienta;Typ klienta;Imię;Nazwisko;Nazwa firmy;PESEL;NIP;Ulica;Kod pocztowy;Miejscowość;Województwo;Telefon;Telefon 2;E-mail;Numery faktur;Uwagi',
  `K1;Osoba fizyczna;Paweł;Żółć;;${P2};;ul. Łąkowa 3;90-001;Łódź;łódzkie;601 234 580, 22 555 12 80;601234581;P.Zolc@Example.pl;FV/10/2026;stały klient`,
  `K2;FIRMA;;;Śnieżka Sp. z o.o.;;${N4};;;;;"601 234 582;601 234 583";;;"FV/11/2026;FV/12/2026";`,
  'K3;przedsiębiorca;Jan;Lis;Lis Usługi;;;;;;;;;;;',
  'K4;private;Zoë;Ćwik;;;;;;;;;601234580;;;',
].join('\r\n');

const CRM_EN = [
  'Customer No,Name,Company,VAT ID,Address,ZIP,Town,Phone,Mobile,Email Address,Created At',
  'E1,Jan Maria Nowak-Kowalska,,,ul. Krótka 2,80-001,Gdańsk,22 555 12 90,601 234 590,,2020-01-01',
  `E2,,Techbud Sp. z o.o.,PL${N5},,,,,,biuro@techbud.pl,2021-03-04`,
  `E3,Anna Lis,Anna Lis Usługi,${N6},,,,,,,2022-05-06`, // a sole trader: a firm's name beside the person's, so a business
  'E4,ACME Sp. z o.o.,,,,,,,,,2023-01-01', // a company name in the name column: not split into a person
  'E5,Madonna,,,,,,,,,2023-01-02',
  `E6,,,${nipFor(107)},,,,,,,2023-01-03`,
].join('\n');

describe('customer masters with their own columns, separators and encoding', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await openTestDb('pglite', 'impcols');
  });
  afterAll(async () => t?.close());
  const people = async (ids: string[]) => (await t.db.query<Record<string, unknown>>(
    `SELECT customer_id, segment, first_name, last_name, company_name, nip, street, postal_code, city, region, phones, email, invoice_numbers
     FROM customers WHERE customer_id = ANY($1::text[]) ORDER BY customer_id`, [ids])).rows;

  it('reads a Polish Excel export: Windows-1250, semicolons, Polish column names, two phone columns', async () => {
    const r = await importCustomers(t.db, Readable.from([cp1250(EXCEL_PL)]));
    expect(r).toMatchObject({ imported: 4, updated: 0, ignoredColumns: ['Uwagi'], encoding: 'windows-1250', delimiter: ';', rejected: [] });
    const empty = { first_name: null, last_name: null, company_name: null, nip: null, street: null, postal_code: null, city: null, region: null, email: null, invoice_numbers: [] };
    expect(await people(['K1', 'K2', 'K4'])).toEqual([
      { ...empty, customer_id: 'K1', segment: 'individual', first_name: 'Paweł', last_name: 'Żółć', street: 'ul. Łąkowa 3', postal_code: '90-001',
        city: 'Łódź', region: 'łódzkie', phones: ['601234580', '225551280', '601234581'], email: 'p.zolc@example.pl', invoice_numbers: ['FV/10/2026'] },
      { ...empty, customer_id: 'K2', segment: 'business', company_name: 'Śnieżka Sp. z o.o.', nip: N4, phones: ['601234582', '601234583'],
        invoice_numbers: ['FV/11/2026', 'FV/12/2026'] },
      { ...empty, customer_id: 'K4', segment: 'individual', first_name: 'Zoë', last_name: 'Ćwik', phones: ['601234580'] },
    ]);
    // "przedsiębiorca" (a sole trader) is a business.
    expect((await people(['K3']))[0]).toMatchObject({ segment: 'business', first_name: 'Jan', last_name: 'Lis', company_name: 'Lis Usługi' });
  });

  it('reads shortened and qualified column names by their words, and a comma-separated invoice list', async () => {
    // Headers as a CRM export wrote them: none is a listed name, every one but the last two is a field.
    const file = 'ID klienta;Rodzaj klienta;Imię;Nazwisko;Adres;Kod poczt.;Miejscowość;Tel. komórkowy;Tel. stacjonarny;' +
      'Adres e-mail;Nr faktur;Klient od;Typ telefonu\n' +
      'H1;osoba fizyczna;Anna;Kowalska;ul. Długa 5 m. 7;80-244;Gdańsk;+48 601 234 567;58 555 12 34;a.k@example.pl;' +
      'FV/2024/04/011873, FV/2024/05/011902;2016-03-01;komórkowy\n';
    const r = await importCustomers(t.db, Readable.from([cp1250(file)]));
    expect([r.imported, r.rejected, r.ignoredColumns, r.missingFields]).toEqual([1, [], ['Klient od', 'Typ telefonu'], ['pesel', 'nip']]);
    expect(r.readColumns).toEqual(['ID klienta → customer_id', 'Rodzaj klienta → segment', 'Imię → first_name', 'Nazwisko → last_name',
      'Adres → street', 'Kod poczt. → postal_code', 'Miejscowość → city', 'Tel. komórkowy → phones', 'Tel. stacjonarny → phones',
      'Adres e-mail → email', 'Nr faktur → invoice_numbers']);
    expect((await people(['H1']))[0]).toMatchObject({
      segment: 'individual', postal_code: '80-244', phones: ['601234567', '585551234'], email: 'a.k@example.pl',
      invoice_numbers: ['FV/2024/04/011873', 'FV/2024/05/011902'],
    });
  });

  it('reads contract numbers ("Nr umowy"), replaces them on re-import, and looks them up by letters and digits', async () => {
    const file = 'Nr klienta;Imię;Nazwisko;Nr umowy\nK9;Ola;Lis;UM/2025/04/1182, UM/2026/01/0007\n';
    const r = await importCustomers(t.db, Readable.from([cp1250(file)]));
    expect([r.imported, r.rejected, r.readColumns.at(-1)]).toEqual([1, [], 'Nr umowy → contract_numbers']);
    const keys = async () => (await t.db.query<{ contract_number: string }>(
      `SELECT contract_number FROM customer_contracts WHERE customer_id = 'K9' ORDER BY 1`)).rows.map((x) => x.contract_number);
    expect(await keys()).toEqual(['UM2025041182', 'UM2026010007']);
    await importCustomers(t.db, Readable.from([cp1250('Nr klienta;Imię;Nazwisko;Numer umowy\nK9;Ola;Lis;UM/2026/01/0007\n')]));
    expect(await keys()).toEqual(['UM2026010007']);
  });

  it('reads one name column holding people and firms, "Kod" and "Poczta", phones split by " / "', async () => {
    const file = 'Numer klienta;Typ;Nazwa / Imię i nazwisko;NIP;Ulica i nr;Kod;Poczta;Tel. kontaktowy\n' +
      'N1;osoba fizyczna;Izabela Łęcka;;ul. Prosta 5;00-838;Warszawa;182 011 122 / 600 412 000\n' +
      `N2;firma;Piekarnia Złoty Kłos;${N4};ul. Polna 1;33-100;Tarnów;\n` +
      `N3;;Budmax Sp. z o.o.;;;;;\n`;
    const r = await importCustomers(t.db, Readable.from([cp1250(file)]));
    expect([r.imported, r.rejected, r.missingFields]).toEqual([3, [], ['email', 'invoice_numbers', 'pesel']]);
    expect(r.readColumns).toContain('Typ → segment');
    expect(r.readColumns).toContain('Nazwa / Imię i nazwisko → full_name');
    expect((await people(['N1', 'N2', 'N3'])).map((c) => [c.segment, c.first_name, c.last_name, c.company_name, c.postal_code, c.city, c.phones])).toEqual([
      ['individual', 'Izabela', 'Łęcka', null, '00-838', 'Warszawa', ['182011122', '600412000']],
      ['business', 'Piekarnia Złoty', 'Kłos', 'Piekarnia Złoty Kłos', '33-100', 'Tarnów', []],
      ['business', null, null, 'Budmax Sp. z o.o.', null, null, []],
    ]);
    // Without any name column every row would be refused: the header says so once.
    const nameless = await importCustomers(t.db, Readable.from(['Numer klienta;Telefon\nN4;601234567\n']));
    expect(nameless.missingFields[0]).toMatch(/^name \(first_name and last_name, a full-name column, or company_name\)/);
  });

  it('joins house and flat number columns to the street, and reads "Nazwa klienta" beside first and last names as the firm', async () => {
    const file = 'Nr klienta;Rodzaj klienta;NAZWISKO;IMIĘ;Nazwa klienta;NIP;Ulica;Nr domu;Nr lokalu;Kod pocztowy;Miejscowość\n' +
      'D1;OSOBA FIZYCZNA;MARCINIAK;MARTA;;;Kościuszki;46;22;52-993;Wrocław\n' +
      `D2;FIRMA;;;KŁOS Usługi Stolarskie;${N4};Polna;1;;33-100;Tarnów\n` +
      'D3;OSOBA FIZYCZNA;LIS;JAN;;;3 Maja;7;m. 2;00-838;Warszawa\n' +
      'D4;OSOBA FIZYCZNA;KOT;ALA;;;Długa 5/3;;;00-838;Warszawa\n' +
      // A street named with a number after its type word keeps its house number (blind test AR).
      'D7;OSOBA FIZYCZNA;NOWAK;TOMASZ;;;ul. 3 Maja;17;;26-658;Radom\n' +
      'D8;OSOBA FIZYCZNA;NOWAK;EWA;;;al. 1-go Maja;4;5;26-600;Radom\n' +
      // A village without streets: its name and the house number make the address line.
      'D6;OSOBA FIZYCZNA;NOWAK;STANISŁAW;;;;12;;05-660;Zawady\n';
    const r = await importCustomers(t.db, Readable.from([cp1250(file)]));
    expect([r.imported, r.rejected]).toEqual([7, []]);
    expect((await people(['D6']))[0]).toMatchObject({ street: 'Zawady 12', city: 'Zawady', postal_code: '05-660' });
    expect((await people(['D7', 'D8'])).map((c) => c.street)).toEqual(['ul. 3 Maja 17', 'al. 1-go Maja 4/5']);
    expect(r.readColumns).toEqual(expect.arrayContaining(['Nazwa klienta → company_name (business rows)', 'Nr domu → street (house_number)',
      'Nr lokalu → street (flat_number)']));
    expect((await people(['D1', 'D2', 'D3', 'D4'])).map((c) => [c.segment, c.company_name, c.street])).toEqual([
      ['individual', null, 'Kościuszki 46/22'],
      ['business', 'KŁOS Usługi Stolarskie', 'Polna 1'],
      ['individual', null, '3 Maja 7/2'],
      ['individual', null, 'Długa 5/3'],
    ]);
    // A house number with no street column to join is refused at the header.
    await expect(importCustomers(t.db, Readable.from(['Nr klienta;Imię;Nazwisko;Nr domu\nD5;Ala;Kot;5\n']))).rejects.toThrow(/no column holds the street/);
  });

  it('reads "Miejscowość" beside "Poczta": the post town is the city, a village without streets the street line (blind test O)', async () => {
    const file = 'Nr klienta;Imię;Nazwisko;Ulica;Nr domu;Nr lokalu;Kod pocztowy;Miejscowość;Poczta\n' +
      'V1;Marianna;Zielińska;;15;;05-250;Stara Wieś;Radzymin\n' +
      'V2;Jan;Lis;Leśna;5;2;05-250;Dąbrówka;Radzymin\n' +
      'V3;Ala;Kot;Długa;7;;00-838;Warszawa;\n';
    const r = await importCustomers(t.db, Readable.from([cp1250(file)]));
    expect([r.imported, r.rejected]).toEqual([3, []]);
    expect(r.readColumns).toEqual(expect.arrayContaining(['Miejscowość → city', expect.stringMatching(/^Poczta → city \(post town/)]));
    expect((await people(['V1', 'V2', 'V3'])).map((c) => [c.street, c.postal_code, c.city])).toEqual([
      ['Stara Wieś 15', '05-250', 'Radzymin'],
      ['Leśna 5/2', '05-250', 'Radzymin'],
      ['Długa 7', '00-838', 'Warszawa'],
    ]);
  });

  it('splits an address held in one cell into street, postal code and town (either order, a trailer after the town)', async () => {
    const file = 'Nr klienta;Imię;Nazwisko;Adres\n' +
      'AD1;Jan;Lis;ul. Lipowa 5 m. 3, 00-950 Warszawa\n' +
      'AD2;Ala;Kot;00-950 Warszawa, Lipowa 5/3\n' +
      'AD3;Ewa;Lis;Stara Wieś 15, 05-250 Radzymin, woj. mazowieckie\n' +
      'AD4;Ola;Lis;al. Jana Pawła II 12/4 31-042 Kraków Polska\n' +
      'AD5;Iza;Lis;ul. Długa 5\n' +
      'AD6;Jan;Kot;"ul. Polna 1\n33-100 Tarnów"\n' +
      'AD7;Ala;Lis;41-200 Sosnowiec ul. 3 Maja 7\n';
    const r = await importCustomers(t.db, Readable.from([cp1250(file)]));
    expect([r.imported, r.rejected]).toEqual([7, []]);
    expect((await people(['AD1', 'AD2', 'AD3', 'AD4', 'AD5', 'AD6', 'AD7'])).map((c) => [c.street, c.postal_code, c.city])).toEqual([
      ['ul. Lipowa 5 m. 3', '00-950', 'Warszawa'],
      ['Lipowa 5/3', '00-950', 'Warszawa'],
      ['Stara Wieś 15', '05-250', 'Radzymin'],
      ['al. Jana Pawła II 12/4', '31-042', 'Kraków Polska'],
      ['ul. Długa 5', null, null],
      ['ul. Polna 1', '33-100', 'Tarnów'],
      ['ul. 3 Maja 7', '41-200', 'Sosnowiec'],
    ]);
    // Columns of their own win over what the cell says.
    await importCustomers(t.db, Readable.from(['Nr klienta;Imię;Nazwisko;Adres;Miasto\nAD8;Jan;Lis;ul. Lipowa 5, 00-950 Warszawa;Warszawa-Wola\n']));
    expect((await people(['AD8']))[0]).toMatchObject({ street: 'ul. Lipowa 5', postal_code: '00-950', city: 'Warszawa-Wola' });
  });

  it('reads a full name surname first where the header, a comma or capitals say so, or only the last word is a given name', async () => {
    const file = 'Nr klienta;Nazwisko i imię\nSF1;Nowak Jan\nSF2;Michalak Adam Bartosz\n';
    await importCustomers(t.db, Readable.from([cp1250(file)]));
    const names = 'customer_id;name\nSF3;NOWAK-LIS Anna Maria\nSF4;Kowalska, Ewa\nSF5;Zofia Wrona\nSF6;Wrona Zofia\nSF7;Adam Michał\nSF8;Jan KOT\n';
    await importCustomers(t.db, Readable.from([names]));
    expect((await people(['SF1', 'SF2', 'SF3', 'SF4', 'SF5', 'SF6', 'SF7', 'SF8'])).map((c) => [c.first_name, c.last_name])).toEqual([
      ['Jan', 'Nowak'], ['Adam Bartosz', 'Michalak'], ['Anna Maria', 'NOWAK-LIS'], ['Ewa', 'Kowalska'],
      ['Zofia', 'Wrona'], ['Zofia', 'Wrona'], ['Adam', 'Michał'], ['Jan', 'KOT'],
    ]);
  });

  it('reads public-sector segment values as business (blind test X)', async () => {
    const file = 'Nr klienta;Segment;Nazwa firmy\nPB1;Sektor publiczny;Urząd Gminy Zawady\nPB2;jednostka budżetowa;Szkoła Podstawowa nr 3\nPB3;B2G;Sąd Rejonowy w Lesznie\n';
    const r = await importCustomers(t.db, Readable.from([file]));
    expect([r.imported, r.rejected]).toEqual([3, []]);
    expect((await people(['PB1', 'PB2', 'PB3'])).map((c) => c.segment)).toEqual(['business', 'business', 'business']);
  });

  it('reads a CRM export (Mailing Street/City/Zip, Account Name as the firm) and a sheet with a title line above the header (blind test T)', async () => {
    const crm = '"Account Number","Full Name","Account Name","Customer Type","Mailing Street","Mailing City","Mailing Zip","Mailing Country","Email"\n' +
      '"CR1","Mariusz Czarnecki","Mariusz Czarnecki","Residential","ul. Brzozowa 86/62","Pruszków","05-800","Poland","m.cz@example.pl"\n' +
      '"CR2","Anna Lis","Techbud Sp. z o.o.","Business","ul. Polna 1","Tarnów","33-100","Poland",""\n';
    const r = await importCustomers(t.db, Readable.from([crm]));
    expect([r.imported, r.rejected, r.ignoredColumns]).toEqual([2, [], ['Mailing Country']]);
    expect(r.readColumns).toEqual(expect.arrayContaining(['Mailing Street → street', 'Mailing City → city', 'Mailing Zip → postal_code',
      'Account Name → company_name (business rows)', 'Email → email']));
    expect((await people(['CR1', 'CR2'])).map((c) => [c.segment, c.first_name, c.last_name, c.company_name, c.street, c.city, c.postal_code])).toEqual([
      ['individual', 'Mariusz', 'Czarnecki', null, 'ul. Brzozowa 86/62', 'Pruszków', '05-800'],
      ['business', 'Anna', 'Lis', 'Techbud Sp. z o.o.', 'ul. Polna 1', 'Tarnów', '33-100'],
    ]);
    // A title and a blank line above the header; two address columns, the correspondence one read;
    // a PESEL of someone born in 2000 that lost both leading zeros in the spreadsheet.
    const born2000 = withCheck('0026218664');
    const sheet = '\uFEFF"Baza klientów – eksport z arkusza ""Klienci 2026.xlsx"", stan na 31.10.2026",,,,,\n,,,,,\n' +
      'Lp.,Numer klienta,Nazwisko i imię,PESEL,Adres zameldowania,Adres korespondencyjny\n' +
      `1,SH1,Wrona Zofia,${born2000.slice(2)},"ul. Długa 1, 00-001 Warszawa","ul. Krótka 2 m. 4, 80-001 Gdańsk"\n`;
    const s = await importCustomers(t.db, Readable.from([sheet]));
    expect([s.imported, s.rejected, s.headerLine, s.delimiter, s.ignoredColumns]).toEqual([1, [], 3, ',', ['Lp.']]);
    expect((await t.db.query('SELECT first_name, last_name, pesel, street, postal_code, city FROM customers WHERE customer_id = $1', ['SH1'])).rows)
      .toEqual([{ first_name: 'Zofia', last_name: 'Wrona', pesel: born2000, street: 'ul. Krótka 2 m. 4', postal_code: '80-001', city: 'Gdańsk' }]);
  });

  it('reads the seat\'s street columns where a row leaves the correspondence address empty (blind test AU: 689 of 788 streets lost)', async () => {
    const csv = ['Nr klienta;Nazwa klienta;NIP;Ulica;Nr domu;Nr lokalu;Kod pocztowy;Miejscowość;Adres korespondencyjny',
      `AU1;Nova Print Sp. z o.o.;${N1};Szosa Lubicka;112;;87-100;Toruń;`,
      `AU2;Krótka Sp. z o.o.;${N2};ul. Krótka;75;3;09-400;Płock;ul. Zielona 41, 09-400 Płock`,
      `AU3;Chopin Sp. z o.o.;${N3};Chopina;78A;;09-400;Płock;ul. Żeromskiego 85B, 35-141 Rzeszów`].join('\n');
    const r = await importCustomers(t.db, Readable.from([csv]));
    expect([r.imported + r.updated, r.rejected, r.ignoredColumns]).toEqual([3, [], []]);
    // Organisations' segment values are a business's, a key account's says nothing.
    expect(['Fundacja / Stowarzyszenie', 'NGO', 'Oświata', 'Korporacja', 'Klient kluczowy'].map(segmentOf)).toEqual(['business', 'business', 'business', 'business', null]);
    expect(r.readColumns).toContain('Ulica → street (where the correspondence address is empty)');
    const { rows } = await t.db.query<{ street: string; postal_code: string; city: string }>(
      `SELECT street, postal_code, city FROM customers WHERE customer_id LIKE 'AU_' ORDER BY customer_id`);
    expect(rows).toEqual([
      { street: 'Szosa Lubicka 112', postal_code: '87-100', city: 'Toruń' },
      // A correspondence address of its own: its street and postal line, not the seat's house number.
      { street: 'ul. Zielona 41', postal_code: '09-400', city: 'Płock' },
      { street: 'ul. Żeromskiego 85B', postal_code: '35-141', city: 'Rzeszów' },
    ]);
  });

  it('keeps a quote inside an unquoted field as text, and names the line of a quote never closed', async () => {
    const file = 'customer_id;first_name;last_name;company_name\nQ1;Jan;Nowak;\nQ2;;;Firma "Alfa" s.c.\nQ3;"Anna;Lis;\n' +
      Array.from({ length: 40 }, (_, i) => `Q${i + 4};Ewa;Lis;\n`).join('');
    const r = await importCustomers(t.db, Readable.from([file]));
    expect((await people(['Q2']))[0]).toMatchObject({ company_name: 'Firma "Alfa" s.c.' });
    // A quote opening a field and never closed swallows the rest of the file: the operator is told
    // where it opened and which lines went unread, not the line where the file ended.
    expect([r.imported, r.rejected]).toEqual([2, [{ line: 4, reason: expect.stringMatching(/quote opened on line 4 is never closed, so lines 4–44 were not read/) }]]);
  });

  it('reads an English CRM export with two address lines, a national ID, a landline and residential accounts', async () => {
    const file = '"Account No","Account Type","First Name","Last Name","Company","Tax ID","National ID","Address Line 1","Address Line 2",' +
      '"Zip","City","Mobile","Landline","Email","Open Invoices"\n' +
      `"A1","Residential","Ewa","Lis","","","${peselFor(41, false)}","ul. Lipowa 5","m. 3","05-800","Pruszków","601 234 111","(22) 758 12 34","",""\n` +
      `"A2","SME","","","Lis Serwis","${nipFor(41)}","","ul. Polna 1","","33-100","Tarnów","","","","FV/1/2026"\n`;
    const r = await importCustomers(t.db, Readable.from([file]));
    expect([r.imported, r.rejected, r.ignoredColumns, r.missingFields]).toEqual([2, [], [], []]);
    expect(r.readColumns).toEqual(expect.arrayContaining(['Account Type → segment', 'National ID → pesel', 'Address Line 1 → street',
      'Address Line 2 → street (street_extra)', 'Landline → phones']));
    expect((await people(['A1', 'A2'])).map((c) => [c.segment, c.street, c.phones])).toEqual([
      ['individual', 'ul. Lipowa 5 m. 3', ['601234111', '227581234']],
      ['business', 'ul. Polna 1', []],
    ]);
  });

  it('takes the separator from an Excel "sep=" first line and keeps line numbers as the file has them', async () => {
    const file = `sep=;\nNr klienta;Imię;Nazwisko;Telefon\nS1;Ala;Kot;601 234 599, 22 555 12 99\nS2;;Kot;\n`;
    const r = await importCustomers(t.db, Readable.from([file]));
    expect(r).toMatchObject({ imported: 1, delimiter: ';', rejected: [{ line: 4, reason: 'individual customer needs first_name and last_name' }] });
    expect((await people(['S1']))[0]).toMatchObject({ first_name: 'Ala', phones: ['601234599', '225551299'] });
  });

  it('reads an English CRM export: aliases, one full-name column, segment inferred per row', async () => {
    const r = await importCustomers(t.db, Readable.from([CRM_EN]));
    expect(r.ignoredColumns).toEqual(['Created At']);
    expect(r.rejected).toEqual([
      { line: 5, reason: `name 'ACME Sp. z o.o.' is not first name(s) and a surname` },
      { line: 6, reason: `name 'Madonna' is not first name(s) and a surname` },
      { line: 7, reason: 'business customer needs company_name' },
    ]);
    const rows = await people(['E1', 'E2', 'E3']);
    expect(rows.map((c) => [c.customer_id, c.segment, c.first_name, c.last_name, c.company_name, c.nip])).toEqual([
      ['E1', 'individual', 'Jan Maria', 'Nowak-Kowalska', null, null],
      ['E2', 'business', null, null, 'Techbud Sp. z o.o.', N5],
      ['E3', 'business', 'Anna', 'Lis', 'Anna Lis Usługi', N6],
    ]);
    expect(rows[0]).toMatchObject({ street: 'ul. Krótka 2', postal_code: '80-001', city: 'Gdańsk', phones: ['225551290', '601234590'] });
    expect(rows[1]).toMatchObject({ email: 'biuro@techbud.pl', phones: [] });
  });

  it('takes tab- and pipe-separated files, keeping both phone list separators inside a field', async () => {
    const tab = await importCustomers(t.db, Readable.from(['client_id\tcustomer_type\tfirstname\tsurname\ttelefony\nT1\tconsumer\tOla\tLis\t601 234 600, 601 234 601;601 234 602\n']));
    const pipe = await importCustomers(t.db, Readable.from(['id|type|company|tax_id|msisdn\nT2|company|ACME|' + N4 + '|601234603,601234604\n']));
    expect([tab.delimiter, tab.imported, pipe.delimiter, pipe.imported]).toEqual(['\t', 1, '|', 1]);
    expect((await people(['T1', 'T2'])).map((c) => [c.segment, c.phones])).toEqual([
      ['individual', ['601234600', '601234601', '601234602']], ['business', ['601234603', '601234604']],
    ]);
    // A quoted header name may hold any separator; the count is taken outside quotes.
    const quoted = await importCustomers(t.db, Readable.from(['"nr; klienta","firma, nazwa",nazwa firmy\nT3,x,ACME\n']));
    expect([quoted.delimiter, quoted.imported]).toEqual([',', 1]);
    expect(quoted.ignoredColumns).toEqual(['firma, nazwa']);
  });

  it('refuses headers it cannot read without guessing, and imports nothing', async () => {
    const refused = (csv: string) => expect(importCustomers(t.db, Readable.from([csv]))).rejects;
    await refused('customer_id,name;surname\nR1,x;y\n').toThrow(/cannot tell the column separator, the header line has as many ',' as ';'/);
    await refused('customer_id,typ klienta,Type\nR1,firma,company\n').toThrow(/columns 'typ klienta' and 'Type' are all segment/);
    await refused('id,Customer No\nR1,R1\n').toThrow(/columns 'id' and 'Customer No' are all customer_id/);
    await refused('customer_id,first_name,full_name\nR1,Jan,Jan Lis\n').toThrow(/column 'first_name' holds part of a name that column 'full_name' holds whole/);
    await refused('Name,Phone\nJan Lis,601234567\n').toThrow(/no customer number column .*; columns found: Name, Phone/);
    expect(await people(['R1'])).toEqual([]);
    // With both name columns there, a full name is the same names again: ignored, not compared.
    const both = await importCustomers(t.db, Readable.from(['customer_id,imie,nazwisko,imie i nazwisko\nR2,Jan,Lis,Jan Lis\n']));
    expect([both.imported, both.ignoredColumns]).toEqual([1, ['imie i nazwisko']]);
  });

  it('reads past the first megabyte as the encoding found there, and keeps a stray byte to its row', async () => {
    // 110 rows of 10 kB: the encoding is decided on the first megabyte, the rest is decoded the same way.
    const big = ['customer_id;imie;nazwisko;uwagi', ...Array.from({ length: 110 }, (_, i) => `B${i};Łucja;Gęś;${'x'.repeat(10_000)}`)].join('\n');
    const bytes = cp1250(big);
    const chunks = Array.from({ length: Math.ceil(bytes.length / 65536) }, (_, i) => bytes.subarray(i * 65536, (i + 1) * 65536));
    const r = await importCustomers(t.db, Readable.from(chunks));
    expect([r.encoding, r.imported, r.rejected]).toEqual(['windows-1250', 110, []]);
    expect(await people(['B109'])).toMatchObject([{ first_name: 'Łucja', last_name: 'Gęś' }]);

    // A UTF-8 file with one Windows-1250 byte: that row only is rejected.
    const utf8 = Buffer.concat([Buffer.from('customer_id,first_name,last_name\nU1,Łucja,Gęś\nU2,Paweł,Żak\nU3,Pawe'), Buffer.from([0xb3]), Buffer.from(',Lis\n')]);
    const u = await importCustomers(t.db, Readable.from([utf8.subarray(0, 37), utf8.subarray(37)])); // "Ł" split between chunks
    expect([u.encoding, u.imported]).toEqual(['utf-8', 2]);
    expect(u.rejected).toEqual([{ line: 4, reason: expect.stringMatching(/not valid UTF-8/) }]);
    expect(await people(['U1'])).toMatchObject([{ first_name: 'Łucja', last_name: 'Gęś' }]);

    // A Windows-1250 file with one UTF-8 line: read as Windows-1250, that line would be "PaweĹ‚", so it is rejected.
    const mixed = Buffer.concat([cp1250('customer_id,first_name,last_name\nW1,Łucja,Gęś\nW2,Paweł,Żak\n'), Buffer.from('W3,Paweł,Lis\n')]);
    const w = await importCustomers(t.db, Readable.from([mixed]));
    expect([w.encoding, w.imported]).toEqual(['windows-1250', 2]);
    expect(w.rejected).toEqual([{ line: 4, reason: expect.stringMatching(/not Windows-1250 like the rest of the file/) }]);

    // Excel's "Unicode text": UTF-16LE with a byte order mark, tab-separated.
    const utf16 = Buffer.from('\uFEFFcustomer_id\timię\tnazwisko\r\nX1\tŁucja\tGęś\r\n', 'utf16le');
    const x = await importCustomers(t.db, Readable.from([utf16.subarray(0, 41), utf16.subarray(41)])); // odd split
    expect([x.encoding, x.delimiter, x.imported, x.rejected]).toEqual(['utf-16le', '\t', 1, []]);
    expect(await people(['X1'])).toMatchObject([{ first_name: 'Łucja', last_name: 'Gęś' }]);
  });

  it('prints the encoding, separator and ignored columns from the command line', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'impcols-')), 'klienci.csv');
    writeFileSync(file, cp1250(EXCEL_PL.replace(/K(\d)/g, 'L$1')));
    const out: string[] = [];
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((s) => (out.push(String(s)), true));
    const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      expect(await runImportCommand({ db: t.db } as Runtime, file)).toBe(0);
    } finally {
      spy.mockRestore();
      err.mockRestore();
    }
    expect(out.join('')).toMatch(/^imported 4, updated 0, rejected 0 \([\d.]+ s\)\nread as windows-1250 \(the file is not UTF-8\), columns separated by ';'\ncolumns read: Nr klienta → customer_id, Typ klienta → segment, .*, Numery faktur → invoice_numbers\nignored columns: Uwagi\n$/);
  });
});
