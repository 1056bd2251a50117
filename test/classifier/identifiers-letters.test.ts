import { describe, expect, it } from 'vitest';
import { extractIdentifiers } from '../../classifier/identifiers.js';
import { findPhones } from '../../classifier/phones.js';

// Ways of writing identifiers found in the hand-written letter corpus that the first patterns missed.
describe('customer numbers in the word orders letters use', () => {
  it.each([
    ['Klient nr 2588596350', '2588596350'],
    ['abonent nr 9628058716', '9628058716'],
    ['Jolanta Zając, klient 6300593912', '6300593912'],
    ['Nr umowy / klienta: 8704213799', '8704213799'],
    ['Konto klienta: 4406914720', '4406914720'],
    ['I am your customer (customer no. 4373485499)', '4373485499'],
  ])('reads %s', (text, want) => {
    expect(extractIdentifiers(text).customerNumbers).toEqual([want]);
  });

  it.each([
    ['Henryk Kucharski 1221669180', '1221669180'],
    ['Zbigniew Głowacki 950 265 0779', '9502650779'],
    ['Grażyna Czarnecka, nr 3545870488', '3545870488'],
  ])('reads the number written after the signature name: %s', (text, want) => {
    expect(extractIdentifiers(`proszę o zmianę.\n${text}`).customerNumbers).toEqual([want]);
  });

  it.each([
    'klientem jestem od 2015 roku', 'konto 12 1020 1026 0000 0102 0123 4567', 'Jan Kowalski 601 234 567',
    'Jan Kowalski, ur. 12.03.1980', 'umowa nr 1234567890',
  ])('finds no customer number in %s', (text) => {
    expect(extractIdentifiers(text).customerNumbers).toEqual([]);
  });
});

describe('phones introduced by the words telecom letters use', () => {
  it.each([
    ['Wypowiadam umowę na numer +48538107425.', '538107425'],
    ['Prosze zmienic moj numer kontaktowy na +48 738 107 425.', '738107425'],
    ['rejestracji karty prepaid na numer +48604721991.', '604721991'],
    ['nr telefonu na kartę: 509 973 626', '509973626'],
    ['proszę kontaktować się ze mną: 507 716 670.', '507716670'],
    ['danych abonenta numeru +48 89 663 72 47 w okresie', '896637247'],
    ['wykazu połączeń abonenta (numer 603 906 117) z okresu', '603906117'],
  ])('reads %s', (text, want) => {
    expect(findPhones(text).map((h) => h.phone)).toEqual([want]);
  });

  it('takes no phone from a call list\'s dates and times (blind test AJ)', () => {
    const list = 'Zestawienie połączeń do reklamacji\nData i godzina Numer Czas\n03.10.2026 23:14 +882 16 345 521 12:40\n05.10.2026 02:51 +882 16 345 521 03:15';
    expect(findPhones(list).map((h) => h.phone)).toEqual(['+88216345521', '+88216345521']);
  });

  it.each(['numer klienta 601234567', 'na numer konta 601234567', 'umowy nr 601234567', 'sygn. akt 601 234 567'])(
    'does not take a number a later keyword claims: %s', (text) => {
      expect(findPhones(text)).toEqual([]);
    },
  );
});

