import { describe, expect, it } from 'vitest';
import { letterStartScore, splitByLetterStarts } from '../../ingest/letter-starts.js';

const LETTER_A1 = `Gdańsk, 3 listopada 2026 r.
Anna Wiśniewska
ul. Morska 12/4
80-001 Gdańsk

Do: Dział Reklamacji

Dotyczy: rozwiązania umowy

Szanowni Państwo,
niniejszym wypowiadam umowę o świadczenie usług telekomunikacyjnych zawartą
w dniu 10.01.2024 r. z zachowaniem okresu wypowiedzenia. Proszę o potwierdzenie`;
const LETTER_A2 = `przyjęcia wypowiedzenia na piśmie oraz o wskazanie terminu zwrotu dekodera.
Nadpłatę proszę zwrócić na rachunek podany w umowie.

Strona 2 z 2

Z poważaniem
Anna Wiśniewska`;
const LETTER_B = `Sygn. akt I C 512/26
Sąd Rejonowy w Sopocie
ul. Kościuszki 1
81-703 Sopot

Wezwanie do złożenia dokumentów
W związku z toczącym się postępowaniem wzywa się do przedłożenia umowy.`;
const LETTER_C1 = `Kraków, 12.10.2026
Piotr Zieliński
os. Centrum 3/7
31-900 Kraków
W sprawie: faktura za październik
Reklamuję fakturę, ponieważ naliczono opłatę za roaming. W załączeniu kopia faktury.
Z poważaniem
Piotr Zieliński`;
const INVOICE_COPY = `Faktura VAT nr FV/2026/10/0001
Data wystawienia: 01.10.2026
Sprzedawca: Operator S.A.
00-950 Warszawa
Nabywca: Piotr Zieliński
Abonament 49,99 zł`;

const NOTE = `Proszę nie dzwonić do mnie więcej z ofertami, mam już wszystko czego potrzebuję.
Tadeusz Wróbel`;

describe('letterStartScore / splitByLetterStarts (prototype)', () => {
  it('a page with no header after a letter that ended with a closing opens a letter: merging needs evidence', () => {
    // Merging two customers' letters is a breach; a note without date or address still stands alone.
    expect(splitByLetterStarts([LETTER_A1, LETTER_A2, NOTE]).letters).toEqual([[0, 1], [2]]);
    expect(letterStartScore(NOTE, LETTER_A2, LETTER_A1 + LETTER_A2).start).toBe(true);
  });

  it('a header-less page after a page without a closing continues it, unless it names another sender', () => {
    const keys = (t: string) => [...t.matchAll(/Anna Wiśniewska|Tadeusz Wróbel/g)].map((m) => `name:${m[0]}`);
    expect(splitByLetterStarts([LETTER_A1, NOTE]).letters).toEqual([[0, 1]]);
    const split = splitByLetterStarts([LETTER_A1, NOTE], { senderKeys: keys });
    expect(split.letters).toEqual([[0], [1]]);
    expect(split.verdicts[1]!.reasons).toContain('another sender');
    // The same sender signing page 2, or keys of another kind only, keep the letter whole.
    expect(splitByLetterStarts([LETTER_A1, LETTER_A2], { senderKeys: keys }).letters).toEqual([[0, 1]]);
    const numberOnPage2 = (t: string) => (t === NOTE ? ['customer:1234567890'] : keys(t));
    expect(splitByLetterStarts([LETTER_A1, NOTE], { senderKeys: numberOnPage2 }).letters).toEqual([[0, 1]]);
  });

  it('a lowercase speck line above a receipt stamp is not a sentence running on', () => {
    const stamped = `pozezonowwwam\nWPŁYNĘŁO\n08.11.2026\n${LETTER_C1}`;
    expect(letterStartScore(stamped, LETTER_A2, LETTER_A1 + LETTER_A2).reasons.join()).not.toMatch(/mid-sentence/);
    expect(letterStartScore(stamped, LETTER_A2, LETTER_A1 + LETTER_A2).start).toBe(true);
  });

  it('a continuation page with a page number and mid-sentence start is not a start', () => {
    const v = letterStartScore(LETTER_A2, LETTER_A1, LETTER_A1);
    expect(v.start).toBe(false);
    expect(v.reasons.join()).toMatch(/later page number/);
  });

  it('a court letter after a closing is a start', () => {
    expect(letterStartScore(LETTER_B, LETTER_A2, LETTER_A1 + LETTER_A2).start).toBe(true);
  });

  it('splits a stack and keeps an announced invoice copy with its letter', () => {
    const { letters, verdicts } = splitByLetterStarts([LETTER_A1, LETTER_A2, LETTER_C1, INVOICE_COPY, LETTER_B]);
    expect(letters).toEqual([[0, 1], [2, 3], [4]]);
    expect(verdicts[3]!.reasons.join()).toMatch(/announced attachment/);
  });

  it('an unannounced invoice copy after a letter opens its own document', () => {
    const plain = LETTER_C1.replace(' W załączeniu kopia faktury.', '\nZałączniki: brak');
    expect(splitByLetterStarts([plain, INVOICE_COPY]).letters).toEqual([[0], [1]]);
  });

  it('dates inside sentences do not make a header', () => {
    const body = 'Informuję, że od dnia 09.10.2026 nie działa internet, a zgłoszenie z dnia 10.10.2026 zamknięto bez naprawy usterki.';
    expect(letterStartScore(body, LETTER_A1, LETTER_A1).start).toBe(false);
  });
});
