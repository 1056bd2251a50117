import { describe, expect, it } from 'vitest';
import { ocrSame, ocrSameFirstName } from '../../router/match-ocr.js';
import { scoreCandidate, type LetterKeys } from '../../router/match-score.js';
import { sameStreet, sameTown } from '../../router/match-compare.js';
import { foldCompany, foldStreet } from '../../router/fold.js';
import type { CandidateRow } from '../../router/match-lookup.js';

const row: CandidateRow = {
  customer_id: '4135229762', segment: 'individual', first_name_key: 'anna', last_name_key: 'krawczyk', company_key: null,
  pesel: '55072521403', nip: null, regon: null, krs: null, street_key: 'klonowa 94', postal_code: '40-811', city_key: 'katowice', email: null,
  phones: [], invoice_numbers: [], contract_numbers: [], hits: [],
};

function letter(over: Partial<LetterKeys>): LetterKeys {
  return {
    customerNumbers: new Map(), readNumbers: [], phones: new Map(), pesels: new Set(), nips: new Set(), regons: new Set(), krs: new Set(), checksumRepaired: new Set(), doubtful: new Set(), invoices: new Set(), repairedInvoices: new Set(), contracts: new Set(), emails: new Set(), readEmails: [],
    names: [], principals: [], principalPhones: new Set(), signerNames: [], thirdParties: [], companies: [], streets: [], postalCodes: new Set(), cities: new Set(),
    places: (over.streets ?? []).map((street) => ({ street, postalCode: null, city: null })), ...over,
  };
}

describe('OCR-tolerant names and streets', () => {
  it.each([['krawczylc', 'krawczyk'], ['grabovvska', 'grabowska'], ['majewka', 'majewska'], ['wasjlewska', 'wasilewska'], ['klonovva', 'klonowa']])(
    'reads %s as %s', (a, b) => expect(ocrSame(a, b)).toBe(true),
  );

  it.each([['lis', 'lin'], ['nowak', 'nowicka'], ['kowalczyk', 'kowalewski'], ['zajac', 'zawada']])('keeps %s and %s apart', (a, b) => {
    expect(ocrSame(a, b)).toBe(false);
  });

  it('forgives first names only an OCR shape apart, never another name of the family', () => {
    expect(ocrSameFirstName('jolanla', 'jolanta')).toBe(true);
    expect(ocrSameFirstName('marta', 'maria')).toBe(false);
    expect(ocrSameFirstName('anna', 'anita')).toBe(false);
  });

  it('takes one of two given names for the customer\'s ("Anna" for "Anna Maria", and the other way)', () => {
    const two = { ...row, first_name_key: 'anna maria' };
    expect(scoreCandidate(two, letter({ names: [{ first: 'anna', last: 'krawczyk' }] }), false).fullName).toBe(true);
    expect(scoreCandidate(row, letter({ names: [{ first: 'anna maria', last: 'krawczyk' }] }), false).fullName).toBe(true);
    expect(scoreCandidate(two, letter({ names: [{ first: 'marta', last: 'krawczyk' }] }), false).fullName).toBe(false);
  });

  it('does not let an OCR-damaged surname cancel a PESEL', () => {
    const s = scoreCandidate(row, letter({ pesels: new Set(['55072521403']), names: [{ first: 'anna', last: 'krawczylc' }] }), false);
    expect(s.evidence).toEqual(['pesel', 'name']);
    expect(s.points).toBe(8);
  });

  it('still penalises a different surname next to a PESEL', () => {
    const s = scoreCandidate(row, letter({ pesels: new Set(['55072521403']), names: [{ first: 'anna', last: 'zielinska' }] }), false);
    expect(s.points).toBe(3);
  });

  it('takes an OCR-damaged street name for the street when the house number agrees', () => {
    const k = letter({ names: [{ first: 'anna', last: 'krawczyk' }], streets: ['klonovva 94'], postalCodes: new Set(['40-811']) });
    expect(scoreCandidate(row, k, false).evidence).toEqual(['name', 'address', 'postal_code']);
    expect(scoreCandidate(row, { ...k, streets: ['klonovva 95'], places: [{ street: 'klonovva 95', postalCode: null, city: null }] }, false).evidence).toEqual(['name', 'postal_code']);
  });
});