describe('institution letters', () => {
  it('keeps the phone that the sentence naming the subscriber gives before the subject word', () => {
    const text = 'PROKURATURA REJONOWA W RADOMSKU\ntel. 44 683 00 00\n\nPostanowienie w sprawie o przestępstwo na szkodę Aleksandry Dąbrowskiej.\n\n' +
      'zażądać wydania danych połączeń przychodzących na numer 720-364-381, którego abonentem jest pokrzywdzona Aleksandra Dąbrowska.';
    expect(extractIdentifiers(text).phones).toEqual(['720364381']);
  });

  it('keeps it when the sentence is wrapped, with the blank lines OCR puts between a paragraph\'s lines (blind test AT)', () => {
    const text = 'SĄD REJONOWY DLA KRAKOWA-PODGÓRZA W KRAKOWIE\nul. Przy Rondzie 7, 31-547 Kraków\ntel. 12 619 50 00\n\n' +
      'Sąd Rejonowy, II Wydział Karny, w sprawie przeciwko Markowi W., na podstawie art. 218 § 1 k.p.k.\n\n' +
      'zwraca się o nadesłanie w terminie 14 dni wykazu połączeń\n\nprzychodzących i wychodzących dla numeru 506 113 987, którego\n\n' +
      'abonentem jest pokrzywdzona Beata Kowalewska, za okres od 1 marca 2026 r.\n\nSędzia\nAnna Kaczmarczyk-Wilk';
    expect(extractIdentifiers(text).phones).toEqual(['506113987']);
    // The court's own number, in the header above the sentence, stays out.
    const header = text.replace('dla numeru 506 113 987, którego', 'dla numeru, którego');
    expect(extractIdentifiers(header).phones).toEqual([]);
  });

  it("keeps the debtor's address after the date of birth a blank line split from the name (blind test AW)", () => {
    const text = 'Komornik Sądowy przy Sądzie Rejonowym w Gdyni\nKancelaria Komornicza nr IV w Gdyni\nul. Kościuszki 4/5, 81-364 Gdynia\n\n' +
      'WEZWANIE DO UDZIELENIA INFORMACJI\n\nW sprawie egzekucyjnej przeciwko dłużniczce Pani Urszula Brzezińska, ur.\n\n' +
      '21.09.1953, zam. ul. Broniewskiego 100, 87-892 Toruń, wzywam do udzielenia informacji.\n\nKomornik Sądowy Paweł Pietrzak';
    const ids = extractIdentifiers(text);
    expect(ids.addresses).toEqual([{ street: 'ul. Broniewskiego 100', postalCode: '87-892', city: 'Toruń' }]);
    expect(ids.postalCodes).toEqual(['87-892']);
  });
});

describe('the operator the letters are addressed to', () => {
  it('is never a company or e-mail of the sender', () => {
    const ids = extractIdentifiers('Sąd zobowiązuje Telekomunikację Nadwiślańską S.A. do ...\nOd: jan@example.pl\nDo: obsluga@tn-telekom.pl\nBudmax sp. z o.o.');
    expect(ids.companyNames).toEqual(['Budmax sp. z o.o.']);
    expect(ids.emails).toEqual(['jan@example.pl']);
  });
});

describe('registry numbers', () => {
  it("reads a firm's REGON and KRS after their keyword, never the operator's own in a quoted footer", () => {
    const ids = extractIdentifiers('ALFA-BUD Sp. z o.o.\nul. Polna 1, 00-950 Warszawa\nSąd Rejonowy dla m.st. Warszawy, XII Wydział KRS, KRS: 0000412345, REGON: 302-184-420\n\n' +
      'Prosimy o korektę faktury.\n\nW załączeniu kopia faktury:\nTelekomunikacja Nadwiślańska S.A., KRS 0000099991, REGON 012345675');
    expect(ids.krs).toEqual(['0000412345']);
    expect(ids.regons).toEqual(['302184420']);
    // Said in a sentence, the number on the next line; no contract number besides (blind test AU).
    const said = extractIdentifiers('Piszemy w imieniu spółki wpisanej do rejestru przedsiębiorców KRS pod numerem\n0000721108.\n\nProsimy o zmianę adresu.');
    expect([said.krs, said.contractNumbers]).toEqual([['0000721108'], undefined]);
    // Without the keyword nine digits are no REGON, nor is a number that fails the checksum.
    expect(extractIdentifiers('Nr 302184420, REGON 302184421').regons).toBeUndefined();
  });
});

describe('names', () => {
  it('does not read a closing formula as a surname', () => {
    expect(extractIdentifiers('Jolanta Pozdrawiam\nJolanta Wieczorek').names).toEqual([{ first: 'Jolanta', last: 'Wieczorek' }]);
  });
});
