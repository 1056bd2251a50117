// Finders for the numbered and structured identifiers in a letter. Each returns hits with their
// offset so identifiers.ts can tell the customer's identifiers from an institution's own.
import { foldChars } from './normalize.js';
import { isValidNip, isValidPesel, isValidRegon, normaliseKrs } from '../core/pl-checksums.js';
import { readChecksummed } from './checksums.js';

export interface Hit {
  value: string;
  index: number;
  /** A digit was swapped for its look-alike to pass the checksum (PESEL, NIP). */
  repaired?: boolean;
}


/** Invoice numbers after faktura/FV/rachunek, or standing alone in an FV/… shape. */
export function findInvoiceNumbers(text: string): Hit[] {
  const out: Hit[] = [];
  const key = /(?:faktur\w*|\bfv|\bf-ra|rachun\w*(?!\s+bank)|\bnot[aey]\s+(?:ksiegow|obciaz)\w*)(?:\s+(?:vat|korygujac\w*|proforma))?[\s:]*(?:nr\.?|numer|o\s+numerze)?[\s:.]*/g;
  const folded = foldChars(text);
  const token = /^(?:[A-Za-z]{1,4}[/ -]?)?\d[\dA-Za-z]*(?:[/-][\dA-Za-z]+)*/;
  for (const m of folded.matchAll(key)) {
    const start = (m.index ?? 0) + m[0].length;
    const t = token.exec(text.slice(start, start + 40));
    if (t && isInvoiceShaped(t[0])) out.push({ value: t[0].toUpperCase(), index: m.index ?? 0 });
  }
  // OCR may set a separator apart from its neighbours ("FV /2024/10/050678", "FV/2026/ 10/317656"):
  // the number is read without the spaces.
  for (const m of text.matchAll(/\b(?:FV|FA|FK|F)(?: ?[/-] ?[0-9A-Z]+){2,}/g)) {
    const value = m[0].replace(/ /g, '');
    if (isInvoiceShaped(value)) out.push({ value: value.toUpperCase(), index: m.index ?? 0 });
  }
  // OCR splits a narrow digit pair with a space ("FV/2026/1 1/8859009"): the joined number is looked
  // up too (only ever an exact master hit, so a wrong join finds nothing).
  for (const m of text.matchAll(/\b((?:FV|FA|FK|F)[/-](?:[0-9A-Z]+[/-])*\d+) (\d+(?:[/-][0-9A-Z]+)+)/g)) {
    const joined = `${m[1]}${m[2]}`;
    if (isInvoiceShaped(joined)) out.push({ value: joined.toUpperCase(), index: m.index ?? 0 });
  }
  return out;
}

function isInvoiceShaped(t: string): boolean {
  const digits = t.replace(/\D/g, '').length;
  // A date or a bare year is not an invoice number; a code with a separator or 6+ digits is.
  if (/^\d{1,2}[./-]\d{1,2}[./-]\d{2,4}$/.test(t) || /^\d{4}$/.test(t)) return false;
  return digits >= 4 && (/[/-]/.test(t) || digits >= 6) && t.length <= 30;
}

/** Checksum-valid PESEL numbers; an OCR repair only when the checksum confirms it. */
export function findPesels(text: string): Hit[] {
  const out: Hit[] = [];
  const folded = foldChars(text);
  // Not after a '+': "+48 510 726 870" is a phone (blind test AH).
  for (const m of text.matchAll(/(?<![\dA-Za-z+])[0-9OoIlSBZ](?:[ ]?[0-9OoIlSBZ]){10}(?![\dA-Za-z])/g)) {
    if ((m[0].match(/\d/g) ?? []).length < 7) continue; // a word, not a number
    const idx = m.index ?? 0;
    const keyed = /pesel[\s:.]*(?:nr\.?)?[\s:.]*$/.test(folded.slice(Math.max(0, idx - 16), idx));
    const v = readChecksummed(m[0], isValidPesel, 11, keyed);
    if (v) out.push({ value: v.value, index: m.index ?? 0, repaired: v.repaired });
  }
  return out;
}

/** NIPs: after "NIP", with a PL prefix, or in the hyphenated shapes NIPs are printed in. */
export function findNips(text: string): Hit[] {
  const out: Hit[] = [];
  const folded = foldChars(text);
  const re = /(?<![\dA-Za-z])(PL ?)?([0-9OoIlSBZ]{3}[- ]?[0-9OoIlSBZ]{2,3}[- ]?[0-9OoIlSBZ]{2}[- ]?[0-9OoIlSBZ]{2,3})(?![\dA-Za-z])/g;
  for (const m of text.matchAll(re)) {
    const idx = m.index ?? 0;
    const body = m[2] as string;
    const keyed = /nip(?:\s+(?:firmy|spolki|podatnika|sprzedawcy|nabywcy))?[\s:.]*(?:nr\.?)?[\s:.]*(?:pl)?\s*$/.test(folded.slice(Math.max(0, idx - 28), idx + (m[1]?.length ?? 0)));
    const hyphenated = /^\d{3}-\d{3}-\d{2}-\d{2}$|^\d{3}-\d{2}-\d{2}-\d{3}$/.test(body);
    if (!keyed && !m[1] && !hyphenated) continue;
    const v = readChecksummed(body, isValidNip, 10, keyed);
    if (v) out.push({ value: v.value, index: idx, repaired: v.repaired });
  }
  return out;
}

