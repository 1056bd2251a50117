import { describe, expect, it } from 'vitest';
import { joinSpacedLetters } from '../../classifier/spaced-letters.js';
import { rewriteFormFields } from '../../classifier/form-fields.js';
import { extractIdentifiers } from '../../classifier/identifiers.js';
import { peselFor } from '../../router/synthetic-customers.js';

describe('boxed form fields (one block capital per box)', () => {
  it('joins runs of single letters or digits, and leaves prose and mixed addresses alone', () => {
    expect(joinSpacedLetters('Nazwisko: Z I E L I Ń S K I')).toBe('Nazwisko: ZIELIŃSKI');
    expect(joinSpacedLetters('Tel. |6|0|1|2|3|4|5|6|7|')).toBe('Tel. 601234567');
    expect(joinSpacedLetters('Kod: 9 0 - 0 0 1 Poczta: Ł Ó D Ź')).toBe('Kod: 90-001 Poczta: ŁÓDŹ');
    // A house and flat number, Polish one-letter words, a legal form: as written.
    expect(joinSpacedLetters('ul. Lipowa 5 m 4, a i w z domu, Sp. z o.o.')).toBe('ul. Lipowa 5 m 4, a i w z domu, Sp. z o.o.');
  });

  it('rewrites separate name and address fields into a sender block', () => {
    const form = 'Imię: MAREK\nNazwisko: ZIELIŃSKI\nUlica: OGRODOWA  Nr domu: 1 2  Nr lokalu: 4\nKod pocztowy: 90-001  Miejscowość: ŁÓDŹ';
    expect(rewriteFormFields(form).split('\n').filter(Boolean)).toEqual(['Marek Zieliński', 'ul. Ogrodowa 12/4', '90-001 Łódź']);
    // Prose with a colon after an address word is no form.
    const prose = 'Proszę o zmianę adresu. Ulica: ta sama co wcześniej.';
    expect(rewriteFormFields(prose)).toBe(prose);
  });

  it('reads fields whose boxes the OCR dropped, a label and block capitals with no colon (blind test BA)', () => {
    const form = 'Numer klienta 4867695630\n\nImię * HELENA\n\nNazwisko * ZAWADZKA\n\nUlica, nr domu/lok. KONOPNICKIEJ 40\n' +
      'Kod pocztowy 26-600\n\nMiejscowość RADOM\n\nOpis sprawy:\nWypowiadam umowę.';
    const ids = extractIdentifiers(form);
    expect(ids.names).toEqual([{ first: 'Helena', last: 'Zawadzka' }]);
    expect(ids.addresses).toEqual([{ street: 'ul. Konopnickiej 40', postalCode: '26-600', city: 'Radom' }]);
    // A name in boxes comes out in pieces; two given names stay two.
    expect(extractIdentifiers('Imię * HENRY KA\n\nNazwisko * MI KOŁAJCZY K\nKod pocztowy 0 6 - 4 0 0\n\nMiejscowość CIECHANÓW').names)
      .toEqual([{ first: 'Henryka', last: 'Mikołajczyk' }]);
    expect(extractIdentifiers('Imię: ANNA MARIA\nNazwisko: NOWAK\nKod pocztowy: 00-950\nMiejscowość: WARSZAWA').names?.[0]?.last).toBe('Nowak');
    // Prose after a label word is no field.
    expect(rewriteFormFields('Nazwisko panieńskie mojej matki to Nowak.')).toBe('Nazwisko panieńskie mojej matki to Nowak.');
  });

  it('reads a row of labels over a row of values', () => {
    const ids = extractIdentifiers('NAZWISKO IMIĘ\n\nPAWLAK ANDRZEJ\n\nNUMER KLIENTA TELEFON\n\n4608345521 725118390\n');
    expect([ids.names, ids.customerNumbers, ids.phones]).toEqual([[{ first: 'Andrzej', last: 'Pawlak' }], ['4608345521'], ['725118390']]);
    // As many values as labels, or nothing is paired: a sentence under a label row stays as it is.
    expect(extractIdentifiers('NUMER KLIENTA TELEFON\nproszę o kontakt 725118390').customerNumbers).toEqual([]);
  });

  it("takes the customer's section of a form, not the representative's", () => {
    const ids = extractIdentifiers('Dane pełnomocnika\nImię: Marek\nNazwisko: Zieliński\n\nDane abonenta\nImię: ANNA\nNazwisko: NOWAK');
    expect(ids.names).toEqual([{ first: 'Anna', last: 'Nowak' }]);
  });

  it('reads a label printed alone above its value (boxes under small labels)', () => {
    const ids = extractIdentifiers('1. Dane Abonenta\n\nNazwisko\n\nKOŁODZIEJCZYK\nImię\n\nZBIGNIEW\n\nNumer klienta\n\n4603350718');
    expect(ids.names).toEqual([{ first: 'Zbigniew', last: 'Kołodziejczyk' }]);
  });

  it('reads "Ulica i numer" and a postal code in five boxes as one address block (blind test AJ)', () => {
    const form = 'Imię\n\nZbigniew\nNazwisko\nJasiński\n\nUlica i numer\n\nPolna 33\n\nKod pocztowy\n8 7 1 0 0\nMiejscowość\nToruń\n';
    expect(rewriteFormFields(form).split('\n').filter(Boolean)).toEqual(['Zbigniew Jasiński', 'ul. Polna 33', '87-100 Toruń']);
    expect(extractIdentifiers(form).addresses).toEqual([{ street: 'ul. Polna 33', postalCode: '87-100', city: 'Toruń' }]);
  });

  it('reads fields marked as required ("Numer klienta*:") and a customer number shared with the contract label', () => {
    const ids = extractIdentifiers(`Numer klienta / Nr umowy*: 4601238845 / UM/2019/220431\nPESEL *: ${peselFor(3, false)}\nNIP*: 5250001121`);
    expect(ids.customerNumbers).toEqual(['4601238845']);
    expect(ids.pesels).toEqual([peselFor(3, false)]);
    expect(ids.nips).toEqual(['5250001121']);
  });

  it('reads the sender of a boxed data-change form', () => {
    const pesel = peselFor(7, true);
    const boxed = (s: string) => [...s].join(' ');
    const ids = extractIdentifiers(['WNIOSEK O ZMIANĘ DANYCH', 'WYPEŁNIĆ DRUKOWANYMI LITERAMI',
      `Imię: ${boxed('MAREK')}`, `Nazwisko: ${boxed('ZIELIŃSKI')}`, `PESEL: ${boxed(pesel)}`,
      `Ulica: ${boxed('OGRODOWA')}  Nr domu: 1 2  Nr lokalu: 4`, `Kod pocztowy: ${boxed('90-001')}  Miejscowość: ${boxed('ŁÓDŹ')}`,
      'Nowy numer telefonu: 6 0 1 2 3 4 5 6 7'].join('\n'));
    expect(ids.names).toEqual([{ first: 'Marek', last: 'Zieliński' }]);
    expect(ids.pesels).toEqual([pesel]);
    expect(ids.addresses).toEqual([{ street: 'ul. Ogrodowa 12/4', postalCode: '90-001', city: 'Łódź' }]);
    expect(ids.phones).toEqual(['601234567']);
  });
});
