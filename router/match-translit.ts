// One East Slavic name, two alphabets' spellings: the CRM holds the passport's Latin form
// ("Oleksandr Kovalenko", "Yuliia Tkachenko", "Lukashevich"), the customer writes it the Polish way
// ("Ołeksandr Kowalenko", "Julia Tkaczenko", "Łukaszewicz"). Read as different people, the name was a
// conflict that outweighed the customer's own PESEL (blind test L). Both spellings are reduced to
// one sound key; names compared here are already folded (no diacritics, lower case).

// English (passport) spellings: kh, zh, sh, shch, ts, v, y for the Slavic sounds; German's sch. A
// plain "ch" is Polish too (Kochan, Michalak): it marks the passport form only in a Ukrainian ending.
const EN_SPELLING = /kh|zh|sh|sch|ts|v|^y[aeiou]|i[iy]$|chenko$|chuk$/;
// Polish spellings the passport form never uses.
const PL_SPELLING = /cz|sz|rz|w|j/;

const isEnglish = (name: string) => EN_SPELLING.test(name);

function englishKey(name: string): string {
  return name
    .replace(/sch/g, 'S') // German Schmidt = Polish Szmidt
    .replace(/shch/g, 'SC')
    .replace(/kh/g, 'X')
    .replace(/zh/g, 'z') // folded Polish ż is z already
    .replace(/sh/g, 'S')
    .replace(/ch/g, 'C')
    .replace(/ts/g, 'c')
    .replace(/y/g, 'i');
}

function polishKey(name: string): string {
  return name
    .replace(/szcz/g, 'SC')
    .replace(/cz/g, 'C')
    .replace(/sz/g, 'S')
    .replace(/ch/g, 'X')
    .replace(/w/g, 'v')
    .replace(/[jy]/g, 'i');
}

/** The sound key of a name in whichever spelling it shows, or null when it shows neither plainly. */
function key(name: string): string | null {
  const en = isEnglish(name);
  const pl = PL_SPELLING.test(name);
  if (en === pl) return null;
  // Doubled vowels of the passport form ("Yuliia", "Andrii", "Serhii") are one sound in Polish.
  return (en ? englishKey(name) : polishKey(name)).replace(/ii+/g, 'i');
}

/**
 * True when one name is written the passport's way and the other the Polish way, and they sound
 * the same. Two Polish spellings are never compared here: "Chmiel" and "Czmiel" stay two names.
 */
export function sameTransliterated(a: string, b: string): boolean {
  if (a === b || a.length < 3 || b.length < 3) return false;
  const [ka, kb] = [key(a), key(b)];
  return ka !== null && ka === kb && isEnglish(a) !== isEnglish(b);
}
