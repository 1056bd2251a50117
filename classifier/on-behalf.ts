// Letters written for someone else: a son for his mother, a widow for her late husband, a lawyer
// for a client. The letter concerns the person named after "w imieniu", not the writer, whose own
// phone and signature may well belong to another customer: matching on them would put the
// mother's request into the son's file (router/match-customer.ts checks the principal).
import { foldChars } from './normalize.js';
import type { NameHit } from './names.js';

// "w imieniu (mojej mamy)", "działając w imieniu i na rzecz", "jako pełnomocnik", "za moją mamę",
// "on behalf of". Folded text; the name must follow within PRINCIPAL_REACH characters.
const ON_BEHALF =
  /\b(?:w imieniu|w zastepstwie|jako pelnomocni\w*|pelnomocnik\w* (?:pani|pana)|on behalf of|za (?:moja|mojego) (?:mame|matke|tate|ojca|babcie|dziadka|zone|meza|corke|syna|siostre|brata))\b/g;
const PRINCIPAL_REACH = 90;

/** Names of the people the letter is written for (empty when the writer writes for themselves). */
export function principalNames(text: string, names: NameHit[]): { first: string; last: string }[] {
  const folded = foldChars(text);
  const out: { first: string; last: string }[] = [];
  for (const m of folded.matchAll(ON_BEHALF)) {
    const from = (m.index ?? 0) + m[0].length;
    // The first name after the marker, before the sentence ends.
    const end = folded.slice(from, from + PRINCIPAL_REACH).search(/[.;!?\n]\s/);
    const until = from + (end < 0 ? PRINCIPAL_REACH : end);
    const hit = names.find((n) => n.index >= from && n.index < until);
    if (hit && !out.some((p) => p.first === hit.first && p.last === hit.last)) out.push({ first: hit.first, last: hit.last });
  }
  return out;
}

// The closing formula a signature stands under ("Z poważaniem", "Pozdrawiam", "Regards").
const CLOSING = /(?:pozdrawiam|pozdrowienia|powazaniem|szacunkiem|wyrazami szacunku|uklonami|regards|sincerely)[\s,.!]*\n/g;
const SIGNATURE_REACH = 60;

/** The person who signed the letter: the first name right under its last closing formula. */
export function signerName(text: string, names: NameHit[]): { first: string; last: string } | null {
  const folded = foldChars(text);
  const closings = [...folded.matchAll(CLOSING)];
  const last = closings[closings.length - 1];
  if (!last) return null;
  const from = (last.index ?? 0) + last[0].length;
  const hit = names.find((n) => n.index >= from && n.index < from + SIGNATURE_REACH);
  return hit ? { first: hit.first, last: hit.last } : null;
}

