// Polish identifier checks used when loading the customer master. A customer row with a number
// that fails its checksum was mistyped somewhere upstream; importing it would let a letter match
// on a number that belongs to nobody (or to someone else).

const PESEL_WEIGHTS = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3];
const NIP_WEIGHTS = [6, 5, 7, 2, 3, 4, 5, 6, 7];

export function isValidPesel(pesel: string): boolean {
  if (!/^\d{11}$/.test(pesel)) return false;
  const d = [...pesel].map(Number);
  const sum = PESEL_WEIGHTS.reduce((acc, w, i) => acc + w * d[i]!, 0);
  if ((10 - (sum % 10)) % 10 !== d[10]) return false;
  // The month field encodes the century (+20 for 2000s, +80 for 1800s...); 13..20 etc. never occur.
  const month = (d[2]! * 10 + d[3]!) % 20;
  const day = d[4]! * 10 + d[5]!;
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

/** Digits of a NIP written as "PL 123-456-32-18", "123 456 32 18"...; null if not 10 digits. */
export function normaliseNip(raw: string): string | null {
  const digits = raw.replace(/^\s*PL/i, '').replace(/[\s-]/g, '');
  return /^\d{10}$/.test(digits) ? digits : null;
}

export function isValidNip(nip: string): boolean {
  if (!/^\d{10}$/.test(nip)) return false;
  const d = [...nip].map(Number);
  const sum = NIP_WEIGHTS.reduce((acc, w, i) => acc + w * d[i]!, 0);
  const check = sum % 11;
  return check !== 10 && check === d[9];
}

/**
 * Nine national digits from "+48 601 234 567", "0048601234567", "(22) 123-45-67", "48601234567";
 * null when it is not a Polish number of that shape.
 */
export function normalisePhone(raw: string): string | null {
  let digits = raw.trim();
  if (!/^[+\d\s()./-]+$/.test(digits)) return null;
  digits = digits.replace(/\D/g, '');
  if (digits.length === 13 && digits.startsWith('0048')) digits = digits.slice(4);
  else if (digits.length === 11 && digits.startsWith('48')) digits = digits.slice(2);
  else if (digits.length === 10 && digits.startsWith('0')) digits = digits.slice(1); // old trunk prefix
  return /^[1-9]\d{8}$/.test(digits) ? digits : null;
}

export const POSTAL_CODE = /^\d{2}-\d{3}$/;
// Deliberately loose: the master is the authority on addresses; this only rejects obvious junk.
export const EMAIL = /^[^\s@;,]+@[^\s@;,]+\.[^\s@;,]+$/;