/** Between a register's keyword and its number: "REGON: ", "KRS nr ", "KRS pod numerem\n". */
const NUMBER_LEAD = String.raw`[\s:.]*(?:(?:pod\s+)?(?:nr|numer(?:em)?|o\s+numerze)\.?)?[\s:.]*`;

const REGON_KEYED = new RegExp(`\\bREGON\\b${NUMBER_LEAD}(\\d(?:[ -]?\\d){8}(?:(?:[ -]?\\d){5})?)(?![\\d-])`, 'gi');
const KRS_KEYED = new RegExp(`\\bKRS\\b${NUMBER_LEAD}(\\d{1,10})(?!\\d)`, 'gi');

/**
 * A firm's REGON (9 digits, 14 for a branch) and KRS (the register's 10 digits, its leading zeros
 * often left out), only after their keyword: without one, nine digits are a phone and ten a NIP or a
 * customer number. A REGON must pass its checksum.
 */
export function findRegons(text: string): Hit[] {
  const out: Hit[] = [];
  for (const m of text.matchAll(REGON_KEYED)) {
    const value = m[1]!.replace(/[ -]/g, '');
    if (isValidRegon(value)) out.push({ value, index: m.index ?? 0 });
  }
  return out;
}

export function findKrs(text: string): Hit[] {
  const out: Hit[] = [];
  // "KRS 0000412345", "KRS: 412345", "wpisanej do rejestru przedsiębiorców KRS pod numerem 0000721108" (blind test AU).
  for (const m of text.matchAll(KRS_KEYED)) {
    const value = normaliseKrs(m[1]!);
    if (value && m[1]!.length >= 4) out.push({ value, index: m.index ?? 0 });
  }
  return out;
}

export function findPostalCodes(text: string): Hit[] {
  return [...text.matchAll(/(?<![\d-])(\d{2})\s?-\s?(\d{3})(?![\d-])/g)].map((m) => ({ value: `${m[1]}-${m[2]}`, index: m.index ?? 0 }));
}

export function findEmails(text: string): Hit[] {
  const re = /[A-Za-z0-9._%+-]+\s?@\s?[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
  return [...text.matchAll(re)].map((m) => ({ value: m[0].replace(/\s/g, '').toLowerCase(), index: m.index ?? 0 }));
}

/**
 * Addresses whose '@' the OCR lost or mangled: typewriter and blurred scans read it as Q, G, 0, ©,
 * ł, "ec" or a space ("pawel.dudekQpoczta.example.pl", "sekretariat zst-sieradz.example.pl"), split
 * the address at a dot or before the '@' ("market .groszek898@...", "stanislaw. wlodarczyk93 @...",
 * "...@example. pl"), or leave it in angle brackets of an e-mail header. Up to three pieces of a line
 * are joined. Returned as written (lowercased): only the customer master can tell where the '@' was
 * (router/email-repair.ts), so they are never shown as e-mails.
 */
export function findUnreadEmails(text: string): Hit[] {
  const out: Hit[] = [];
  for (const line of text.matchAll(/[^\n]+/g)) {
    // Brackets and quotes around an address, and trailing punctuation or specks, are not part of it;
    // a trailing dot is kept apart (`dot`) because it may join the next piece ("example. pl").
    const words = [...line[0].matchAll(/\S+/g)].map((m) => {
      const w = m[0].replace(/^[<(\["'„«]+/, '').replace(/[^A-Za-z0-9.]+$/, '');
      return { w: w.replace(/\.+$/, ''), dot: w.endsWith('.'), at: m.index ?? 0 };
    });
    const piece = (k: number) => (k >= 0 ? words[k] : undefined);
    const joins = (a: { w: string; dot: boolean }, b: string) => a.dot || a.w.endsWith('@') || /^[.@]/.test(b);
    const glued = (k: number) => `${words[k]!.w}${words[k]!.dot ? '.' : ''}`;
    for (let i = 0; i < words.length; i++) {
      const word = words[i]!.w;
      const prev = piece(i - 1);
      const first = piece(i - 2);
      const forms: string[] = [];
      // A top-level domain alone after a piece of an address that ends in a dot.
      const tld = /^(?:[a-z]{2}|com|net|org|info|biz)$/.test(word) && prev !== undefined && prev.dot && /[.@]/.test(prev.w);
      if (/^(www\.|https?:)/i.test(prev?.w ?? '') || /^(www\.|https?:)/i.test(word)) continue;
      if (/[A-Za-z0-9]\.[A-Za-z]{2,6}$/.test(word) || tld) {
        if (!tld && !word.includes('@')) forms.push(word, ...(prev?.w ? [`${prev.w} ${word}`] : []));
        // An '@' read as a symbol standing alone between spaces: "maciejewski557 © poczta.example.pl".
        if (prev && first && /^(?:[^A-Za-z0-9\s]{0,2}|[QGa])$/.test(prev.w) && !prev.dot) forms.push(`${first.w}@${word}`);
        if (prev && joins(prev, word)) {
          forms.push(glued(i - 1) + word);
          if (first && joins(first, prev.w)) forms.push(glued(i - 2) + glued(i - 1) + word);
        }
      }
      const index = (line.index ?? 0) + words[Math.max(0, i - 1)]!.at;
      for (const f of forms) if (f.length >= 8) out.push({ value: f.toLowerCase(), index });
    }
  }
  return out;
}
