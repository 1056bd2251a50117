// A relative the letter is written for, named by the given name only ("Piszę w imieniu męża
// Władysława") or not at all ("jako pełnomocnik syna"). The writer's own name and address then
// point at the writer, who is often a customer at the same address: blind test AV filed a wife's
// complaint about her husband's invoice into her own account. The family's surname is the
// writer's in the relative's gender ("Sokołowska" writing for "Władysław" → "Władysław Sokołowski"):
// the matcher believes that guess only where the master holds exactly that person.
import { givenNominative, type NameHit } from './names.js';
import { readGivenNames, type Gender } from './first-names.js';
import { stripDiacritics } from './normalize.js';

/** Relatives in the genitive ("w imieniu męża"), folded, with their gender. */
const GENITIVE: Record<string, Gender> = {
  meza: 'm', syna: 'm', ojca: 'm', taty: 'm', brata: 'm', dziadka: 'm', tescia: 'm', wnuka: 'm',
  zony: 'f', corki: 'f', mamy: 'f', matki: 'f', siostry: 'f', babci: 'f', tesciowej: 'f', wnuczki: 'f',
};
const RELATIVES: Record<string, Gender> = {
  ...GENITIVE, tate: 'm', zone: 'f', corke: 'f', mame: 'f', matke: 'f', siostre: 'f', babcie: 'f', tesciowa: 'f',
};
/** "w sprawie umowy mojego ojca": about a relative's contract, line or bill (on-behalf.ts too). */
export const REGARDING_RELATIVE = 'w sprawie (?:umowy|konta|numeru|faktur\\w*|abonamentu|rachunku|telefonu)(?: telefonu)? (?:mojego|mojej|mego|mej) ';
export const RELATIVE_GENITIVES = Object.keys(GENITIVE).join('|');
const POSSESSIVE = '(?:(?:mojego|mojej|mego|mej|naszego|naszej|swojego|swojej) )?(?:(?:zmarlego|zmarlej|chorego|chorej|s\\.? ?p\\.?) )?';
// Folded text (diacritics stripped, case kept, same offsets). "za męża" only with a possessive:
// "dziękuję za męża" is rare, "płacę za syna" common and about the writer's own account.
const FOR_RELATIVE = new RegExp(
  `\\b(?:[Ww] imieniu ${POSSESSIVE}|[Ww] zastepstwie ${POSSESSIVE}|[Jj]ako (?:pelnomocni|opiekun)\\w* (?:prawn\\w* )?${POSSESSIVE}|za (?:moja|mojego|mojej) |` +
  `[Nn]a podstawie (?:pelnomocnictwa|upowaznienia) (?:od )?${POSSESSIVE}|` +
  `[Ww]${REGARDING_RELATIVE.slice(1)})` +
  `(${Object.keys(RELATIVES).join('|')})\\b[,]?(?: (?:[Pp]ana|[Pp]ani))? ?(\\p{Lu}\\p{Ll}+)?`, 'gu');

export interface RelativePrincipal {
  /** The relative with the family's surname guessed from the writer's. */
  named: { first: string; last: string }[];
  /** A relative the letter names by no given name at all. */
  unnamed: boolean;
}

/**
 * Relatives the letter is written for whom `names` (full names read) does not hold; `writer` is the
 * signer or, without a signature, the first name the letter gives.
 */
export function relativePrincipals(text: string, names: NameHit[], writer: { first: string; last: string } | null): RelativePrincipal {
  const out: RelativePrincipal = { named: [], unnamed: false };
  for (const m of stripDiacritics(text).matchAll(FOR_RELATIVE)) {
    const at = m.index ?? 0;
    const end = at + m[0].length;
    // A full name read there ("męża, Pana Władysława Sokołowskiego") is a principal already (on-behalf.ts).
    if (names.some((n) => n.index >= at && n.index <= end + 2)) continue;
    const gender = RELATIVES[m[1]!.toLowerCase()]!;
    const given = m[2] ? readGivenNames(m[2].toLowerCase()).find((g) => g.gender === gender) : undefined;
    const last = writer ? familySurname(writer.last, gender) : null;
    if (given && last) out.named.push({ first: givenNominative(text.slice(end - m[2]!.length, end), given), last });
    else out.unnamed = true;
  }
  return out;
}

/** The family's surname in the relative's gender: Sokołowska → Sokołowski; noun surnames as they are. */
function familySurname(last: string, gender: Gender): string | null {
  const part = (p: string) => gender === 'm' ? p.replace(/(sk|ck|dzk)a$/i, '$1i') : p.replace(/(sk|ck|dzk)i$/i, '$1a');
  const out = last.split('-').map(part).join('-');
  return out || null;
}
