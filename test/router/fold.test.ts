import { describe, expect, it } from 'vitest';
import { fold, foldCompany, foldStreet, invoiceKey, splitStreet } from '../../router/fold.js';
import { isValidNip, isValidPesel, peselBirthDate, peselCheckDigit, peselChecksumValid } from '../../core/pl-checksums.js';
import { isValidNip as readerNip, isValidPesel as readerPesel } from '../../classifier/checksums.js';
import { normaliseNip, normalisePhone } from '../../router/pl-ids.js';
import { similarity, sameStreet } from '../../router/match-compare.js';
import { nipFor, peselFor } from '../../router/synthetic-customers.js';

describe('fold', () => {
  it('drops case, Polish diacritics and punctuation', () => {
    expect(fold('  ŁÓDŹ-Bałuty,  Żółć ')).toBe('lodz baluty zolc');
    expect(fold('Zofia  Ślęzak-Nowak')).toBe('zofia slezak nowak');
    expect(fold(null)).toBe('');
  });
  it('folds streets without their type word or flat marker', () => {
    expect(foldStreet('ul. Długa 5 m. 3')).toBe('dluga 5 3');
    expect(foldStreet('Al. Jerozolimskie 100/2')).toBe('jerozolimskie 100 2');
    expect(foldStreet('Długa 5/3')).toBe(foldStreet('ul. Długa 5 m. 3'));
    expect(splitStreet(foldStreet('ul. 3 Maja 12/4'))).toEqual({ name: '3 maja', house: '12', flat: '4' });
    expect(splitStreet(foldStreet('ul. 11-go Listopada 101 m. 28'))).toEqual({ name: '11 listopada', house: '101', flat: '28' });
  });
  it('folds company names without their legal form', () => {
    expect(foldCompany('TECHBUD Sp. z o.o.')).toBe('techbud');
    expect(foldCompany('Techbud spółka z ograniczoną odpowiedzialnością')).toBe('techbud');
    expect(foldCompany('Orlen S.A.')).toBe('orlen');
  });
  it('keys invoices by their characters, not their spacing or case', () => {
    expect(invoiceKey('fv/2025/ 01/7')).toBe('FV/2025/01/7');
  });
});

describe('identifier checks', () => {
  it('accepts generated PESEL and NIP and rejects a changed digit', () => {
    const pesel = peselFor(1234, true);
    expect(isValidPesel(pesel)).toBe(true);
    expect(isValidPesel(pesel.slice(0, 10) + String((Number(pesel[10]) + 1) % 10))).toBe(false);
    const nip = nipFor(42);
    expect(isValidNip(nip)).toBe(true);
    expect(isValidNip(nip.slice(0, 9) + String((Number(nip[9]) + 1) % 10))).toBe(false);
    expect(isValidPesel('44051401359')).toBe(true); // the textbook example
    expect(normaliseNip('PL 526-000-12-46')).toBe('5260001246');
  });
  it('accepts a PESEL only when it encodes a real birth date', () => {
    // Checksum-valid bodies for dates that do not exist: the check digit alone cannot catch them.
    const withCheck = (first10: string) => first10 + peselCheckDigit(first10);
    const feb31 = withCheck('8502310123');
    const month13 = withCheck('8513010123');
    const month93 = withCheck('8593010123'); // the 1800s end at month 92
    for (const p of [feb31, month13, month93, withCheck('8500010123')]) {
      expect(peselChecksumValid(p), p).toBe(true);
      expect(isValidPesel(p), p).toBe(false);
    }
    expect(isValidPesel(withCheck('0002290123'))).toBe(false); // 29 February 1900: no leap year
    expect(peselBirthDate(withCheck('0022290123'))).toEqual({ year: 2000, month: 2, day: 29, female: false });
    expect(peselBirthDate(withCheck('9981310124'))).toEqual({ year: 1899, month: 1, day: 31, female: true });
    // 31 December 2225 is encodable, but nobody who writes is born yet (a phone after +48 passed so).
    expect(peselChecksumValid(withCheck('2572310123'))).toBe(true);
    expect(isValidPesel(withCheck('2572310123'))).toBe(false);
    expect(isValidPesel(withCheck('2432150123'))).toBe(true); // 15 December 2024
  });
  it('is the very same check the letter reader applies', () => {
    expect(readerPesel).toBe(isValidPesel);
    expect(readerNip).toBe(isValidNip);
  });
  it('normalises phones to nine national digits', () => {
    expect(normalisePhone('+48 601 234 567')).toBe('601234567');
    expect(normalisePhone('0048601234567')).toBe('601234567');
    expect(normalisePhone('(22) 123-45-67')).toBe('221234567');
    expect(normalisePhone('60123456')).toBeNull();
    expect(normalisePhone('601 234 56a')).toBeNull();
    // Another country's number stays whole, as E.164 writes it.
    expect(normalisePhone('+380 67 123 45 67')).toBe('+380671234567');
    expect(normalisePhone('0049 171 1234567')).toBe('+491711234567');
    expect(normalisePhone('+380 67')).toBeNull();
  });
});

describe('comparisons', () => {
  it('computes trigram similarity like pg_trgm', () => {
    expect(similarity('kowalski', 'kowalski')).toBe(1);
    expect(similarity('kowalski', 'kowa1ski')).toBeGreaterThan(0.4);
    expect(similarity('kowalski', 'nowak')).toBeLessThan(0.2);
  });
  it('needs the same street name and house number', () => {
    expect(sameStreet('dluga 5 3', 'dluga 5')).toBe(true);
    expect(sameStreet('dluga 7', 'dluga 5')).toBe(false);
    expect(sameStreet('dluga', 'dluga 5')).toBe(false);
    expect(sameStreet('polna 5', 'dluga 5')).toBe(false);
    expect(sameStreet('mickiewlcza 5', 'mickiewicza 5')).toBe(true);
  });
});
