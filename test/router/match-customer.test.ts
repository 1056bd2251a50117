import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Identifiers, MatchResult } from '../../core/types.js';
import { importCustomers } from '../../router/import-customers.js';
import { matchCustomer } from '../../router/match-customer.js';
import { extractIdentifiers } from '../../classifier/identifiers.js';
import { ocrDigitVariants } from '../../classifier/checksums.js';
import { LOOKUP_SQL, lookupParams } from '../../router/match-lookup.js';
import { nipFor, peselFor } from '../../router/synthetic-customers.js';
import { csvOf, customer, openTestDb, type TestDb } from './db-helpers.js';
import { sameCompany } from '../../router/match-compare.js';

const A = customer({ customerId: '2000000001', firstName: 'Jan', lastName: 'Kowalski', pesel: peselFor(11, true),
  street: 'ul. Długa 5/3', postalCode: '00-950', city: 'Warszawa', phones: ['601234567'], email: 'jan.kowalski@example.pl',
  invoiceNumbers: ['FV/2025/01/0001'] });
const B = customer({ customerId: '2000000002', firstName: 'Jan', lastName: 'Kowalski', pesel: peselFor(12, true),
  street: 'ul. Polna 12', postalCode: '30-001', city: 'Kraków', phones: ['602000000'] });
const C = customer({ customerId: '2000000003', firstName: 'Jan', lastName: 'Kowalski', pesel: peselFor(13, true),
  street: 'al. Jerozolimskie 100', postalCode: '00-950', city: 'Warszawa' });
const D = customer({ customerId: '2000000010', segment: 'business', companyName: 'Techbud Sp. z o.o.', nip: nipFor(10),
  street: 'ul. Przemysłowa 7', postalCode: '60-001', city: 'Poznań', invoiceNumbers: ['FV/2025/02/0002'], contractNumbers: ['UM/2024/7781'] });
// A chain: the same company name in another town, with its own NIP.
const D2 = customer({ customerId: '2000000011', segment: 'business', companyName: 'TECHBUD S.A.', nip: nipFor(11),
  street: 'ul. Portowa 2', postalCode: '81-001', city: 'Gdynia' });
const G = customer({ customerId: '2000000012', segment: 'business', companyName: 'Instal Jan Nowicki s.c.', firstName: 'Jan',
  lastName: 'Nowicki', nip: nipFor(12), street: 'ul. Kolejowa 4', postalCode: '20-001', city: 'Lublin' });
const E = customer({ customerId: '2000000008', firstName: 'Anna', lastName: 'Nowak', pesel: peselFor(14, false),
  street: 'Leśna 3', postalCode: '80-001', city: 'Gdańsk', phones: ['603111222'] });
const F = customer({ customerId: '2000000055', firstName: 'Ewa', lastName: 'Nowak', street: 'Leśna 3', postalCode: '80-001', city: 'Gdańsk' });

// A mother and her adult son at one address, both customers; the son's phone is his own.
const H = customer({ customerId: '2000000060', firstName: 'Michał', lastName: 'Lewandowski', street: 'ul. Wiejska 22', postalCode: '15-351',
  city: 'Białystok', phones: ['698112334'], invoiceNumbers: ['FV/2025/03/4411'] });
const I = customer({ customerId: '2000000061', firstName: 'Ewa', lastName: 'Lewandowska', street: 'ul. Wiejska 22', postalCode: '15-351',
  city: 'Białystok', phones: ['601555444'] });

// A sole trader with a business account and a private one at home.
const K = customer({ customerId: '2000000070', segment: 'business', companyName: 'Usługi Remontowe Adam Kowal', firstName: 'Adam',
  lastName: 'Kowal', nip: nipFor(20), street: 'ul. Polna 8', postalCode: '30-002', city: 'Kraków' });
const L = customer({ customerId: '2000000071', firstName: 'Adam', lastName: 'Kowal', street: 'ul. Słoneczna 3', postalCode: '30-003',
  city: 'Kraków', phones: ['605000111'] });
// The same as an export gives it with the owner only inside the firm's name (one "Nazwa klienta"
// column, split on import into "Usługi Remontowe Zenon" and "Pawlak", blind test AU).
// A firm the register names at length, its letterhead by its brand (blind test AU).
const MB = customer({ customerId: '2000000074', segment: 'business', companyName: 'Przedsiębiorstwo Robót Drogowych i Mostowych MOSTBUD Sp. z o.o.',
  street: 'ul. Mickiewicza 33', postalCode: '27-600', city: 'Sandomierz' });
const K2 = customer({ customerId: '2000000072', segment: 'business', companyName: 'Usługi Remontowe Zenon Pawlak', firstName: 'Usługi Remontowe Zenon',
  lastName: 'Pawlak', nip: nipFor(21), street: 'ul. Rynek 2', postalCode: '05-120', city: 'Legionowo' });
const L2 = customer({ customerId: '2000000073', firstName: 'Zenon', lastName: 'Pawlak', street: 'ul. Husarska 9/4', postalCode: '05-120', city: 'Legionowo' });

// A funeral home (a business customer) and the late customer it writes for.
const M = customer({ customerId: '2000000080', segment: 'business', companyName: 'Zakład Pogrzebowy Anioł Beata Nowicka', firstName: 'Beata',
  lastName: 'Nowicka', nip: nipFor(30), street: 'ul. Lubelska 55', postalCode: '22-400', city: 'Zamość', phones: ['846387700'] });
const N = customer({ customerId: '2000000081', firstName: 'Zdzisław', lastName: 'Kowalczyk', street: 'ul. Szczebrzeska 20', postalCode: '22-400',
  city: 'Zamość' });

// A husband whose wife (not a customer) bears the female form of his name.
const P = customer({ customerId: '2000000090', firstName: 'Marian', lastName: 'Lis', street: 'ul. Kwiatowa 2', postalCode: '10-001',
  city: 'Olsztyn', email: 'marian.lis@o2.pl' });

// A namesake of strangers who write with a phone one digit from his.
const Q = customer({ customerId: '2000000091', firstName: 'Jerzy', lastName: 'Miller', street: 'ul. Wojska Polskiego 40', postalCode: '70-001',
  city: 'Szczecin', phones: ['601448210'] });

// A customer from Ukraine under her passport's spelling.
const R = customer({ customerId: '2000000092', firstName: 'Yuliia', lastName: 'Tkachenko', pesel: peselFor(92, false), street: 'ul. Grochowska 5',
  postalCode: '04-186', city: 'Warszawa', phones: ['731220415'] });

// A master numbering its customers in its own format.
const S = customer({ customerId: 'JT-0283391', firstName: 'Bożena', lastName: 'Kwiatkowska', street: 'ul. Morska 3', postalCode: '81-001', city: 'Gdynia' });

// Namesakes whose customer numbers and phones are one OCR look-alike digit apart (0/9, 1/7).
const T = customer({ customerId: '1079349859', firstName: 'Marek', lastName: 'Dąbrowski', street: 'ul. Okopowa 4', postalCode: '80-001',
  city: 'Gdańsk', phones: ['512300400'] });
const U = customer({ customerId: '1979349859', firstName: 'Marek', lastName: 'Dąbrowski', street: 'ul. Zgierska 90', postalCode: '91-001',
  city: 'Łódź', phones: ['512300100'] });

// A father and his son of the same name at one address; only the son's phone tells them apart (blind test AV).
const RY1 = customer({ customerId: '2000000113', firstName: 'Michał', lastName: 'Ryba', street: 'ul. Ogrodowa 44', postalCode: '20-220', city: 'Lublin',
  phones: ['572960986'] });
const RY2 = customer({ customerId: '2000000114', firstName: 'Michał', lastName: 'Ryba', street: 'ul. Ogrodowa 44', postalCode: '20-220', city: 'Lublin' });

const letter = (over: Partial<Identifiers>): Identifiers => ({
  customerNumbers: [], phones: [], invoiceNumbers: [], pesels: [], nips: [], postalCodes: [], emails: [], names: [],
  companyNames: [], addresses: [], fromInstitution: false, ...over,
});
const ids = (r: MatchResult) => r.candidates.map((c) => c.customerId);
// What the classifier's repair does for these tests: letters that look like digits become them.
const lookalikes = (t: string) => [t.replace(/O/g, '0').replace(/I/g, '1')];
// A firm's head office and a branch: one NIP, two accounts (blind test AM).
const V1 = customer({ customerId: '2000000101', segment: 'business', companyName: 'Voltex Sp. z o.o.', nip: nipFor(40),
  krs: '0000412345', regon: '302184420', street: 'ul. Składowa 12', postalCode: '61-897', city: 'Poznań' });
const V2 = customer({ customerId: '2000000102', segment: 'business', companyName: 'Voltex Sp. z o.o.', nip: nipFor(40),
  krs: '0000412345', regon: '30218442000023', street: 'ul. Wrzesińska 8', postalCode: '62-200', city: 'Gniezno' });

// A foundation: a business customer whose name carries no legal form (blind test AM).
const W = customer({ customerId: '2000000103', segment: 'business', companyName: 'Fundacja Pomocy Dzieciom Promyk', nip: nipFor(41),
  street: 'ul. Szeroka 5', postalCode: '87-100', city: 'Toruń' });

