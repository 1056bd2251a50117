// Which of a letter's identifiers the OCR read off words it was unsure of. The identifiers are
// found in the text, which has lost the words' confidences, so they are tied back by their digits:
// a phone "601 449 210" read as three words is doubtful when any of the three was.
import type { Identifiers, LowConfidenceWord } from '../core/types.js';
import { LETTER_TO_DIGIT } from '../core/ocr-lookalikes.js';

/** Fewer digits than this in a word could belong to any number (a house number, a day). */
const MIN_DIGITS = 3;

/** The word's digits, with look-alike letters read as the digits they stand for ("6O1" -> 601). */
function wordDigits(text: string): string {
  if ((text.match(/\d/g) ?? []).length < 2) return '';
  return [...text].map((ch) => (/\d/.test(ch) ? ch : LETTER_TO_DIGIT[ch] ?? '')).join('');
}

const digits = (value: string) => value.replace(/\D/g, '');
const bare = (text: string) => text.toLowerCase().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');

export function doubtfulValues(ids: Identifiers, words: readonly LowConfidenceWord[]): string[] {
  const pieces = words.map((w) => wordDigits(w.text)).filter((d) => d.length >= MIN_DIGITS);
  // A year read unsure ("2026" of a date) is no piece of the invoice number that contains it.
  const isYear = (d: string) => /^(19|20)\d\d$/.test(d);
  const mails = words.filter((w) => w.text.includes('@')).map((w) => bare(w.text));
  const numberDoubtful = (value: string) => {
    const d = digits(value);
    return d.length >= MIN_DIGITS && pieces.some((p) => p === d || (!isYear(p) && (d.includes(p) || p.includes(d))));
  };
  const mailDoubtful = (value: string) => mails.some((m) => m.includes(value.toLowerCase()) || value.toLowerCase().includes(m));
  const numbers = [...ids.customerNumbers, ...(ids.contractNumbers ?? []), ...ids.phones, ...ids.invoiceNumbers, ...ids.pesels, ...ids.nips];
  return [...new Set([...numbers.filter(numberDoubtful), ...ids.emails.filter(mailDoubtful)])];
}

/** The identifiers with `doubtful` set when any was read off a low-confidence word. */
export function withDoubtful(ids: Identifiers, words: readonly LowConfidenceWord[]): Identifiers {
  const doubtful = words.length ? doubtfulValues(ids, words) : [];
  return doubtful.length ? { ...ids, doubtful } : ids;
}
