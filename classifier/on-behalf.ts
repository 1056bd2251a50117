// Letters written for someone else: a son for his mother, a widow for her late husband, a lawyer
// for a client. The letter concerns the person named after "w imieniu", not the writer, whose own
// phone and signature may well belong to another customer: matching on them would put the
// mother's request into the son's file (router/match-customer.ts checks the principal).
import type { Identifiers } from '../core/types.js';
import type { NameHit } from './names.js';
import { stripDiacritics } from './normalize.js';
import { REGARDING_RELATIVE, RELATIVE_GENITIVES, relativePrincipals } from './relative-principal.js';

// "w imieniu (mojej mamy)", "działając w imieniu i na rzecz", "jako pełnomocnik", "za moją mamę",
// "on behalf of". Folded text; the name must follow within PRINCIPAL_REACH characters.
// Also "w sprawie umowy mojego ojca, Rafała …", "jako opiekun mojego ojca Jerzego …" (blind test AV:
// both to a person with the writer, a customer at the same address, beside the principal).
const ON_BEHALF = new RegExp('\\b(?:w imieniu|w zastepstwie|jako pelnomocni\\w*|pelnomocnik\\w* (?:pani|pana)|on behalf of|' +
  'za (?:moja|mojego) (?:mame|matke|tate|ojca|babcie|dziadka|zone|meza|corke|syna|siostre|brata)|jako opiekun\\w*|' +
  `${REGARDING_RELATIVE}(?:${RELATIVE_GENITIVES}))\\b`, 'g');
const PRINCIPAL_REACH = 90;

// "Moja mama, Jadwiga Cieślak, zmarła…", "Mój syn, Michał Nowak, wyjechał… Proszę o rozwiązanie jego
// umowy": a relative the writer names as the subject of a sentence, whose death, line or contract that
// sentence or the next speaks of, is whom the letter is about (blind test Z: a daughter, herself a
// customer, ending her late mother's contract, matched on her own customer number). Nominative only,
// the name right after the noun: "przeniesienie umowy na mojego syna, Michała" names who takes over,
// and "sprawy ma za mnie załatwiać moja córka, Agnieszka" (no line of hers) who is authorised.
const RELATIVE =
  /\b(?:[Mm]oja (?:(?:zmarla|s\.? ?p\.?) )?(?:mama|matka|babcia|zona|tesciowa|corka|siostra|wnuczka)|[Mm]oj (?:(?:zmarly|s\.? ?p\.?) )?(?:tata|ojciec|dziadek|maz|tesc|syn|brat|wnuk)),? (?=(?:[Pp]an(?:i)? )?\p{Lu})/gu;
const RELATIVE_REACH = 30;
const THEIRS = /\b(?:zmarl\w*|zgon\w*|(?:jej|jego) (?:umow|numer|telefon|kont|abonament|internet|lini|uslug)\w*|(?:jest|byl\w*) (?:panstwa |waszym |wasza )?(?:klient|abonent)\w*)/;

/** Relatives named as a sentence's subject whose own line, contract or death the letter speaks of. */
function relativesAbout(text: string, folded: string, names: NameHit[]): NameHit[] {
  // Capitals tell a name from "moja mama dzwoniła": the unfolded text, same offsets.
  return namesAfter(stripDiacritics(text), names, RELATIVE, RELATIVE_REACH).filter((hit) => {
    // That sentence and the next.
    const rest = folded.slice(hit.index, hit.index + 300);
    const first = sentenceEnd(rest);
    const second = first < 0 ? -1 : sentenceEnd(rest.slice(first + 1));
    return THEIRS.test(rest.slice(0, second < 0 ? undefined : first + 1 + second));
  });
}

/** Names of the people the letter is written for (empty when the writer writes for themselves). */
function principalNames(folded: string, names: NameHit[], text: string): { first: string; last: string }[] {
  return personsOf([...namesAfter(folded, names, ON_BEHALF, PRINCIPAL_REACH), ...relativesAbout(text, folded, names)]);
}