describe('towns declined in prose', () => {
  it.each([['kielcach', 'kielce'], ['krakowie', 'krakow'], ['warszawie', 'warszawa'], ['gdansku', 'gdansk'], ['lodzi', 'lodz'], ['poznaniu', 'poznan'], ['lublinie', 'lublin'],
    ['nowym targu', 'nowy targ'], ['zielonej gorze', 'zielona gora'], ['bialej podlaskiej', 'biala podlaska'], ['opolu', 'opole'], ['zakopanem', 'zakopane']])(
    'reads %s as %s', (a, b) => expect(sameTown(a, b)).toBe(true),
  );
  it.each([['krakowie', 'krosno'], ['kielcach', 'kielno'], ['radomiu', 'radomsko'], ['lodzi', 'lodygowice'],
    ['nowym targu', 'nowy sacz'], ['nowym targu', 'targ'], ['starym miescie', 'nowe miasto']])('keeps %s and %s apart', (a, b) => {
    expect(sameTown(a, b)).toBe(false);
  });

  it('counts the declined town as the town when the letter gives no postal code', () => {
    const k = letter({ names: [{ first: 'anna', last: 'krawczyk' }], streets: ['sienkiewicza 60/2'], cities: new Set(['kielcach']) });
    const c = { ...row, first_name_key: 'anna', last_name_key: 'krawczyk', street_key: 'sienkiewicza 60/2', postal_code: '25-001', city_key: 'kielce' };
    expect(scoreCandidate(c, k, false).evidence).toEqual(['name', 'address', 'city']);
  });
});

describe('streets declined in prose, company forms as OCR reads them', () => {
  it('reads an adjective street in any case, with the same house number only', () => {
    const same = (a: string, b: string) => sameStreet(foldStreet(a), foldStreet(b));
    expect(same('ul. Hetmańskiej 14 lok. 3', 'ul. Hetmańska 14 m. 3')).toBe(true);
    expect(same('ul. Długiej 5', 'ul. Długa 5')).toBe(true);
    expect(same('ul. Długiej 6', 'ul. Długa 5')).toBe(false);
    expect(same('ul. Polnej 5', 'ul. Kwiatowa 5')).toBe(false);
    // Another flat of the same building is another household; a flat left out proves nothing against.
    expect(same('ul. Głogowska 20/7', 'ul. Głogowska 20 m. 1')).toBe(false);
    expect(same('ul. Głogowska 20 m. 1', 'Głogowska 20/1')).toBe(true);
    expect(same('ul. Głogowska 20', 'ul. Głogowska 20/1')).toBe(true);
  });

  it("reads a street named after a person without the title and given names the master holds, and 'AK' (blind test O)", () => {
    const same = (a: string, b: string) => sameStreet(foldStreet(a), foldStreet(b));
    expect(same('ul. Kościuszki 17/2', 'Tadeusza Kościuszki 17/2')).toBe(true);
    expect(same('ul. Bema 12/4', 'Gen. Józefa Bema 12/4')).toBe(true);
    expect(same('ul. marsz. J. Piłsudskiego 3', 'Marszałka Józefa Piłsudskiego 3')).toBe(true);
    expect(same('AL. AK 101 M 3', 'Al. Armii Krajowej 101 m 3')).toBe(true);
    expect(same('Tadeusza Kościuszki 17', 'ul. Kościuszki 17')).toBe(true);
    expect(same('ul. Kościuszki 18', 'Tadeusza Kościuszki 17')).toBe(false);
    expect(same('ul. J. Bema 12', 'Gen. Józefa Bema 12')).toBe(true);
    expect(same('ul. K. Bema 12', 'Gen. Józefa Bema 12')).toBe(false);
    expect(same('ul. Armii 5', 'Armii Krajowej 5')).toBe(false);
  });

  it('credits a street only where the letter puts it: not beside another postal code and town, nor another town', () => {
    const poznan = { ...row, street_key: 'grunwaldzka 48 7', postal_code: '60-311', city_key: 'poznan' };
    const at = (postalCode: string | null, city: string | null) =>
      scoreCandidate(poznan, letter({ places: [{ street: 'grunwaldzka 48 7', postalCode, city }] }), false).evidence.includes('address');
    expect(at('62-030', 'lubon')).toBe(false);
    expect(at(null, 'lubon')).toBe(false);
    expect(at('60-311', 'poznan')).toBe(true);
    expect(at(null, null)).toBe(true);
    // A code misread, or an old one, in the customer's own town still counts.
    expect(at('61-001', 'poznaniu')).toBe(true);
    expect(at('60-811', null)).toBe(true);
  });

  it('drops "Sp. z 0.0." as it drops "Sp. z o.o."', () => {
    expect(foldCompany('Budmax sp. z 0.0.')).toBe('budmax');
    expect(foldCompany('KONTO-PLUS Serwis Sp. z 0.0.')).toBe('konto plus serwis');
  });
});
