// PESEL and NIP checks, one definition for every side of a comparison: the customer master import,
// the letter reader and the synthetic data. Two copies had drifted apart (one accepted 31 February),
// so a customer the import let in could never be found by the PESEL a letter carried.

const PESEL_WEIGHTS = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3] as const;
const NIP_WEIGHTS = [6, 5, 7, 2, 3, 4, 5, 6, 7] as const;

// The month field carries the century: 1800s +80, 1900s +0, 2000s +20, 2100s +40, 2200s +60.
const CENTURY_BY_OFFSET = new Map([[80, 1800], [0, 1900], [20, 2000], [40, 2100], [60, 2200]]);

/** Check digit of the first ten PESEL digits. */
export function peselCheckDigit(first10: string): number {
  const sum = PESEL_WEIGHTS.reduce((acc, w, i) => acc + w * Number(first10[i]), 0);
  return (10 - (sum % 10)) % 10;
}

/** Eleven digits whose last is the check digit of the others (says nothing about the date). */
export function peselChecksumValid(pesel: string): boolean {
  return /^\d{11}$/.test(pesel) && peselCheckDigit(pesel) === Number(pesel[10]);
}

export interface PeselBirth {
  year: number;
  month: number;
  day: number;
  female: boolean;
}

/** The birth date a PESEL encodes, or null when it names no calendar day (month 13, 31 February...). */
export function peselBirthDate(pesel: string): PeselBirth | null {
  if (!/^\d{6}/.test(pesel)) return null;
  const yy = Number(pesel.slice(0, 2));
  const mmRaw = Number(pesel.slice(2, 4));
  const day = Number(pesel.slice(4, 6));
  const offset = Math.floor(mmRaw / 20) * 20;
  const century = CENTURY_BY_OFFSET.get(offset);
  const month = mmRaw - offset;
  if (century === undefined || month < 1 || month > 12 || day < 1) return null;
  const year = century + yy;
  // Day 0 of the next month is the last day of this one (leap years included).
  if (day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return null;
  // Nobody writes who is not born yet: "+48 510 726 870" passes the checksum as a PESEL of 2148.
  if (Date.UTC(year, month - 1, day) > Date.now()) return null;
  return { year, month, day, female: Number(pesel[9]) % 2 === 0 };
}

/** A PESEL that can exist: checksum right and a real birth date. */
export function isValidPesel(pesel: string): boolean {
  return peselChecksumValid(pesel) && peselBirthDate(pesel) !== null;
}

/** Check digit of the first nine NIP digits; 10 means no NIP is ever issued with that prefix. */
export function nipCheckDigit(first9: string): number {
  return NIP_WEIGHTS.reduce((acc, w, i) => acc + w * Number(first9[i]), 0) % 11;
}

const REGON9_WEIGHTS = [8, 9, 2, 3, 4, 5, 6, 7] as const;
const REGON14_WEIGHTS = [2, 4, 8, 5, 0, 9, 7, 3, 6, 1, 2, 4, 8] as const;

/** A firm's REGON: 9 digits, or 14 for a local unit (a branch); the sum mod 11, 10 counting as 0. */
export function isValidRegon(regon: string): boolean {
  const weights = regon.length === 9 ? REGON9_WEIGHTS : regon.length === 14 ? REGON14_WEIGHTS : null;
  if (!weights || !/^\d+$/.test(regon) || /^0+$/.test(regon)) return false;
  const check = (weights as readonly number[]).reduce((acc, w, i) => acc + w * Number(regon[i]), 0) % 11;
  return (check === 10 ? 0 : check) === Number(regon[regon.length - 1]);
}

/** A KRS number as the register prints it: ten digits, the leading zeros restored ("KRS 123456" is 0000123456). */
export function normaliseKrs(raw: string): string | null {
  const digits = raw.replace(/[\s-]/g, '');
  return /^\d{1,10}$/.test(digits) && !/^0+$/.test(digits) ? digits.padStart(10, '0') : null;
}

/** Ten digits (no separators, no PL prefix) with a matching check digit. */
export function isValidNip(nip: string): boolean {
  if (!/^\d{10}$/.test(nip)) return false;
  const check = nipCheckDigit(nip);
  return check !== 10 && check === Number(nip[9]);
}
