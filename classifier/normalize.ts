// Text folding shared by the classifier and the identifier extractor. OCR of degraded scans drops
// or swaps Polish diacritics at random, so every comparison happens on folded text.

const DIACRITICS: Record<string, string> = {
  ą: 'a', ć: 'c', ę: 'e', ł: 'l', ń: 'n', ó: 'o', ś: 's', ź: 'z', ż: 'z',
  Ą: 'A', Ć: 'C', Ę: 'E', Ł: 'L', Ń: 'N', Ó: 'O', Ś: 'S', Ź: 'Z', Ż: 'Z',
};

/**
 * Replaces Polish diacritics, and other Latin letters' ("é", "ñ", "ü": foreign-born customers'
 * names), one character for one, so offsets into the original stay valid.
 */
export function stripDiacritics(text: string): string {
  return text.replace(/[\u00C0-\u024F]/g, (ch) => DIACRITICS[ch] ?? (ch.normalize('NFD')[0] as string));
}

/** Lower case + no diacritics, same length as the input (offsets are shared with the original). */
export function foldChars(text: string): string {
  const out = stripDiacritics(text).toLowerCase();
  // toLowerCase never changes length for the Latin/Polish letters mail carries; guard the rare
  // exception (e.g. dotted capital I) so callers can rely on offsets.
  return out.length === text.length ? out : stripDiacritics(text).replace(/[A-Z]/g, (c) => c.toLowerCase());
}

/**
 * Quote marks and apostrophes OCR reads off specks ("do’ dnia 3 kwietnia"): gone inside a word,
 * a space elsewhere. For the term and date readers, where a speck must not hide a deadline (blind
 * test AL: a police letter's "do’ dnia 3 kwietnia br." fell to the 7-day default, four days late).
 */
export const withoutSpecks = (text: string): string => text.replace(/(?<=\p{L})[’'‘`´](?=\p{L})/gu, '').replace(/[’'‘`´"„”«»]/g, ' ');

/** Folded text with whitespace collapsed, hyphenated line breaks re-joined. */
export function normalizeText(text: string): string {
  return foldChars(text)
    .replace(/(\p{L})-\s*\n\s*(\p{L})/gu, '$1$2')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Word tokens of folded text: letters only (digits are identifiers, not topic words). */
export function tokenize(text: string): string[] {
  const folded = normalizeText(text);
  return folded.match(/[a-z]+/g) ?? [];
}

// Inflectional endings, longest first. Stripping is deliberately aggressive: the classifier only
// needs inflected forms of one lemma to collide, not a linguistically correct stem.
const SUFFIXES = [
  'owaniami', 'owaniach', 'owaniem', 'owania', 'owanie', 'owaniu',
  'eniami', 'eniach', 'eniem', 'enia', 'enie', 'eniu', 'aniem', 'ania', 'anie', 'aniu',
  'acjami', 'acjach', 'acja', 'acje', 'acji', 'acjom',
  'iego', 'iemu', 'owie', 'owych', 'owym', 'owej', 'owego', 'owemu', 'owa', 'owe', 'owy',
  'ami', 'ach', 'ego', 'emu', 'ymi', 'imi', 'ych', 'ich', 'iej', 'cie', 'ajac', 'ujac',
  'amy', 'asz', 'em', 'om', 'ow', 'ie', 'ia', 'iu', 'ym', 'im', 'ej', 'am',
  'a', 'e', 'i', 'o', 'u', 'y',
];

/** Light stemmer: strips one inflectional ending while at least 4 letters remain. */
export function stem(token: string): string {
  if (token.length <= 4) return token;
  for (const suf of SUFFIXES) {
    if (token.endsWith(suf) && token.length - suf.length >= 4) return token.slice(0, -suf.length);
  }
  return token;
}

/** Prefix truncation: collapses derivations (wypowiadam / wypowiedzenie -> wypowi). */
export function prefix(token: string, n = 6): string {
  return token.length > n ? token.slice(0, n) : token;
}
