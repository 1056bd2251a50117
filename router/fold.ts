// Folding shared by the import (the `*_key` columns) and the matcher, so that both sides of every
// comparison went through exactly the same function. OCR and hand-typed letters drop diacritics,
// case and punctuation freely, so none of them may decide a match.

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
  return words.filter((w) => !FLAT_MARKERS.has(w)).join(' ');
}

/** Splits a folded street into its name and its house number (first token starting with a digit). */
export function splitStreet(folded: string): { name: string; house: string | null } {
  const words = folded.split(' ').filter(Boolean);
  // Street names may start with a number ("3 Maja", "11 Listopada"): the house number is the
  // first numeric token after at least one word of the name.
  const i = words.findIndex((w, k) => k > 0 && /^\d/.test(w) && words.slice(0, k).some((p) => /[a-z]/.test(p)));
  if (i < 0) return { name: words.join(' '), house: null };
  return { name: words.slice(0, i).join(' '), house: words[i]! };
}

// Legal forms say nothing about which company it is and differ between letters and the master.
const LEGAL_FORMS = [
  'sp z o o', 'spolka z o o', 'spolka z ograniczona odpowiedzialnoscia', 'sp k', 'sp j', 'sp p',
  'spolka komandytowo akcyjna', 's k a', 'spolka komandytowa',
  'spolka jawna', 's a', 'spolka akcyjna', 'sp zoo', 'spolka cywilna', 's c', 'p s a', 'sp',
];

/** Folded company name without its legal form: "ACME Sp. z o.o." -> "acme". */
export function foldCompany(value: string | null | undefined): string {
  let s = ` ${fold(value)} `;
  for (const form of LEGAL_FORMS) s = s.split(` ${form} `).join(' ');
  return s.replace(/\s+/g, ' ').trim();
}

/** Invoice numbers as printed vary in spacing and case only: "fv/2024/ 01/7" -> "FV/2024/01/7". */
export function invoiceKey(value: string): string {
  return value.replace(/\s+/g, '').toUpperCase();
}

/** Customer numbers: spacing, dashes and case are presentation, not identity. */
export function customerNumberKey(value: string): string {
  return value.replace(/[\s-]+/g, '').toUpperCase();
}