// A civil partnership named with its partners, one of whom shares her name with a private customer,
// and a firm whose name OCR misreads by a look-alike (blind test AR).
const X1 = customer({ customerId: '2000000104', segment: 'business', companyName: 'Intermex s.c. Jacek Szymański, Renata Kurek', nip: nipFor(42),
  street: 'Legnicka 66/52', postalCode: '51-185', city: 'Wrocław' });
const X2 = customer({ customerId: '2000000105', firstName: 'Renata', lastName: 'Kurek', street: 'ul. Ozimska 4', postalCode: '45-001', city: 'Opole' });
const X3 = customer({ customerId: '2000000106', segment: 'business', companyName: 'Geoplast sp. z o.o.', nip: nipFor(43),
  street: 'ul. Słowackiego 111', postalCode: '26-388', city: 'Radom' });

// Namesakes told apart only by an address the letter writes in a sentence (blind test AR).
const Y1 = customer({ customerId: '2000000107', firstName: 'Grzegorz', lastName: 'Mazur', street: 'Kolejowa 3', postalCode: '34-400', city: 'Nowy Targ' });
const Y2 = customer({ customerId: '2000000108', firstName: 'Grzegorz', lastName: 'Mazur', street: 'ul. Lwowska 18/2', postalCode: '35-301', city: 'Rzeszów' });
const Y3 = customer({ customerId: '2000000109', firstName: 'Marianna', lastName: 'Zając', street: 'ul. Ozimska 40/6', postalCode: '45-057', city: 'Opole' });
const Y4 = customer({ customerId: '2000000110', firstName: 'Marianna', lastName: 'Zając', street: 'ul. Polna 2', postalCode: '45-001', city: 'Opole' });
const Y5 = customer({ customerId: '2000000111', firstName: 'Józef', lastName: 'Nowak', street: 'Zalesie 7', postalCode: '06-100', city: 'Pułtusk' });
const Y6 = customer({ customerId: '2000000112', firstName: 'Józef', lastName: 'Nowak', street: 'ul. Rynek 1', postalCode: '06-100', city: 'Pułtusk' });

