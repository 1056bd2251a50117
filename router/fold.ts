// Folding shared by the import (the `*_key` columns) and the matcher, so that both sides of every
// comparison went through exactly the same function. OCR and hand-typed letters drop diacritics,
// case and punctuation freely, so none of them may decide a match.
import { LETTER_TO_DIGIT } from '../core/ocr-lookalikes.js';

const POLISH: Record<string, string> = {
  ą: 'a', ć: 'c', ę: 'e', ł: 'l', ń: 'n', ó: 'o', ś: 's', ź: 'z', ż: 'z',
};

/** Lower case, no diacritics (Polish and any other Latin), punctuation to spaces, spaces collapsed. */
export function fold(value: string | null | undefined): string {
  if (!value) return '';
  return value
    .toLowerCase()
    .replace(/[ąćęłńóśźż]/g, (ch) => POLISH[ch] ?? ch)
    // ł has no decomposition, the rest of Latin does: strip combining marks after NFD.
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

// Street type words carry no identity: "ul. Długa" and "Długa" are the same street.
const STREET_PREFIXES = new Set([
  'ul', 'ulica', 'al', 'aleja', 'aleje', 'pl', 'plac', 'os', 'osiedle', 'rondo', 'skwer', 'bulw', 'bulwar',
]);
// Flat markers between house and flat numbers ("5 m. 3", "5 lok. 3", "5/3").
const FLAT_MARKERS = new Set(['m', 'lok', 'lokal', 'mieszk', 'mieszkanie', 'apt']);

/** Folded street with type prefixes and flat markers removed: "ul. Długa 5 m. 3" -> "dluga 5 3". */
export function foldStreet(value: string | null | undefined): string {
  const words = fold(value).split(' ').filter(Boolean);
  while (words.length > 1 && STREET_PREFIXES.has(words[0]!)) words.shift();
  // "11-go Listopada" is "11 Listopada", as masters write it.
  if (/^\d+$/.test(words[0] ?? '') && words[1] === 'go') words.splice(1, 1);
  return words.filter((w) => !FLAT_MARKERS.has(w)).join(' ');
}

/**
 * Splits a folded street into its name, its house number (first token starting with a digit) and
 * the flat number after it ("glogowska 20 7" from "Głogowska 20/7" or "20 m. 7").
 */
export function splitStreet(folded: string): { name: string; house: string | null; flat: string | null } {
  const words = folded.split(' ').filter(Boolean);
  // Street names may start with a number ("3 Maja", "11 Listopada"): the house number is the
  // first numeric token after at least one word of the name.
  const i = words.findIndex((w, k) => k > 0 && /^\d/.test(w) && words.slice(0, k).some((p) => /[a-z]/.test(p)));
  if (i < 0) return { name: words.join(' '), house: null, flat: null };
  const flat = words[i + 1] && /^\d/.test(words[i + 1]!) ? words[i + 1]! : null;
  return { name: words.slice(0, i).join(' '), house: words[i]!, flat };
}

// Legal forms say nothing about which company it is and differ between letters and the master.
const LEGAL_FORMS = [
  'sp z o o', 'spolka z o o', 'spolka z ograniczona odpowiedzialnoscia', 'sp k', 'sp j', 'sp p',
  'spolka komandytowo akcyjna', 's k a', 'spolka komandytowa',
  // As OCR reads "Sp. z o.o." now and then (before the bare 'sp' below).
  'sp z 0 0', 'sp z00', 'sp z o 0', 'sp z 0 o',
  'spolka jawna', 's a', 'spolka akcyjna', 'sp zoo', 'spolka cywilna', 's c', 'p s a', 'sp',
];

// A civil partnership is named with its partners after the form ("Intermex s.c. Jacek Szymański,
// Renata Kurek"); its letters often give the name alone, and a partner's name is no firm's name.
const PARTNERS_AFTER = / (?:s c|spolka cywilna) .*$/;

/** Folded company name without its legal form: "ACME Sp. z o.o." -> "acme". */
export function foldCompany(value: string | null | undefined): string {
  let s = ` ${fold(value)} `;
  const partners = PARTNERS_AFTER.exec(s);
  if (partners && partners.index > 0) s = `${s.slice(0, partners.index)} `;
  for (const form of LEGAL_FORMS) s = s.split(` ${form} `).join(' ');
  return s.replace(/\s+/g, ' ').trim();
}

/** Invoice numbers as the master shows them: spacing and case dropped, "fv/2024/ 01/7" -> "FV/2024/01/7". */
export function invoiceKey(value: string): string {
  return value.replace(/\s+/g, '').toUpperCase();
}

/**
 * What invoice numbers are compared by: letters and digits only. Writers and exporters separate
 * the parts with '/', '-', spaces or nothing ("FV 2025/04/119263", "FV-2025-04-119263",
 * "FV2025/04/119263" are one invoice). The SQL twin is invoiceLookupSql.
 */
export function invoiceLookupKey(value: string): string {
  return value.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

/** invoiceLookupKey in SQL, for an expression `x` (same result on ASCII invoice numbers). */
export const invoiceLookupSql = (x: string): string => `regexp_replace(upper(${x}), '[^A-Z0-9]', '', 'g')`;

/**
 * The lookup key with OCR's look-alike letters beside a digit read as digits ("FV/2O25/O4/1"):
 * counted only when the master holds that invoice, like any other invoice number.
 */
const LOOKALIKE_RUN = new RegExp(`[${Object.keys(LETTER_TO_DIGIT).filter((c) => /[A-Z]/.test(c)).join('')}]+`, 'g');

export function invoiceOcrKey(value: string): string {
  const k = invoiceLookupKey(value);
  const digit = (i: number) => /\d/.test(k[i] ?? '');
  // A run of look-alikes ("OOO2") turns whole when a digit stands on either side of it.
  return k.replace(LOOKALIKE_RUN, (run: string, i: number) =>
    digit(i - 1) || digit(i + run.length) ? [...run].map((ch) => LETTER_TO_DIGIT[ch]!).join('') : run);
}

/** Customer numbers: spacing, separators and case are presentation, not identity (as migration 007 indexes them). */
export function customerNumberKey(value: string): string {
  return value.toUpperCase().replace(/[^A-Z0-9]/g, '');
}