// "zmarłego w dniu 30 października 2026 r. pana Zdzisława Kowalczyka": a dot after an abbreviation
// ends no sentence.
const ABBREVIATION = /(?:^|[\s(])(?:r|ul|nr|tel|sw|im|dr|mgr|inz|zam|os|al|pl|ok|godz|ob|p|m\.in|np|tj|wg)$/;

function sentenceEnd(s: string): number {
  for (const m of s.matchAll(/[.;!?\n]\s/g)) {
    const at = m.index ?? 0;
    if (s[at] !== '.' || !ABBREVIATION.test(s.slice(0, at))) return at;
  }
  return -1;
}

/** The first name after each marker, before its sentence ends (`text` shares the names' offsets). */
function namesAfter(text: string, names: NameHit[], marker: RegExp, reach: number): NameHit[] {
  const out: NameHit[] = [];
  for (const m of text.matchAll(marker)) {
    const from = (m.index ?? 0) + m[0].length;
    const end = sentenceEnd(text.slice(from, from + reach));
    const until = from + (end < 0 ? reach : end);
    const hit = names.find((n) => n.index >= from && n.index < until);
    if (hit) out.push(hit);
  }
  return out;
}

/** Each person once, as the matcher takes them. */
function personsOf(hits: NameHit[]): { first: string; last: string }[] {
  const out: { first: string; last: string }[] = [];
  for (const h of hits) if (!out.some((p) => p.first === h.first && p.last === h.last)) out.push({ first: h.first, last: h.last });
  return out;
}

// "Na numer syna 698 112 334", "numer telefonu mamy:": a number the writer gives as the principal's
// own, which (unlike the writer's contact number) does point at the principal's account.
// So is "Jego telefon stacjonarny nr 22 758 31 90", "telefon mamy:", "abonentki numeru" (blind test Z: a son of the same
// name writing for his father, whose landline told the two apart).
const WHOSE = '(?:syna|corki|mamy|matki|taty|ojca|meza|zony|brata|siostry|babci|dziadka|wnuka|wnuczki|jego|jej|mocodawc\\w*|klient\\w*|abonent\\w*)';
const PRINCIPALS_NUMBER = new RegExp(
  `\\b(?:numer\\w*(?:\\s+telefonu|\\s+tel\\.?)?\\s+${WHOSE}|telefon\\w*(?:\\s+(?:stacjonarn|komorkow|domow)\\w*)?\\s+${WHOSE}|(?:jego|jej)\\s+(?:telefon|numer)\\w*(?:\\s+(?:stacjonarn|komorkow|domow)\\w*)?(?:\\s+(?:nr|numer)\\.?)?|abonent\\w*\\s+(?:numer\\w*|nr\\.?))\\b[^\\n\\d]{0,12}\\s*$`,
);

// Or it follows the principal's name in the same clause: "do mojej mamy, Anny Nowak, na numer 603 …",
// "ojca, Jana Kowalskiego (tel. 22 758 31 90)".
const AFTER_NAME = /^[\s,(:-]*(?:(?:na|pod|jej|jego)\s+)?(?:(?:numer\w*|nr|tel|telefon\w*|kom|stacjonarn\w*|komorkow\w*)[\s.:]*)*$/;

/** The phone at `index` of the (folded) text is introduced as the principal's own number. */
function isPrincipalsNumber(folded: string, index: number, principalHits: NameHit[]): boolean {
  if (PRINCIPALS_NUMBER.test(folded.slice(Math.max(0, index - 60), index))) return true;
  return principalHits.some((n) => n.index + n.length <= index && index - (n.index + n.length) <= 30 && AFTER_NAME.test(folded.slice(n.index + n.length, index)));
}

// The closing formula a signature stands under ("Z poważaniem", "Pozdrawiam", "Regards").
const CLOSING = /(?:pozdrawiam|pozdrowienia|powazaniem|szacunkiem|wyrazami szacunku|uklonami|regards|sincerely)[\s,.!]*\n/g;
const SIGNATURE_REACH = 60;

/** The person who signed the letter: the first name right under its last closing formula. */
function signerName(folded: string, names: NameHit[]): { first: string; last: string } | null {
  const closings = [...folded.matchAll(CLOSING)];
  const last = closings[closings.length - 1];
  if (!last) return null;
  const from = (last.index ?? 0) + last[0].length;
  const hit = names.find((n) => n.index >= from && n.index < from + SIGNATURE_REACH);
  return hit ? { first: hit.first, last: hit.last } : null;
}

// "Mój sąsiad, Pan Ryszard Pawlak z ul. Leśnej 4": a neighbour the writer complains about or reports
// on; "odpowiedź dotyczącą innego klienta: Pana Jerzego Malinowskiego": someone else's data sent to
// the writer. The customer the letter names this way is not its writer.
// "nie znam pani Danuty Sikory": someone the writer is mistaken for (blind test P: a recycled
// number's new owner). Not "zadłużenie pana X": a social worker writes so for the debtor.
// "listy adresowane do poprzednich lokatorów, m.in. do Urszuli Stępień": post for whoever lived at
// the writer's address before (blind test AV: a new tenant's letter filed into the former tenant's account).
const THIRD_PARTY = new RegExp(['\\b(?:sasiad\\w*|sasiedz\\w*|sasiedni\\w* lokal\\w*|inn(?:ego|ej|emu) (?:klient\\w*|abonent\\w*|osob\\w*)',
  'obcej osob\\w*|cudz\\w+ (?:dane|danych|faktur\\w*|korespondencj\\w*|list\\w*)|nie znam (?:pani|pana)',
  '(?:poprzedni|dawn)\\w* (?:lokator|najemc|wlasciciel|mieszkan|abonent)\\w*|adresowan\\w* (?:do|na)|zaadresowan\\w* (?:do|na))\\b'].join('|'), 'g');
const THIRD_PARTY_REACH = 40;

/** Names the letter introduces as a third party (a neighbour), not as its writer or principal. */
function thirdPartyNames(folded: string, names: NameHit[]): { first: string; last: string }[] {
  return personsOf(namesAfter(folded, names, THIRD_PARTY, THIRD_PARTY_REACH));
}

// "Nie jestem Państwa klientem": whoever the letter names, it is not the writer's own account. A
// former customer ("od stycznia nie jestem już Państwa klientką") is still in the master and still
// matched; "nie jestem abonentem" alone is often reported speech (a daughter told she may not ask).
const NO_CUSTOMER = new RegExp([
  '\\bnie jestem(?: jeszcze| i nigdy nie (?:bylam|bylem))? (?:panstwa|waszym|wasza) (?:klient(?:em|ka)|abonent(?:em|ka))\\b',
  // "Dotychczas nie korzystałem z Państwa usług", "Ja sam nie korzystam z Państwa usług" (blind test R).
  '\\b(?:nie|nigdy nie) (?:korzystam|korzystalem|korzystalam) z (?:panstwa|waszych) uslug\\b',
  '\\bnigdy nie (?:bylam|bylem) (?:panstwa |waszym |wasza )?(?:klient(?:em|ka)|abonent(?:em|ka))\\b',
  '\\bnie jestem (?:klient(?:em|ka)|abonent(?:em|ka)) (?:panstwa|waszej) (?:firmy|sieci)\\b',
  '\\bnie (?:mam|mialam|mialem|zawieralam|zawieralem) (?:zadnej )?umowy z (?:panstwem|panstwa firma|wami)\\b',
  // A firm's plural: "Nie jesteśmy Państwa klientem i nie mamy z Państwem umowy" (blind test AM: a
  // stranger firm returning a misdirected invoice was matched to the firm the invoice named).
  '\\bnie jestesmy(?: jeszcze| i nigdy nie bylismy)? (?:panstwa|waszym|wasza|waszymi) (?:klient(?:em|ka|ami)|abonent(?:em|ami))\\b',
  '\\bnie jestesmy (?:klient(?:em|ami)|abonent(?:em|ami)) (?:panstwa|waszej) (?:firmy|sieci)\\b',
  '\\bnigdy nie bylismy (?:panstwa |waszym |waszymi )?(?:klient(?:em|ami)|abonent(?:em|ami))\\b',
  '\\b(?:nie|nigdy nie) (?:korzystamy|korzystalismy) z (?:panstwa|waszych) uslug\\b',
  '\\bnie (?:mamy|mielismy|zawieralismy) (?:zadnej )?umowy z (?:panstwem|panstwa firma|wami)\\b',
  '\\bnie (?:mam|mamy|mialam|mialem|mielismy) z (?:panstwem|wami) (?:zadnej )?umowy\\b',
  "\\bi am not (?:a |your )?customer\\b|\\bi have never been (?:a |your )?customer\\b|\\bwe are not (?:a |your )?customers?\\b",
].join('|'));
const FORMER = /\b(?:juz|od|wiecej|obecnie|teraz|przestal\w*|since|anymore|longer)\b/;

/** The writer says they are no customer of the operator (and not a former one). */
function declaresNoCustomer(folded: string): boolean {
  const flat = folded.replace(/\s+/g, ' ');
  const m = NO_CUSTOMER.exec(flat);
  if (!m) return false;
  const start = Math.max(flat.lastIndexOf('. ', m.index), flat.lastIndexOf(', ', m.index), 0);
  // The clause that says it: up to the next comma or sentence end ("…, a dostaję od Was faktury" is another clause).
  const end = flat.slice(m.index).search(/[,.;!?]/);
  return !FORMER.test(flat.slice(start, end < 0 ? undefined : m.index + end));
}

// "faktura dla mojej firmy", "prowadzę działalność gospodarczą": the writer speaks of a firm of
// their own, so of a sole trader's business account rather than the private one of the same name.
const OWN_BUSINESS = /\b(?:moj(?:a|ej|e|ego) firm\w*|mojej dzialalnosc\w*|prowadz\w* (?:jednoosobowa )?dzialalnosc\w*|dzialalnosc\w* gospodarcz\w*|firmow(?:y|a|e|ego|ej)|jdg)\b/g;
// "pismo nie dotyczy usług mojej firmy": the firm named only to say the letter is not about it.
const NOT_ABOUT = /\bnie (?:dotycz|chodzi|zmieniam|jest)\w*/;

function speaksOfOwnBusiness(folded: string): boolean {
  const flat = folded.replace(/\s+/g, ' ');
  for (const m of flat.matchAll(OWN_BUSINESS)) {
    const before = flat.slice(0, m.index);
    const clause = before.slice(Math.max(before.lastIndexOf('.'), before.lastIndexOf(';'), before.lastIndexOf('!'), before.lastIndexOf('?')) + 1);
    if (!NOT_ABOUT.test(clause)) return true;
  }
  return false;
}

type Relations = Pick<Identifiers, 'principals' | 'principalPhones' | 'signer' | 'thirdParties' | 'writerNotCustomer' | 'ownBusiness' | 'forUnnamedRelative'>;

/**
 * Who wrote the letter and for whom, as the matcher takes it (fields absent when the letter says
 * nothing of them). `folded` is the letter folded by foldChars (same offsets as `names`, `phones`).
 */
export function writerRelations(folded: string, names: NameHit[], phones: { value: string; index: number }[], text: string): Relations {
  const signer = signerName(folded, names);
  const writer = signer ?? (names[0] ? { first: names[0].first, last: names[0].last } : null);
  const relatives = relativePrincipals(text, names, writer);
  const principals = principalNames(folded, names, text);
  for (const p of relatives.named) if (!principals.some((q) => q.first === p.first && q.last === p.last)) principals.push(p);
  // "w imieniu sąsiadki, pani X": a neighbour written for is a principal, not a third party.
  const third = thirdPartyNames(folded, names).filter((n) => !principals.some((p) => p.first === n.first && p.last === n.last));
  const principalHits = names.filter((n) => principals.some((p) => p.first === n.first && p.last === n.last));
  // "w imieniu syna (nazywamy się tak samo) … numer syna +48 572 960 986": the unnamed relative's own number too.
  const principalPhones = principals.length || relatives.unnamed
    ? [...new Set(phones.filter((p) => isPrincipalsNumber(folded, p.index, principalHits)).map((p) => p.value))] : [];
  return {
    ...(principals.length ? { principals } : {}),
    ...(principalPhones.length ? { principalPhones } : {}),
    ...(signer ? { signer } : {}),
    ...(third.length ? { thirdParties: third } : {}),
    ...(declaresNoCustomer(folded) ? { writerNotCustomer: true } : {}),
    ...(relatives.unnamed && !principals.length ? { forUnnamedRelative: true } : {}),
    ...(speaksOfOwnBusiness(folded) ? { ownBusiness: true } : {}),
  };
}