for (const kind of ['postgres', 'pglite'] as const) {
  describe(`matchCustomer on ${kind}`, () => {
    let t: TestDb;
    beforeAll(async () => {
      t = await openTestDb(kind, 'match');
      const r = await importCustomers(t.db, Readable.from([csvOf([A, B, C, D, D2, E, F, G, H, I, K, L, K2, L2, MB, M, N, P, Q, R, S, T, U, V1, V2, W, X1, X2, X3, Y1, Y2, Y3, Y4, Y5, Y6, RY1, RY2])]));
      expect(r.rejected).toEqual([]);
    });
    afterAll(async () => t?.close());
    const match = (over: Partial<Identifiers>, opts = {}) => matchCustomer(t.db, letter(over), opts);
    const expectMatched = (r: MatchResult, id: string) => {
      expect(r.kind).toBe('matched');
      if (r.kind === 'matched') expect(r.customerId).toBe(id);
    };

    it('believes a contract number in the customer number\'s shape only with other evidence', async () => {
      expectMatched(await match({ contractNumbers: [E.customerId], names: [{ first: 'Anna', last: 'Nowak' }] }), E.customerId);
      expectMatched(await match({ contractNumbers: ['2000-0000-08'], postalCodes: ['80-001'] }), E.customerId);
      const alone = await match({ contractNumbers: [E.customerId] });
      expect(alone.kind).not.toBe('matched');
      expect(ids(alone)).toEqual([E.customerId]);
      // Someone else's name beside it: a coincidence, not the customer.
      expect((await match({ contractNumbers: [E.customerId], names: [{ first: 'Piotr', last: 'Lis' }] })).kind).not.toBe('matched');
    });

    it('believes a PESEL or NIP read only through a digit repair with other evidence only', async () => {
      // The letter printed a NIP one digit off; the checksum repair lands on D's: a neighbour in
      // number space, maybe someone else's. The company name backs it; alone it only lists D.
      const alone = await match({ nips: [D.nip!], checksumRepaired: [D.nip!] });
      expect(alone.kind).not.toBe('matched');
      expect(ids(alone)).toEqual([D.customerId]);
      expectMatched(await match({ nips: [D.nip!], checksumRepaired: [D.nip!], companyNames: ['Techbud Sp. z o.o.'] }), D.customerId);
      expect((await match({ pesels: [B.pesel!], checksumRepaired: [B.pesel!] })).kind).not.toBe('matched');
      expectMatched(await match({ pesels: [B.pesel!], checksumRepaired: [B.pesel!], names: [{ first: B.firstName!, last: B.lastName! }] }), B.customerId);
    });

    it('decides on an exact NIP beside the firm\'s name misread by a look-alike or without its partners (blind test AR)', async () => {
      expectMatched(await match({ nips: [X3.nip!], companyNames: ['Geopiast sp. z 0.0.'], names: [{ first: 'Tomasz', last: 'Pawłowski' }] }), X3.customerId);
      const partners = { nips: [X1.nip!], companyNames: ['Intermex s.c.'], names: [{ first: 'Jacek', last: 'Szymański' }, { first: 'Renata', last: 'Kurek' }] };
      expectMatched(await match(partners), X1.customerId);
      // Another firm's name beside the NIP still stops it: whose letter is it?
      expect((await match({ nips: [X3.nip!], companyNames: ['Polbud sp. z o.o.'] })).kind).not.toBe('matched');
    });

    it('takes an invoice number with one digit misread, the master holding only one such, as a repaired number (blind test AR)', async () => {
      const jan = [{ first: 'Jan', last: 'Kowalski' }];
      // A fax read the year's 5 as a 6: A's invoice is the only one a single swap away.
      expectMatched(await match({ invoiceNumbers: ['FV/2026/01/0001'], names: jan }), A.customerId);
      const alone = await match({ invoiceNumbers: ['FV/2026/01/0001'] });
      expect(alone.kind).not.toBe('matched');
      expect(ids(alone)).toEqual([A.customerId]);
      // Two digits off is no misreading, just another number.
      expect((await match({ invoiceNumbers: ['FV/2026/01/0007'], names: jan })).kind).not.toBe('matched');
      // A misread the OCR itself was unsure of, and no address of A's: a person decides.
      expect((await match({ invoiceNumbers: ['FV/2026/01/0001'], names: jan, doubtful: ['FV/2026/01/0001'] })).kind).not.toBe('matched');
    });

    it('takes a customer number one typo from a candidate\'s own, and nobody\'s, beside the name (blind test AR)', async () => {
      const anna = [{ first: 'Anna', last: 'Nowak' }];
      expectMatched(await match({ customerNumbers: ['2000000308'], names: anna }), E.customerId);
      // Two neighbours swapped, among namesakes.
      expectMatched(await match({ customerNumbers: ['1079348959'], names: [{ first: 'Marek', last: 'Dąbrowski' }] }), T.customerId);
      // Alone it is no evidence of anyone; someone else's number exactly stays with a person.
      expect((await match({ customerNumbers: ['2000000308'] })).kind).toBe('unmatched');
      expect((await match({ customerNumbers: ['2000000002'], names: anna })).kind).not.toBe('matched');
      // Two digits off is another number.
      expect((await match({ customerNumbers: ['2000000318'], names: anna })).kind).not.toBe('matched');
    });

    it('looks up ten digits without a keyword that pass the NIP checksum as a NIP needing other evidence (blind test AS)', async () => {
      // A form's label column read apart from its values: the NIP stands alone on its line.
      const form = (company: string) => `FORMULARZ ZMIANY DANYCH\n${company}\n${X3.nip}\nOsoba kontaktowa: Magdalena Kruk\n\nProszę o zmianę adresu e-mail do faktur.`;
      const named = extractIdentifiers(form('GEOPLAST SP. Z O.O.'));
      expect(named.nips).toEqual([X3.nip]);
      expect(named.checksumRepaired).toEqual([X3.nip]);
      expectMatched(await match(named), X3.customerId);
      const alone = await match(extractIdentifiers(form('')));
      expect(alone.kind).not.toBe('matched');
      expect(ids(alone)).toEqual([X3.customerId]);
    });

    it('tells namesakes apart by an address written in a sentence (blind test AR)', async () => {
      const read = async (text: string) => matchCustomer(t.db, extractIdentifiers(text));
      expectMatched(await read('Witam,\nnazywam się Grzegorz Mazur, mieszkam w Nowym Targu przy Kolejowej 3. Proszę o korektę faktury.\nGrzegorz Mazur'), Y1.customerId);
      expectMatched(await read('Szanowni Państwo,\nja, Marianna Zając, zamieszkała w Opolu na ulicy Ozimskiej 40/6, proszę o zmianę taryfy.\nMarianna Zając'), Y3.customerId);
      expectMatched(await read('Szanowni Państwo,\nja, Józef Nowak, zamieszkały w miejscowości Zalesie pod numerem 7 (06-100 Pułtusk), zgłaszam awarię telefonu.\nJózef Nowak'), Y5.customerId);
      // The same sentence with a house number neither namesake has decides nothing.
      expect((await read('Witam,\nnazywam się Grzegorz Mazur, mieszkam w Nowym Targu przy Kolejowej 5. Proszę o korektę faktury.')).kind).not.toBe('matched');
    });

    it('reads the address after "zam." that an institution or a lawyer gives for the customer, also broken over a line (blind test AT)', async () => {
      const read = async (text: string) => matchCustomer(t.db, extractIdentifiers(text));
      const uke = 'PREZES URZĘDU KOMUNIKACJI ELEKTRONICZNEJ\nul. Giełdowa 7/9, 01-211 Warszawa\n\nDo Prezesa UKE wpłynęła skarga Pani Marianna Zając, zam. Ozimska 40/6, 45-057 Opole,\n' +
        'dotycząca naliczania opłat. Prezes UKE zwraca się o zajęcie stanowiska w terminie 14 dni.\n\nNaczelnik Wydziału\nJolanta Woźniak';
      expect(extractIdentifiers(uke).addresses).toContainEqual(expect.objectContaining({ street: 'Ozimska 40/6', postalCode: '45-057' }));
      expectMatched(await read(uke), Y3.customerId);
      const lawyer = 'KANCELARIA ADWOKACKA\nadw. Paweł Sikora\nul. Piotrkowska 112/5, 90-006 Łódź\n\nDziałając w imieniu mojego Mocodawcy, Pana Grzegorza Mazura, zam. Lwowska\n' +
        '18/2, 35-301 Rzeszów (pełnomocnictwo w załączeniu), wzywam do zapłaty kwoty 2 400,00 zł w terminie 7 dni.\n\nadw. Paweł Sikora';
      expect(extractIdentifiers(lawyer).addresses).toContainEqual(expect.objectContaining({ street: 'Lwowska 18/2', postalCode: '35-301' }));
      expectMatched(await read(lawyer), Y2.customerId);
      // A house number neither namesake has decides nothing.
      expect((await read(uke.replace('40/6', '41'))).kind).not.toBe('matched');
    });

    it('does not decide on a phone one misread digit away when the letter is from another town', async () => {
      const jerzy = { phones: ['601 449 210'], names: [{ first: 'Jerzy', last: 'Miller' }] };
      const at = (street: string, postalCode: string, city: string) => ({ ...jerzy, addresses: [{ street, postalCode, city }], postalCodes: [postalCode] });
      const opts = { ocrVariants: ocrDigitVariants };
      // Blind test L: a stranger in Kraków, namesake of a Szczecin customer whose phone is 601 448 210.
      const krakow = await match(at('ul. Krakowska 12', '31-062', 'Kraków'), opts);
      expect(krakow.kind).toBe('ambiguous');
      expect(ids(krakow)).toEqual([Q.customerId]);
      // The reviewer is told why this candidate is doubtful (blind test Q).
      expect(krakow.candidates[0]!.cautions).toEqual(['phone_repaired', 'address_elsewhere']);
      // Without a town, a street and number that are not his say the same (the town before the street went unread).
      expect((await match({ ...jerzy, addresses: [{ street: 'ul. Kartuska 5', postalCode: null, city: null }] }, opts)).kind).toBe('ambiguous');
      // Blind test N: his own town, but another street and postal code: a namesake there.
      expect((await match(at('ul. Bema 3', '70-952', 'Szczecin'), opts)).kind).toBe('ambiguous');
      // At his address (the town read damaged beside the right postal code), or with no address at
      // all, the repaired phone and the full name still decide.
      expectMatched(await match(at('ul. Wojska Polskiego 40', '70-001', 'Szczecn'), opts), Q.customerId);
      expectMatched(await match(jerzy, opts), Q.customerId);
      // Printed as the master holds it, the phone is his whatever the town: customers move.
      expectMatched(await match({ ...at('ul. Krakowska 12', '31-062', 'Kraków'), phones: ['601 448 210'] }, opts), Q.customerId);
    });

    it('finds a customer number written without the master\'s separators or case (blind test R)', async () => {
      for (const written of ['JT-0283391', 'JT0283391', 'jt-0283391', 'JT/0283391']) {
        expectMatched(await match({ customerNumbers: [written] }), S.customerId);
      }
      expect((await match({ customerNumbers: ['JT0283392'] })).kind).toBe('unmatched');
    });

    it("takes the Polish spelling of a passport's name for the same name", async () => {
      // Blind test L: her PESEL, signed "Julia Tkaczenko", was held back as another person's name.
      expectMatched(await match({ pesels: [R.pesel!], names: [{ first: 'Julia', last: 'Tkaczenko' }] }), R.customerId);
      expectMatched(await match({ phones: ['731 220 415'], names: [{ first: 'Julija', last: 'Tkaczenko' }] }), R.customerId);
      // Another name is still another person.
      expect((await match({ phones: ['731 220 415'], names: [{ first: 'Julia', last: 'Tkaczuk' }] })).kind).not.toBe('matched');
    });

    it('matches on each identifier kind', async () => {
      expectMatched(await match({ customerNumbers: ['2000 0000 01'] }), A.customerId);
      expectMatched(await match({ pesels: [B.pesel!] }), B.customerId);
      expectMatched(await match({ nips: [D.nip!] }), D.customerId);
      expectMatched(await match({ invoiceNumbers: ['fv/2025/02/ 0002'] }), D.customerId);
      // Other separators, none, or OCR's O for 0 beside digits: the same invoice once the master holds it.
      for (const written of ['FV 2025/02/0002', 'FV-2025-02-0002', 'FV2025020002', 'FV/2O25/O2/OOO2']) {
        expectMatched(await match({ invoiceNumbers: [written] }), D.customerId);
      }
      expect((await match({ invoiceNumbers: ['FV/2025/02/0003'] })).kind).toBe('unmatched');
      const byContract = await match({ contractNumbers: ['um 2024/778l'] });
      expectMatched(byContract, D.customerId);
      expect(byContract.kind === 'matched' && byContract.evidence).toEqual(['contract_number']);
      expect((await match({ contractNumbers: ['UM/2024/7782'] })).kind).toBe('unmatched');
      expectMatched(await match({ phones: ['+48 601 234 567'], names: [{ first: 'Jan', last: 'Kowalski' }] }), A.customerId);
      expectMatched(await match({ emails: ['Jan.Kowalski@example.pl'], names: [{ first: 'Jan', last: 'Kowalski' }] }), A.customerId);
      expectMatched(await match({ companyNames: ['TECHBUD spółka z o.o.'], addresses: [{ street: 'Przemysłowa 7', postalCode: '60-001', city: 'Poznań' }] }), D.customerId);
      const r = await match({ pesels: [A.pesel!] });
      expect(r.kind === 'matched' && r.evidence).toEqual(['pesel']);
    });

    it("finds an address whose '@' the OCR misread only when the master holds exactly the repair", async () => {
      const jan = [{ first: 'Jan', last: 'Kowalski' }];
      // The last two: a speck read beside a surviving '@' (before it, after it).
      for (const read of ['jan.kowalskiQexample.pl', 'jan.kowalskiG©example.pl', 'jan.kowalski example.pl', 'jan.kowalskir@example.pl', 'jan.kowalski@rexample.pl']) {
        const r = await match({ unreadEmails: [read], names: jan });
        expectMatched(r, A.customerId);
        expect(r.kind === 'matched' && r.evidence).toEqual(['email', 'name']);
      }
      // Another person's address with the same damage, and a repair alone without the name: no decision.
      expect((await match({ unreadEmails: ['jan.kowalskiQexample.com'], names: jan })).kind).not.toBe('matched');
      expect((await match({ unreadEmails: ['jan.kowalskiQexample.pl'] })).kind).not.toBe('matched');
    });

    it('counts an e-mail the OCR damaged for a candidate the name brought, never on its own nor for a namesake without it', async () => {
      const jan = [{ first: 'Jan', last: 'Kowalski' }];
      // Look-alikes only ("0" for "o", "1" for "l"): as good as the address; there are three Jan Kowalskis.
      for (const read of ['jan.k0walski@example.pl', 'jan.kowa1ski@examp1e.pl']) {
        const r = await match({ emails: [read], names: jan });
        expectMatched(r, A.customerId);
        expect(r.kind === 'matched' && r.evidence).toEqual(['email', 'name']);
      }
      // One slip more ("oxample") only adds a point: name and a near address do not decide.
      expect((await match({ emails: ['jan.kowalski@oxample.pl'], names: jan })).kind).not.toBe('matched');
      // Without the name there is no candidate: damaged addresses are never searched for.
      expect((await match({ emails: ['jan.k0walski@example.pl'] })).kind).toBe('unmatched');
      // Someone else's address with the same damage pattern.
      expect((await match({ emails: ['jan.k0walski@example.com'], names: jan })).kind).not.toBe('matched');
      // Guesses where an unread '@' stood count only when exact: "jan.kowalski@xample.pl" is no near miss.
      const guessed = await match({ unreadEmails: ['jan.kowalskixample.pl'], names: jan });
      expect(guessed.candidates.find((c) => c.customerId === A.customerId)?.evidence).toEqual(['name']);
    });

    it("decides a branch's letter by its own customer number although the firm's NIP it prints is every branch's (blind test AM)", async () => {
      const branch = { nips: [nipFor(40)], companyNames: ['Voltex'], addresses: [{ street: 'ul. Wrzesińska 8', postalCode: '62-200', city: 'Gniezno' }] };
      expectMatched(await match({ ...branch, customerNumbers: [V2.customerId] }), V2.customerId);
      expectMatched(await match(branch), V2.customerId);
      // The NIP alone is the firm's, not one account's.
      const nipOnly = await match({ nips: [nipFor(40)] });
      expect(nipOnly.kind).toBe('ambiguous');
      expect(ids(nipOnly).sort()).toEqual([V1.customerId, V2.customerId]);
    });

    it("matches a competition authority's letter to the firm whose complaint it forwards, by its NIP, not by the authority's address (blind test AU)", async () => {
      const uokik = extractIdentifiers('PREZES\nURZĘDU OCHRONY KONKURENCJI I KONSUMENTÓW\n\nDelegatura w Lublinie\nul. Chmielna 2a, 20-079 Lublin\n\n' +
        'Lublin, 3 listopada 2026 r.\n\nTelekomunikacja Nadwiślańska S.A.\nskrytka pocztowa 100\n00-950 Warszawa\n\n' +
        `Do Delegatury UOKiK w Lublinie wpłynęła skarga przedsiębiorcy Techbud Sp. z o.o. z siedzibą w Poznaniu (NIP ${D.nip})\n` +
        'dotycząca jednostronnej zmiany warunków umowy.\n\nWzywam do przedstawienia stanowiska w terminie 21 dni.\n\nZ poważaniem,\nAndrzej Kołakowski\nDyrektor Delegatury');
      expect(uokik.fromInstitution).toBe(true);
      expect(uokik.addresses).toEqual([]);
      expectMatched(await match(uokik), D.customerId);
    });

    it('decides on a REGON or KRS as on a NIP: the firm\'s shared by its branches, a branch\'s own REGON its own', async () => {
      const letter = (footer: string) => extractIdentifiers(`Voltex Sp. z o.o.\n\nProsimy o duplikat faktury za październik.\n\nZ poważaniem\nDział Księgowości\n${footer}`);
      expect(letter('KRS 0000412345').krs).toEqual(['0000412345']);
      expect(letter('KRS: 412345').krs).toEqual(['0000412345']);
      expect(letter('REGON 302184420').regons).toEqual(['302184420']);
      // One digit off fails the checksum: no REGON at all.
      expect(letter('REGON 302184421').regons).toBeUndefined();
      // The branch's own 14-digit REGON decides; the firm's KRS or 9-digit REGON is every branch's.
      expectMatched(await match(letter('REGON 30218442000023')), V2.customerId);
      const krsOnly = await match(letter('KRS 0000412345'));
      expect(krsOnly.kind).toBe('ambiguous');
      expect(ids(krsOnly).sort()).toEqual([V1.customerId, V2.customerId]);
      expect(krsOnly.candidates[0]!.evidence).toContain('krs');
      // With the branch's address under the letterhead, the shared KRS is no second identity.
      expectMatched(await match(extractIdentifiers('Voltex Sp. z o.o.\nul. Wrzesińska 8\n62-200 Gniezno\n\nProsimy o duplikat faktury.\nKRS 0000412345, REGON 302184420')), V2.customerId);
      // A KRS nobody holds is no evidence of anyone.
      expect((await match(letter('KRS 0000999999'))).kind).toBe('unmatched');
    });

    it("decides a branch's letter by the address under its letterhead, not the seat its registration footer gives (blind test AS)", async () => {
      const letter = (footer: string) => `VOLTEX Sp. z o.o.\nOddział w Gnieźnie\nul. Wrzesińska 8, 62-200 Gniezno\n\n` +
        'Od wczoraj nie działa internet w naszym sklepie. Prosimy o pilne przysłanie serwisu, tracimy sprzedaż.\n\nZ poważaniem\nKierownik Oddziału\n\n' + footer;
      const seat = letter(`Voltex Sp. z o.o., ul. Składowa 12, 61-897 Poznań\nNIP ${nipFor(40)}   KRS 0000123456   REGON 123456789`);
      const read = extractIdentifiers(seat);
      expect(read.postalCodes).toEqual(['62-200']);
      expectMatched(await match(read), V2.customerId);
      // The head office writing under the same footer: its own address, the seat's, is all there is.
      const head = `Voltex Sp. z o.o.\nul. Składowa 12\n61-897 Poznań\n\nProsimy o duplikat faktury za styczeń.\n\nKRS 0000123456, NIP ${nipFor(40)}`;
      expectMatched(await match(extractIdentifiers(head)), V1.customerId);
    });

    it('finds a foundation by the name line it prints without a legal form, with its address (blind test AM)', async () => {
      const letter = 'Fundacja Pomocy Dzieciom „Promyk”\nul. Szeroka 5\n87-100 Toruń\n\nUprzejmie prosimy o rozłożenie zaległości na raty.\n\nPrezes Zarządu';
      expect(extractIdentifiers(letter).companyNames).toEqual(['Fundacja Pomocy Dzieciom „Promyk”']);
      expectMatched(await match(extractIdentifiers(letter)), W.customerId);
      // Prose that mentions a foundation names no sender.
      expect(extractIdentifiers('Szanowni Państwo,\nFundacja pomogła mi w tej sprawie.').companyNames ?? []).toEqual([]);
    });

    it('knows a firm by the brand its letterhead prints within the long name the register holds (blind test AU)', async () => {
      const at = { street: 'Mickiewicza 33', postalCode: '27-600', city: 'Sandomierz' };
      expectMatched(await match({ companyNames: ['MOSTBUD Sp. z 0.0.'], addresses: [at], postalCodes: ['27-600'] }), MB.customerId);
      // Words that only say what a firm does name no firm; another brand at the address is another firm.
      expect(sameCompany('przedsiebiorstwo robot', 'przedsiebiorstwo robot drogowych i mostowych mostbud')).toBe(false);
      expect(sameCompany('phu kowalski', 'przedsiebiorstwo handlowo uslugowe jan kowalski')).toBe(true);
      expect((await match({ companyNames: ['MOSTEX Sp. z o.o.'], addresses: [at], postalCodes: ['27-600'] })).kind).not.toBe('matched');
    });

    it('tells branches of a chain apart by address, and never decides on names and a town alone', async () => {
      const poznan = { street: 'Przemysłowa 7', postalCode: '60-001', city: 'Poznań' };
      expectMatched(await match({ companyNames: ['Techbud'], addresses: [poznan] }), D.customerId);
      const r = await match({ companyNames: ['Techbud'], addresses: [{ ...poznan, street: null }] });
      expect(r.kind).toBe('ambiguous');
      expect(ids(r)[0]).toBe(D.customerId);
      expect(ids(r)).toContain(D2.customerId);
      // Name and company name are often the same words: together with a postal code they are still no address.
      const sameWords = { names: [{ first: 'Jan', last: 'Nowicki' }], companyNames: ['Instal Jan Nowicki'] };
      const owner = await match({ ...sameWords, addresses: [{ street: 'ul. Zielona 9', postalCode: '20-001', city: 'Lublin' }] });
      expect(owner.kind).toBe('ambiguous');
      expect(ids(owner)).toEqual([G.customerId]);
      expectMatched(await match({ ...sameWords, addresses: [{ street: 'Kolejowa 4', postalCode: '20-001', city: 'Lublin' }] }), G.customerId);
    });

    it('decides a letter written for someone else only for that person, never for the writer', async () => {
      // Anna Nowak writes for her mother Ewa (both customers), with her own phone and signature.
      const text = 'Piszę w imieniu mojej mamy, Pani Ewy Nowak, która nie wychodzi już z domu. Proszę o wyłączenie usługi.\n\n' +
        'Z poważaniem\nAnna Nowak\ntel. 603 111 222';
      const fromDaughter = extractIdentifiers(text);
      expect(fromDaughter.principals).toEqual([{ first: 'Ewa', last: 'Nowak' }]);
      const r = await match(fromDaughter);
      // Her phone is her way to be reached, not her mother's: it decides for nobody.
      expect(r.kind).not.toBe('matched');
      expect(ids(r)).toContain(E.customerId);
      // A son (no customer) giving the mother's address: decided for the mother, whose daughter
      // lives there too.
      const fromSon = 'Piszę w imieniu mojej mamy, Pani Ewy Nowak, ul. Leśna 3, 80-001 Gdańsk. Proszę o wyłączenie usługi.\n\nZ poważaniem\nPiotr Lis';
      expectMatched(await match(extractIdentifiers(fromSon)), F.customerId);
      // Written for oneself, the daughter's phone and name decide as before.
      expectMatched(await match(extractIdentifiers('Proszę o wyłączenie usługi.\n\nZ poważaniem\nAnna Nowak\ntel. 603 111 222')), E.customerId);
    });

    it('decides a letter for a relative named by the given name alone only for that relative, never for the writer (blind test AV)', async () => {
      // Ewa Lewandowska (a customer) writes for her son Michał (a customer) at their one address.
      const head = 'Ewa Lewandowska\nul. Wiejska 22\n15-351 Białystok\n\n';
      const sign = '\n\nZ wyrazami szacunku\nEwa Lewandowska';
      const forSon = extractIdentifiers(`${head}Piszę w imieniu syna Michała, który wyjechał. Na jego fakturze są opłaty, których nie rozumie.${sign}`);
      expect(forSon.principals).toEqual([{ first: 'Michał', last: 'Lewandowski' }]);
      expectMatched(await match(forSon), H.customerId);
      // Named by no given name, or by one the master holds at no address of the family: never the mother.
      for (const body of ['Jako pełnomocnik syna proszę o rozwiązanie jego umowy.', 'Piszę w imieniu syna Adama, proszę o duplikat faktury.']) {
        const r = await match(extractIdentifiers(`${head}${body}${sign}`));
        expect(r.kind).not.toBe('matched');
        expect(ids(r)).toContain(I.customerId);
      }
      // Unnamed, but the invoice she quotes is the son's, at the letter's address: decided for him (blind
      // test AV: "na podstawie pełnomocnictwa męża" with the husband's invoice went to a person).
      const sonsInvoice = extractIdentifiers(`${head}Jako pełnomocnik syna składam reklamację faktury nr FV/2025/03/4411.${sign}`);
      expect(sonsInvoice.forUnnamedRelative).toBe(true);
      expectMatched(await match(sonsInvoice), H.customerId);
      // An invoice of a customer who lives elsewhere (a misread, another family) decides nothing.
      const elsewhere = await match(extractIdentifiers(`${head}Jako pełnomocnik syna składam reklamację faktury nr FV/2025/01/0001.${sign}`));
      expect(elsewhere.kind).not.toBe('matched');
      // Written for herself, the mother's name and address decide as before.
      expectMatched(await match(extractIdentifiers(`${head}Proszę o duplikat faktury za październik.${sign}`)), I.customerId);
      // "w sprawie numeru telefonu mojego syna Michała (Michał Lewandowski)": a principal named so.
      expectMatched(await match(extractIdentifiers(`${head}Piszę w sprawie numeru telefonu mojego syna Michała (Michał Lewandowski). ` +
        `Karta jest zablokowana.${sign}`)), H.customerId);
      // A son of his father's name, unnamed, told apart only by the number given as the son's own.
      const ryba = 'Michał Ryba\nul. Ogrodowa 44\n20-220 Lublin\n\nSkładam reklamację w imieniu syna (nazywamy się tak samo). Chodzi o numer ' +
        'syna +48 572 960 986: pobierane są opłaty za SMS premium.\n\nZ poważaniem\nMichał Ryba';
      expectMatched(await match(extractIdentifiers(ryba)), RY1.customerId);
      const rybaNoPhone = await match(extractIdentifiers(ryba.replace(/ Chodzi o numer syna \+48 572 960 986:/, '')));
      expect(rybaNoPhone.kind).not.toBe('matched');
    });

    it("does not give a new tenant's letter about post for the former tenant to the former tenant (blind test AV)", async () => {
      const text = 'Piotr Zieliński\nul. Leśna 3\n80-001 Gdańsk\n\nMieszkam pod tym adresem od miesiąca. Przychodzą tu listy od Państwa ' +
        'adresowane do poprzednich lokatorów, m.in. do Ewy Nowak. Proszę o zaktualizowanie danych.\n\nZ poważaniem\nPiotr Zieliński';
      const read = extractIdentifiers(text);
      expect(read.thirdParties).toEqual([{ first: 'Ewa', last: 'Nowak' }]);
      const r = await match(read);
      expect(r.kind).not.toBe('matched');
    });

    it('leaves a letter signed by one customer about another customer\'s phone to a person', async () => {
      // Ewa Nowak (a customer) asks that her mother Anna (a customer) is not called on Anna's phone.
      const text = 'Proszę nie dzwonić do mojej mamy, Anny Nowak, na numer 603 111 222, ona nie słyszy.\n\n' +
        'Z poważaniem\nEwa Nowak';
      const read = extractIdentifiers(text);
      expect(read.signer).toEqual({ first: 'Ewa', last: 'Nowak' });
      const r = await match(read);
      expect(r.kind !== 'matched' && r.reason).toMatch(/signed by another customer/);
      expect(ids(r)).toEqual(expect.arrayContaining([E.customerId, F.customerId]));
      // Signed by someone who is no customer (a carer), the letter is decided as before.
      expectMatched(await match(extractIdentifiers(text.replace('Ewa Nowak', 'Piotr Lis'))), E.customerId);
    });

    it('leaves a letter about a neighbour who is a customer, or from a writer who is none, to a person', async () => {
      // A stranger complains about the cable laid for his neighbour Jan Kowalski (a customer), giving
      // Kowalski's street and house number and his own postal code: all of Kowalski's combination.
      const text = 'Tadeusz Głowacki\nul. Długa 7\n00-950 Warszawa\n\nMój sąsiad, Pan Jan Kowalski z ul. Długiej 5/3, jest Państwa ' +
        'klientem. Państwa ekipa przeprowadziła kabel nad moją posesją.\n\nŻądam usunięcia kabla w terminie 14 dni.\n\nTadeusz Głowacki';
      const read = extractIdentifiers(text);
      expect(read.thirdParties).toEqual([{ first: 'Jan', last: 'Kowalski' }]);
      const r = await match(read);
      expect(r.kind !== 'matched' && r.reason).toMatch(/third party/);
      expect(ids(r)).toContain(A.customerId);
      // The same letter from Kowalski himself, about his neighbour Głowacki, is his.
      expectMatched(await match(extractIdentifiers('Jan Kowalski\nul. Długa 5/3\n00-950 Warszawa\n\nMój sąsiad, Pan Tadeusz Głowacki, ' +
        'skarży się na kabel. Proszę o jego przeniesienie.\n\nJan Kowalski')), A.customerId);
      // "Nie jestem Państwa klientem": not the writer's account, whoever it names; a former customer still is.
      const stranger = 'Jan Kowalski\nul. Długa 5/3\n00-950 Warszawa\n\nNie jestem Państwa klientem, a dostaję faktury. Proszę to wyjaśnić.\n\nJan Kowalski';
      expect((await match(extractIdentifiers(stranger))).kind).toBe('ambiguous');
      expectMatched(await match(extractIdentifiers(stranger.replace('Nie jestem', 'Od marca nie jestem już'))), A.customerId);
      expectMatched(await match(extractIdentifiers(stranger.replace('klientem,', 'klientem od marca,'))), A.customerId);
      expect((await match(extractIdentifiers(stranger.replace('a dostaję faktury', 'a dostaję od Was faktury')))).kind).toBe('ambiguous');
      expectMatched(await match(extractIdentifiers(stranger.replace('Nie jestem Państwa klientem', 'Nie jestem abonentem tej usługi'))), A.customerId);
      // Other wordings of it (blind test P): "nie jestem i nigdy nie byłam", "nigdy nie byłem".
      // A firm's plural (blind test AM: "Nie jesteśmy Państwa klientem i nie mamy z Państwem umowy").
      for (const said of ['Sama nie jestem i nigdy nie byłam Państwa klientką', 'Nigdy nie byłem Państwa klientem', 'Nie mam żadnej umowy z Państwem',
        'Nie jesteśmy Państwa klientem', 'Nie mamy z Państwem umowy', 'Nigdy nie byliśmy Państwa klientami', 'Nie korzystamy z Państwa usług']) {
        expect((await match(extractIdentifiers(stranger.replace('Nie jestem Państwa klientem', said)))).kind).toBe('ambiguous');
      }
    });

    it("does not take a courier's or technician's number for the writer's, nor another operator's customer number for ours (blind test P)", async () => {
      // Signed by a namesake of B, with B's phone given as the courier's: not B's letter.
      const courier = 'Proszę o dodatkową kartę SIM na adres z umowy. Kurier\n(tel. 602 000 000) nie mógł trafić.\n\nPozdrawiam\nJan Kowalski';
      expect(extractIdentifiers(courier).phones).toEqual([]);
      expect((await match(extractIdentifiers(courier))).kind).not.toBe('matched');
      expectMatched(await match(extractIdentifiers(courier.replace('Kurier\n(tel. 602 000 000) nie mógł trafić.', 'Proszę o kontakt: tel. 602 000 000.'))), B.customerId);
      // "numer klienta w Orange" equal to A's customer number: the letter is C's by PESEL and address.
      const ported = `Jan Kowalski\nal. Jerozolimskie 100\n00-950 Warszawa\nPESEL ${C.pesel}\n\nPrzeniosłem numer z Orange (numer klienta w Orange: ${A.customerId}).\n\nJan Kowalski`;
      expect(extractIdentifiers(ported).customerNumbers).toEqual([]);
      expectMatched(await match(extractIdentifiers(ported)), C.customerId);
    });

    it('leaves a letter signed by a couple at one address to a person, with both as candidates', async () => {
      const couple = extractIdentifiers('Anna i Ewa Nowakowie\nul. Leśna 3\n80-001 Gdańsk\n\nProsimy o zmianę pakietu.\n\nAnna i Ewa Nowakowie');
      expect(couple.names).toEqual(expect.arrayContaining([{ first: 'Anna', last: 'Nowak' }, { first: 'Ewa', last: 'Nowak' }]));
      const r = await match(couple);
      expect(r.kind).toBe('ambiguous');
      expect(ids(r).slice(0, 2).sort()).toEqual([E.customerId, F.customerId].sort());
    });

    it('takes a double-barrelled surname for the single one it adds to ("Nowak-Mazur" for Ewa Nowak)', async () => {
      const r = await match(extractIdentifiers('Ewa Nowak-Mazur\nul. Leśna 3\n80-001 Gdańsk\n\nProszę o zmianę nazwiska na dwuczłonowe.\n\nEwa Nowak-Mazur'));
      expectMatched(r, F.customerId);
    });

    it("puts the namesake in the date line's town first, and decides nothing on a name and a town", async () => {
      const r = await match(extractIdentifiers('Kraków, 12.11.2026 r.\n\nReklamacja\n\nTechnik nie przyszedł.\n\nJan Kowalski'));
      expect(r.kind).not.toBe('matched');
      expect(ids(r)[0]).toBe(B.customerId);
      // A court's date line is the court's town.
      expect(extractIdentifiers('Sąd Rejonowy w Krakowie\nKraków, 12.11.2026 r.\nNakaz zapłaty').writtenIn).toBeUndefined();
      // It is never evidence: a wife quoting her husband's number from their town is not his letter.
      const wife = await match(extractIdentifiers('Gdańsk, 12.11.2026\n\nnr klienta: 2000000008\n\nProszę o wyłączenie roamingu.\n\nEwa Nowak'));
      expect(wife.kind).not.toBe('matched');
      expect(wife.candidates.every((c) => !c.evidence.includes('city'))).toBe(true);
    });

    it('reads a signature with an initial ("A. Nowak") as the one of that initial at the address', async () => {
      const text = 'ul. Leśna 3\n80-001 Gdańsk\n\nProszę o duplikat faktury.\n\nZ poważaniem\nA. Nowak';
      expect(extractIdentifiers(text).signer).toEqual({ first: 'A', last: 'Nowak' });
      expectMatched(await match(extractIdentifiers(text)), E.customerId);
    });

    it('does not take Maria for Marian at his address: two known names are two people', async () => {
      const wife = await match(extractIdentifiers('Maria Lis\nul. Kwiatowa 2\n10-001 Olsztyn\n\nProszę o zmianę pakietu.\n\nMaria Lis'));
      expect(wife.kind).not.toBe('matched');
      expectMatched(await match(extractIdentifiers('Marian Lis\nul. Kwiatowa 2\n10-001 Olsztyn\n\nProszę o zmianę pakietu.\n\nMarian Lis')), P.customerId);
      // His address at o2.pl read with a zero for the o.
      const mail = await match(letter({ emails: ['marian.lis@02.pl'], names: [{ first: 'Marian', last: 'Lis' }] }));
      expect(mail.kind === 'matched' && mail.evidence).toEqual(['email', 'name']);
      // Without a name the address alone must find him for the person who decides.
      expect(ids(await match(letter({ emails: ['marian.lis@02.pl'] })))).toEqual([P.customerId]);
      // A first name the OCR damaged is still his.
      expectMatched(await match(letter({ names: [{ first: 'Mariam', last: 'Lis' }], addresses: [{ street: 'ul. Kwiatowa 2', postalCode: '10-001', city: 'Olsztyn' }] })), P.customerId);
    });

    it("lists the writer before the neighbour whose invoice the letter encloses", async () => {
      const r = await match(extractIdentifiers('Anna Nowak\nul. Leśna 3\n80-001 Gdańsk\n\nW załączeniu przesyłam fakturę mojego ' +
        'sąsiada, Pana Jana Kowalskiego, nr FV/2025/01/0001, który płaci za mój internet mniej niż ja. Proszę o wyjaśnienie.\n\nAnna Nowak'));
      expect(r.kind).toBe('ambiguous');
      const order = ids(r);
      expect(order[0]).toBe(E.customerId);
      // The neighbour (by invoice and name) and his namesakes come last.
      const kowalskis = [A, B, C].map((c) => c.customerId);
      expect(order.slice(order.indexOf(A.customerId)).every((id) => kowalskis.includes(id))).toBe(true);
    });

    it('decides for the principal by the number the letter gives as the principal\'s own, never by the writer\'s', async () => {
      const text = (number: string) => 'Ewa Lewandowska\nul. Wiejska 22\n15-351 Białystok\n\nPiszę w imieniu mojego syna, Michała ' +
        `Lewandowskiego, który studiuje w Lizbonie. ${number} naliczono opłaty za roaming.\n\nZ poważaniem\nEwa Lewandowska`;
      const own = extractIdentifiers(text('Na numer syna\n\n698 112 334'));
      expect(own.principalPhones).toEqual(['698112334']);
      expectMatched(await match(own), H.customerId);
      // The mother's own number as her contact is no evidence for her: the son she writes for, named
      // in full and living at the letter's address, is whose matter it is (blind test AR: a son
      // writing for his father at their one address went to a person).
      const contact = await match(extractIdentifiers(text('Mój telefon 601 555 444.')));
      expectMatched(contact, H.customerId);
      expect(ids(contact)).toEqual([H.customerId, I.customerId]);
      // "Jego telefon stacjonarny nr …", "abonenta numeru …": the principal's own number too (blind test Z).
      expect(extractIdentifiers(text('Jego telefon stacjonarny nr 698 112 334 nie działa, a')).principalPhones).toEqual(['698112334']);
      expect(extractIdentifiers(text('Jest abonentem numeru 698 112 334, na który')).principalPhones).toEqual(['698112334']);
    });

    it('does not match a writer who quotes her own number in a letter about a relative she names (blind test Z)', async () => {
      const letter = 'Ewa Lewandowska\nul. Wiejska 22\n15-351 Białystok\n\nRozwiązanie umowy syna\n\nMój syn, Michał Lewandowski, ' +
        'wyjechał na stałe za granicę. Proszę o rozwiązanie jego umowy na internet.\n\nJestem również Państwa klientką (mój nr ' +
        `klienta: ${I.customerId}), moja umowa pozostaje bez zmian.\n\nEwa Lewandowska`;
      const read = extractIdentifiers(letter);
      expect(read.principals).toEqual([{ first: 'Michał', last: 'Lewandowski' }]);
      const r = await match(read);
      expect(r.kind).toBe('ambiguous');
      expect(ids(r)).toEqual(expect.arrayContaining([H.customerId, I.customerId]));
      // A relative named without a line or contract of theirs, who takes over or is authorised, is no principal.
      expect(extractIdentifiers(letter.replace('Mój syn, Michał Lewandowski, wyjechał', 'Mój syn wyjechał')).principals).toBeUndefined();
      const authorised = 'Od teraz moje sprawy ma za mnie załatwiać mój syn, Michał Lewandowski. Może dzwonić i pytać o rachunki.';
      expect(extractIdentifiers(`${letter.split('\n\n').slice(0, 2).join('\n\n')}\n\n${authorised}`).principals).toBeUndefined();
      expect(extractIdentifiers('Wnoszę o przeniesienie umowy na mojego syna, Michała Lewandowskiego, bo jego umowa…').principals).toBeUndefined();
    });

    it("holds back an identifier of a namesake elsewhere when one of the letter's name lives at its address (blind test AB)", async () => {
      // B's customer number (a hand-written number misread into B's) in a letter from Jan Kowalski of
      // ul. Długa 5/3, 00-950 Warszawa: A lives there, B in Kraków.
      const text = (number: string) => `Jan Kowalski\nul. Długa 5/3\n00-950 Warszawa\nnr klienta ${number}\n\nProszę o naprawę linii.\n\nJan Kowalski`;
      const r = await match(extractIdentifiers(text(B.customerId)));
      expect(r.kind).toBe('ambiguous');
      expect(ids(r).slice(0, 2).sort()).toEqual([A.customerId, B.customerId].sort());
      // B writing from a new address where no namesake lives is still B (a customer who moved).
      expectMatched(await match(extractIdentifiers(text(B.customerId).replace('ul. Długa 5/3\n00-950 Warszawa', 'ul. Leśna 8\n80-300 Gdańsk'))), B.customerId);
    });

    it('lets an identifier the OCR read with low confidence decide only where the letter\'s address agrees (blind test AB)', async () => {
      // Jan Kowalski writes by hand from a new address; his number, misread, is exactly B's.
      const moved = { customerNumbers: [B.customerId], names: [{ first: 'Jan', last: 'Kowalski' }], postalCodes: ['62-200'],
        addresses: [{ street: 'ul. Nowa 1', postalCode: '62-200', city: 'Gniezno' }] };
      expectMatched(await match(moved), B.customerId);
      const unsure = await match({ ...moved, doubtful: [B.customerId] });
      expect(unsure.kind).toBe('ambiguous');
      expect(unsure.candidates[0]).toMatchObject({ customerId: B.customerId, cautions: expect.arrayContaining(['low_confidence_read']) });
      // The same unsure number beside B's own address, or beside a second identifier of B's, decides.
      expectMatched(await match({ ...moved, doubtful: [B.customerId], postalCodes: ['30-001'],
        addresses: [{ street: 'ul. Polna 12', postalCode: '30-001', city: 'Kraków' }] }), B.customerId);
      expectMatched(await match({ ...moved, doubtful: [B.customerId], phones: ['602000000'] }), B.customerId);
      // Two unsure identifiers of B's agreeing decide too: two misreads do not land on one customer.
      expectMatched(await match({ ...moved, phones: ['602 000 000'], doubtful: [B.customerId, '602 000 000'] }), B.customerId);
      // A number alone, without a name, read unsure: the same.
      expect((await match({ customerNumbers: [E.customerId], doubtful: [E.customerId] })).kind).not.toBe('matched');
      expectMatched(await match({ customerNumbers: [E.customerId] }), E.customerId);
      // A checksummed number read unsurely but valid, beside the full name: no misreading lands there
      // by chance (blind test AR, a fax). A surname alone, or the number alone, is not enough.
      const fax = { pesels: [B.pesel!], doubtful: [B.pesel!], names: [{ first: 'Jan', last: 'Kowalski' }] };
      expectMatched(await match(fax), B.customerId);
      expect((await match({ ...fax, names: [{ first: '', last: 'Kowalski' }] })).kind).not.toBe('matched');
      expect((await match({ ...fax, names: [] })).kind).not.toBe('matched');
    });

    it('leaves a lone number to a person when the letter gives another address and none of the names (blind test BA)', async () => {
      const radom = { postalCodes: ['26-600'], addresses: [{ street: 'ul. Konopnickiej 40', postalCode: '26-600', city: 'Radom' }] };
      const r = await match({ ...radom, customerNumbers: [U.customerId] });
      expect(r.kind !== 'matched' && r.reason).toMatch(/only identifier points to a customer living elsewhere/);
      expect(ids(r)).toContain(U.customerId);
      // Who moved says who they are; without an address, or from an institution, the number decides as before.
      expectMatched(await match({ ...radom, customerNumbers: [U.customerId], names: [{ first: 'Marek', last: 'Dąbrowski' }] }), U.customerId);
      expectMatched(await match({ customerNumbers: [U.customerId] }), U.customerId);
      expectMatched(await match({ ...radom, customerNumbers: [U.customerId], fromInstitution: true }), U.customerId);
      // A house number the OCR damaged on the customer's own street is no other address.
      expectMatched(await match({ customerNumbers: [U.customerId], addresses: [{ street: 'ul. Zgierska 901', postalCode: null, city: null }] }), U.customerId);
    });

    it("leaves a number and a name to a person when a namesake holds the number one misread digit away (blind test AE)", async () => {
      const marek = { names: [{ first: 'Marek', last: 'Dąbrowski' }] };
      const opts = { ocrVariants: ocrDigitVariants };
      // A stain turned T's 1079349859 into U's 1979349859: both are listed, T among the first.
      const stained = await match({ ...marek, customerNumbers: [U.customerId] }, opts);
      expect(stained.kind).toBe('ambiguous');
      expect(ids(stained).slice(0, 2)).toEqual([U.customerId, T.customerId]);
      // The same for phones, and either way round.
      expect((await match({ ...marek, phones: ['512 300 100'] }, opts)).kind).toBe('ambiguous');
      expect((await match({ ...marek, customerNumbers: [T.customerId] }, opts)).kind).toBe('ambiguous');
      // The leader's own address, or a second identifier of theirs, tells them apart.
      expectMatched(await match({ ...marek, customerNumbers: [U.customerId], postalCodes: ['91-001'],
        addresses: [{ street: 'ul. Zgierska 90', postalCode: '91-001', city: 'Łódź' }] }, opts), U.customerId);
      expectMatched(await match({ ...marek, customerNumbers: [U.customerId], phones: ['512300100'] }, opts), U.customerId);
      // Without the look-alike reading (no namesake holds one) a number and a name still decide.
      expectMatched(await match({ names: [{ first: 'Anna', last: 'Nowak' }], customerNumbers: [E.customerId] }, opts), E.customerId);
    });

    it('finds a married woman by the maiden name she gives, signed with her new one', async () => {
      const text = 'Anna Wiśniewska (z domu Nowak)\nul. Leśna 3\n80-001 Gdańsk\n\nZmieniłam nazwisko z Nowak na Wiśniewska. ' +
        'Proszę o zmianę nazwiska w umowie.\n\nZ poważaniem\nAnna Wiśniewska';
      const read = extractIdentifiers(text);
      expect(read.formerNames).toEqual([{ first: 'Anna', last: 'Nowak' }]);
      expectMatched(await match(read), E.customerId);
      expect((await match(extractIdentifiers(text.replace(' (z domu Nowak)', '').replace('z Nowak na Wiśniewska', 'po ślubie')))).kind).not.toBe('matched');
    });

    it('leaves a sole trader\'s letter about "my firm" to a person when it reads as the private account', async () => {
      const text = (about: string) => `Adam Kowal\nul. Słoneczna 3\n30-003 Kraków\ntel. 605 000 111\n\n${about} jest zawyżona, ` +
        'proszę o korektę.\n\nZ poważaniem\nAdam Kowal';
      const firm = await match(extractIdentifiers(text('Faktura dla mojej firmy za październik')));
      expect(firm.kind !== 'matched' && firm.reason).toMatch(/firm of their own/);
      expect(ids(firm)).toEqual(expect.arrayContaining([K.customerId, L.customerId]));
      expectMatched(await match(extractIdentifiers(text('Faktura za mój telefon za październik'))), L.customerId);
      // The business account whose owner the export named only inside the firm's name (blind test AU).
      const home = await match(extractIdentifiers('Zenon Pawlak\nul. Husarska 9/4\n05-120 Legionowo\n\nProwadzę firmę remontową i mam u Państwa telefon firmowy. ' +
        'Na ostatniej fakturze za firmowy numer pojawiły się opłaty, których nie zamawiałem. Składam reklamację.\n\nZenon Pawlak'));
      expect(home.kind !== 'matched' && home.reason).toMatch(/firm of their own/);
      expect(ids(home)).toEqual(expect.arrayContaining([K2.customerId, L2.customerId]));
      // Named only to say the letter is not about it (blind test M): the private account it is.
      expectMatched(await match(extractIdentifiers(text('Pismo nie dotyczy usług mojej firmy, mam je na osobnej umowie firmowej. Faktura za mój telefon'))), L.customerId);
    });

    it('does not give a letter to the customer whose data a misdirected reply showed the writer', async () => {
      const reply = 'Pana Jana Kowalskiego (nr klienta 2000000001), zam. ul. Długa 5/3, 00-950 Warszawa';
      // On paper, naming him as "another customer", the writer's own number not given.
      const paper = `Anna Nowak\nul. Leśna 3\n80-001 Gdańsk\n\nNa moją reklamację otrzymałam odpowiedź dotyczącą ` +
        `innego klienta: ${reply}. Proszę o rozpatrzenie mojej reklamacji.\n\nAnna Nowak`;
      const a = await match(extractIdentifiers(paper));
      expect(a.kind).toBe('ambiguous');
      expect(ids(a)).toEqual(expect.arrayContaining([A.customerId, E.customerId]));
      // As an e-mail printout quoting the reply, with no word for it: two people each identified.
      const mail = 'Od: Anna Nowak <anna.nowak@example.pl>\n\nDzień dobry,\nPaństwa odpowiedź dotyczy kogoś innego.\n\nAnna Nowak\n' +
        `tel. 603 111 222\n\n-------- Wiadomość oryginalna --------\nw odpowiedzi na reklamację złożoną przez ${reply}, informujemy, ` +
        'że reklamacja została uznana.\n\nZ poważaniem\nAnna Sowa, Dział Reklamacji';
      const b = await match(extractIdentifiers(mail));
      expect(b.kind !== 'matched' && b.reason).toMatch(/two people are identified/);
      // His own letter quoting the same reply is his.
      expectMatched(await match(extractIdentifiers(`Jan Kowalski\nul. Długa 5/3\n00-950 Warszawa\n\nW nawiązaniu do odpowiedzi na reklamację ` +
        `złożoną przez ${reply} proszę o zwrot.\n\nJan Kowalski`)), A.customerId);
    });

    it('does not give a firm\'s letter written for a customer (a funeral home for the deceased) to the firm', async () => {
      const text = 'Zakład Pogrzebowy Anioł Beata Nowicka\nul. Lubelska 55, 22-400 Zamość tel. 84 638 77 00 NIP ' + nipFor(30) + '\n\n' +
        'Działając w imieniu rodziny zmarłego w dniu 30 października 2026 r. pana Zdzisława Kowalczyka, zam. ul. Szczebrzeska 20, ' +
        '22-400 Zamość, prosimy o rozwiązanie umowy.\n\nZ wyrazami szacunku\nB. Nowicka';
      const read = extractIdentifiers(text);
      expect(read.principals).toEqual([{ first: 'Zdzisław', last: 'Kowalczyk' }]);
      const r = await match(read);
      expect(r.kind !== 'matched' && r.reason).toMatch(/on behalf of a person who is a customer/);
      expect(ids(r)).toEqual(expect.arrayContaining([M.customerId, N.customerId]));
      // The firm writing for itself ("w imieniu Zakładu … Beata Nowicka") is its own principal.
      expectMatched(await match(extractIdentifiers(text.replace(/Działając w imieniu rodziny[^,]+,[^,]+,[^,]+,/, 'Działając w imieniu Zakład Pogrzebowy Anioł Beata Nowicka,'))), M.customerId);
    });

    it('offers the customers at the letter\'s exact address when no name was read, but decides for none', async () => {
      const r = await match({ postalCodes: ['80-001'], addresses: [{ street: 'ul. Leśna 3', postalCode: '80-001', city: 'Gdańsk' }] });
      expect(r.kind).toBe('ambiguous');
      expect(ids(r)).toEqual(expect.arrayContaining([E.customerId, F.customerId]));
      // A street without its house number narrows nothing.
      expect(ids(await match({ postalCodes: ['80-001'], addresses: [{ street: 'ul. Leśna', postalCode: '80-001', city: 'Gdańsk' }] }))).toEqual([]);
    });

    it('does not decide on a phone alone, but offers its holder', async () => {
      const r = await match({ phones: ['602000000'] });
      expect(r.kind).toBe('ambiguous');
      expect(ids(r)).toEqual([B.customerId]);
    });

    it('tells namesakes apart by street and postal code', async () => {
      const r = await match({ names: [{ first: 'Jan', last: 'Kowalski' }], addresses: [{ street: 'Długa 5 m. 3', postalCode: '00-950', city: 'Warszawa' }] });
      expectMatched(r, A.customerId);
      expect(r.kind === 'matched' && r.evidence.sort()).toEqual(['address', 'name', 'postal_code']);
      const byTown = await match({ names: [{ first: 'Jan', last: 'Kowalski' }], addresses: [{ street: 'ul. Polna 12', postalCode: null, city: 'KRAKÓW' }] });
      expectMatched(byTown, B.customerId);
      // The town is named as what it is, not as a postal code the letter never gave.
      expect(byTown.kind === 'matched' && byTown.evidence.sort()).toEqual(['address', 'city', 'name']);
      // Street lines written without "ul." (blind test O), read from the letter's text.
      const read = (text: string) => matchCustomer(t.db, extractIdentifiers(text), { ocrVariants: ocrDigitVariants });
      expectMatched(await read('Jan Kowalski\nDługa 5/3, 00-950 Warszawa\n\nProszę o duplikat faktury.'), A.customerId);
      expectMatched(await read('Jan Kowalski\nWarszawa, Długa 5 m. 3\n\nProszę o duplikat faktury.'), A.customerId);
      expectMatched(await read('Jan Kowalski\nPolna 12\nKraków\n\nProszę o duplikat faktury.'), B.customerId);
    });

    it('forgives one misread digit of the postal code only when the town agrees too', async () => {
      const techbud = { companyNames: ['Techbud Sp. z o.o.'] };
      expectMatched(await match({ ...techbud, postalCodes: ['60-007'], addresses: [{ street: 'ul. Przemysłowa 7', postalCode: '60-007', city: 'Poznam' }] }), D.customerId);
      const elsewhere = await match({ ...techbud, postalCodes: ['60-007'], addresses: [{ street: 'ul. Przemysłowa 7', postalCode: '60-007', city: 'Gdańsk' }] });
      expect(elsewhere.kind).not.toBe('matched');
    });

    it('leaves namesakes without a street to a person, listing both', async () => {
      const r = await match({ names: [{ first: 'Jan', last: 'Kowalski' }], addresses: [{ street: null, postalCode: '00-950', city: 'Warszawa' }] });
      expect(r.kind).toBe('ambiguous');
      expect(ids(r).slice(0, 2).sort()).toEqual([A.customerId, C.customerId]);
    });

    it('keeps a stranger unmatched, even one living on a customer street', async () => {
      const r = await match({ names: [{ first: 'Piotr', last: 'Wiśniewski' }], phones: ['609999999'],
        addresses: [{ street: 'ul. Długa 5', postalCode: '00-950', city: 'Warszawa' }] });
      expect(r.kind).toBe('unmatched');
      const namesake = await match({ names: [{ first: 'Jan', last: 'Kowalski' }], addresses: [{ street: 'ul. Słoneczna 8', postalCode: '02-495', city: 'Warszawa' }] });
      expect(namesake.kind).not.toBe('matched');
    });

    it('does not match a relative on a shared address', async () => {
      const r = await match({ names: [{ first: 'Ewa', last: 'Nowak' }], phones: ['603111222'], addresses: [{ street: 'Leśna 3', postalCode: '80-001', city: 'Gdańsk' }] });
      // Ewa's name and address, Anna's phone: the letter is probably Ewa's, but not clearly enough.
      expect(r.kind).toBe('ambiguous');
      expect(ids(r).slice(0, 2)).toEqual([F.customerId, E.customerId]);
      const anna = await match({ names: [{ first: 'Ewa', last: 'Nowak' }], customerNumbers: [E.customerId] });
      expect(anna.kind).not.toBe('matched');
    });

    it('repairs an OCR-damaged customer number only when one reading exists', async () => {
      expect((await match({ customerNumbers: ['2OOOOOOOO8'], names: [{ first: 'Anna', last: 'Nowak' }] })).kind).not.toBe('matched');
      expectMatched(await match({ customerNumbers: ['2OOOOOOOO8'], names: [{ first: 'Anna', last: 'Nowak' }] }, { ocrVariants: lookalikes }), E.customerId);
      // "B" read as 8 or 3: both numbers exist, so the reading is not trusted.
      const twoReadings = (tok: string) => (tok.endsWith('B') ? ['3', '8'].map((d) => tok.slice(0, -1).replace(/O/g, '0') + d) : []);
      const r = await match({ customerNumbers: ['2OOOOOOOOB'], names: [{ first: 'Jan', last: 'Kowalski' }] }, { ocrVariants: twoReadings });
      expect(r.kind).not.toBe('matched');
      expect(ids(r)).toEqual(expect.arrayContaining([C.customerId, E.customerId]));
    });

    it('calls conflicting strong identifiers ambiguous', async () => {
      const r = await match({ customerNumbers: [A.customerId], pesels: [B.pesel!], names: [{ first: 'Jan', last: 'Kowalski' }] });
      expect(r.kind).toBe('ambiguous');
      expect(ids(r).slice(0, 2).sort()).toEqual([A.customerId, B.customerId]);
      // Identifiers of one kind conflict too: an accounting office (a customer) writing about its
      // client (a customer) gives both NIPs, its own with its name and address.
      const office = await match({ nips: [D.nip!, G.nip!], companyNames: ['Techbud Sp. z o.o.'],
        addresses: [{ street: 'ul. Przemysłowa 7', postalCode: '60-001', city: 'Poznań' }] });
      expect(office.kind).toBe('ambiguous');
      expect(ids(office)).toEqual(expect.arrayContaining([D.customerId, G.customerId]));
    });

    it('finds candidates through indexes only, never a scan of the customer tables', async () => {
      // The test tables are tiny, so the planner would rightly prefer scans; with scans priced
      // out, one would still appear for any branch that has no usable index.
      const plan = await t.db.transaction(async (tx) => {
        await tx.query('SET LOCAL enable_seqscan = off');
        const res = await tx.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${LOOKUP_SQL}`, lookupParams({
          customerNumbers: [A.customerId], pesels: [A.pesel!], nips: [D.nip!], regons: ['123456785'], krs: ['0000123456'], phones: ['601234567'],
          invoices: ['FV/2025/01/0001'], contracts: ['UM20250001'], emails: [A.email!], lastNames: ['kowalski'], firstNames: ['jan'],
          postalCodes: ['00-950'], cities: ['warszawa'], companies: ['techbud'], streets: ['dluga 5'],
        }));
        return res.rows.map((r) => r['QUERY PLAN']).join('\n');
      });
      expect(plan).toMatch(/Index/);
      expect(plan).not.toMatch(/Seq Scan on customer/);
    });

    it('matches an institution letter to the debtor by identifier or full address, never by name alone', async () => {
      const debtor = [{ first: 'Jan', last: 'Kowalski' }];
      const bailiff = [{ first: 'Marek', last: 'Zieliński' }];
      const office = [{ street: 'ul. Sądowa 1', postalCode: '00-950', city: 'Warszawa' }];
      expectMatched(await match({ fromInstitution: true, pesels: [C.pesel!], names: [...bailiff, ...debtor], addresses: office }), C.customerId);
      // Courts often name the debtor by name and address only: the full combination decides.
      const byAddress = await match({ fromInstitution: true, names: [...bailiff, ...debtor], addresses: [...office, { street: 'al. Jerozolimskie 100', postalCode: '00-950', city: 'Warszawa' }] });
      expectMatched(byAddress, C.customerId);
      // The debtor's name with only the court's own address is not enough.
      const byName = await match({ fromInstitution: true, names: [...bailiff, ...debtor], addresses: office });
      expect(byName.kind).not.toBe('matched');
    });
  });
}
