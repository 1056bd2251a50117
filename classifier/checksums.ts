// PESEL / NIP validation and OCR digit repair. A repair is only believed when something outside the
// OCR confirms it: a checksum here, the customer master in the router.

// One definition of the checksums for the reader and the customer import (see core/pl-checksums.ts).
export { isValidNip, isValidPesel } from '../core/pl-checksums.js';
import { LETTER_TO_DIGIT } from '../core/ocr-lookalikes.js';

/** Digits OCR confuses with each other (each direction listed). */
const DIGIT_CONFUSIONS: Record<string, string[]> = {
  '0': ['8', '6', '9'], '1': ['7', '4'], '2': ['7'], '3': ['8', '5', '9'], '4': ['1'],
  '5': ['6', '3', '8'], '6': ['5', '8', '0'], '7': ['1', '2'], '8': ['3', '0', '6', '9', '5'],
  '9': ['8', '0', '3'],
};

/**
 * Readings of a number with one digit OCR commonly confuses swapped, letters and separators left as
 * they are ("FV202810371592" for "FV202610371592"): for identifiers without a checksum, which only
 * the master can confirm.
 */
export function oneDigitMisreads(key: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < key.length; i++) {
    for (const alt of DIGIT_CONFUSIONS[key[i] as string] ?? []) out.push(key.slice(0, i) + alt + key.slice(i + 1));
  }
  return out;
}

/** Maps OCR look-alike letters to digits and drops spaces/separators; null if anything else remains. */
export function ocrToDigits(token: string): string | null {
  let out = '';
  for (const ch of token) {
    if (ch >= '0' && ch <= '9') out += ch;
    else if (ch === ' ' || ch === '-' || ch === '.') continue;
    else if (LETTER_TO_DIGIT[ch] !== undefined) out += LETTER_TO_DIGIT[ch];
    else return null;
  }
  return out;
}

/**
 * Candidate readings of an OCR'd number: the letter-to-digit mapping first, then every reading with
 * exactly one digit swapped for a look-alike. Only a checksum or a master-data hit may pick one.
 */
export function ocrDigitVariants(token: string): string[] {
  const base = ocrToDigits(token);
  if (base === null || base.length === 0) return [];
  return [base, ...oneDigitMisreads(base)];
}

/**
 * Reads a checksummed number from an OCR token: the raw reading when it validates, otherwise the
 * single repair that validates. Two competing repairs mean the scan is ambiguous: nothing is returned.
 * `repaired` says a digit was swapped: the checksum then vouches for a reading, not for the number
 * the writer meant (a NIP printed wrong has a valid neighbour one digit away).
 */
export function readChecksummed(
  token: string,
  valid: (s: string) => boolean,
  length: number,
  allowDigitSwaps = true,
): { value: string; repaired: boolean } | null {
  // Digit-for-digit swaps pass a mod-10/11 checksum by chance one time in ten, so callers allow them
  // only when a keyword already says what the number is.
  const all = ocrDigitVariants(token);
  const variants = (allowDigitSwaps ? all : all.slice(0, 1)).filter((v) => v.length === length);
  const [first, ...rest] = variants;
  if (first === undefined) return null;
  if (valid(first)) return { value: first, repaired: false };
  const repaired = [...new Set(rest.filter(valid))];
  return repaired.length === 1 ? { value: repaired[0] as string, repaired: true } : null;
}
