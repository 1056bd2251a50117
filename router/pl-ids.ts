// Notations of Polish identifiers as people write them, reduced to the form the matcher compares.
// The checksums themselves live in core/pl-checksums.ts, shared with the letter reader.

/** Digits of a NIP written as "PL 123-456-32-18", "123 456 32 18"...; null if not 10 digits. */
export function normaliseNip(raw: string): string | null {
  const digits = raw.replace(/^\s*PL/i, '').replace(/[\s-]/g, '');
  return /^\d{10}$/.test(digits) ? digits : null;
}

/**
 * Nine national digits from "+48 601 234 567", "0048601234567", "(22) 123-45-67", "48601234567";
 * "+380671234567" from "+380 67 123 45 67" or "0038067…"; null when it is neither.
 */
export function normalisePhone(raw: string): string | null {
  let digits = raw.trim();
  if (!/^[+\d\s()./-]+$/.test(digits)) return null;
  const international = /^(?:\+|00)/.test(digits.replace(/[\s(]/g, ''));
  digits = digits.replace(/\D/g, '');
  // Another country's number (+380…, 0049…) is kept whole, "+" and up to 15 digits as E.164 has it:
  // a customer from abroad keeps the phone they had.
  if (international && !/^(?:00)?48/.test(digits)) {
    const e164 = digits.replace(/^00/, '');
    return /^[1-9]\d{7,14}$/.test(e164) ? `+${e164}` : null;
  }
  if (digits.length === 13 && digits.startsWith('0048')) digits = digits.slice(4);
  else if (digits.length === 11 && digits.startsWith('48')) digits = digits.slice(2);
  else if (digits.length === 10 && digits.startsWith('0')) digits = digits.slice(1); // old trunk prefix
  return /^[1-9]\d{8}$/.test(digits) ? digits : null;
}

/**
 * "NN-NNN" from "00-950", "00950", "00 950" or "00–950" (a word processor's dash); null otherwise.
 * Five digits are unambiguous, and the matcher compares the letter's code in the NN-NNN form only.
 * A code a spreadsheet shortened ("950" from 00950) is not guessed back.
 */
export function normalisePostalCode(raw: string): string | null {
  const m = /^(\d{2})\s*[-\u2013]?\s*(\d{3})$/.exec(raw.trim());
  return m ? `${m[1]}-${m[2]}` : null;
}

// Deliberately loose: the master is the authority on addresses; this only rejects obvious junk.
export const EMAIL = /^[^\s@;,]+@[^\s@;,]+\.[^\s@;,]+$/;
