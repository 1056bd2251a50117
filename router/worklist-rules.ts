import { CATEGORIES, type Category, type Classification, type MatchResult, type Segment } from '../core/types.js';

// Where a letter goes and by when it must be answered. Deadlines the law sets are not
// configurable: an unanswered telecom complaint counts as accepted after 30 days, a data-subject
// request must be answered within a month, and courts and bailiffs expect a reply within a week
// unless they state their own term.

export const STATUTORY_DAYS: Partial<Record<Category, number>> = { COMPLAINT: 30, PRIVACY: 30, LEGAL: 7 };
/**
 * Terms the law sets in calendar months, due by the earlier of these and the days above: a
 * data-subject request is answered "within one month of receipt" (GDPR art. 12(3)), and from late
 * January or February on, 30 days run past that month (received 1 February: due 1 March, not 3 March).
 */
const STATUTORY_MONTHS: Partial<Record<Category, number>> = { PRIVACY: 1 };

const SHORTEST_STATUTORY_DAYS = Math.min(...Object.values(STATUTORY_DAYS));

export const MANUAL_IDENTIFICATION = 'manual-identification';
export const MANUAL_CLASSIFICATION = 'manual-classification';
/** Letters a stage gave up on after its retries (core/workers.ts). */
export const NEEDS_ATTENTION = 'needs-attention';

const categoryWorklist = (c: Category, segment: Segment) => `${c.toLowerCase().replace('_', '-')}-${segment}`;

/** Every worklist a letter can be routed to. */
export const WORKLISTS: ReadonlySet<string> = new Set([
  MANUAL_IDENTIFICATION, MANUAL_CLASSIFICATION, NEEDS_ATTENTION,
  ...CATEGORIES.flatMap((c) => (['individual', 'business'] as const).map((s) => categoryWorklist(c, s))),
]);

export interface RoutingPolicy {
  /** Category confidence below which a person decides the category. */
  categoryThreshold: number;
  perCategoryThreshold?: Partial<Record<Category, number>>;
  /** Service-level days for categories the law does not bind. */
  dueDays: Partial<Record<Category, number>>;
}

export interface RoutingDecision {
  worklist: string;
  dueAt: string | null;
  priority: number;
  reason: string;
}

/** The same day `months` later, or the last day of that month when it has no such day (31 January + 1: 28 February). */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const lastOfTarget = new Date(Date.UTC(y, m - 1 + months + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m - 1 + months, Math.min(d, lastOfTarget))).toISOString().slice(0, 10);
}

export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

// A stated date further back than this when the letter arrives is no deadline the post made late
// but the end of something the letter describes ("zadłużenie powstałe do dnia 30.09.2026"); one
// further ahead than this is no reply term. Either way the category's own term applies.
const STATED_DATE_PAST_DAYS = 14;
const STATED_DATE_AHEAD_DAYS = 180;

/**
 * The stated date as a due day for a letter received on `receivedAt`, or null when it cannot be
 * the letter's term. A date without a year is the next such day; one gone by when the letter
 * arrives (the post was slow) is due at once.
 */
export function resolveStatedDueDate(stated: string, receivedAt: string): string | null {
  const earliest = addDays(receivedAt, -STATED_DATE_PAST_DAYS);
  let day = stated;
  if (stated.startsWith('--')) {
    const year = Number(receivedAt.slice(0, 4));
    day = `${year}${stated.slice(1)}`;
    if (day < earliest) day = `${year + 1}${stated.slice(1)}`;
  }
  // 29 February without a year, placed in a common year, is no day at all.
  if (Number.isNaN(Date.parse(`${day}T00:00:00Z`)) || addDays(day, 0) !== day) return null;
  if (day < earliest || day > addDays(receivedAt, STATED_DATE_AHEAD_DAYS)) return null;
  return day < receivedAt ? receivedAt : day;
}

export function dueDateFor(
  category: Category, receivedAt: string, stated: Pick<Classification, 'statedTermDays' | 'statedDueDate' | 'termSetBySender'>, policy: RoutingPolicy,
): string | null {
  // The letter's own term, as days or as a date; with both, the earlier.
  const own = category === 'LEGAL' || stated.termSetBySender ? [
    stated.statedTermDays && stated.statedTermDays > 0 ? addDays(receivedAt, stated.statedTermDays) : null,
    stated.statedDueDate ? resolveStatedDueDate(stated.statedDueDate, receivedAt) : null,
  ].filter((d): d is string => d !== null).sort()[0] : undefined;
  if (category === 'LEGAL' && own) return own;
  const days = STATUTORY_DAYS[category] ?? policy.dueDays[category];
  const months = STATUTORY_MONTHS[category];
  const statutory = days === undefined ? [] : [addDays(receivedAt, days), ...(months ? [addMonths(receivedAt, months)] : [])];
  // A bank's or a welfare centre's term dates its letter where it comes before the category's own.
  return [...statutory, ...(own ? [own] : [])].sort()[0] ?? null;
}

const EPOCH = Date.UTC(2020, 0, 1);
const NO_DEADLINE_PRIORITY = 2_000_000;

/** BullMQ serves lower numbers first: the priority is the due day, so the earliest deadline leads. */
export function priorityFor(dueAt: string | null): number {
  if (!dueAt) return NO_DEADLINE_PRIORITY;
  const days = Math.round((Date.parse(`${dueAt}T00:00:00Z`) - EPOCH) / 86_400_000);
  return Math.min(NO_DEADLINE_PRIORITY - 1, Math.max(1, days + 1));
}

export function decideRouting(
  input: { classification: Classification; match: MatchResult; segment: Segment | null; receivedAt: string },
  policy: RoutingPolicy,
): RoutingDecision {
  const { classification: c, match, receivedAt } = input;
  // A letter that may carry several intents is due by the earliest of their deadlines.
  const dues = [c.category, ...c.secondary]
    .map((cat) => dueDateFor(cat, receivedAt, c, policy))
    .filter((d): d is string => d !== null)
    .sort();
  const dueAt = dues[0] ?? null;
  const priority = priorityFor(dueAt);
  const threshold = policy.perCategoryThreshold?.[c.category] ?? policy.categoryThreshold;
  if (c.confidence < threshold) {
    // The guess may be wrong in the direction that costs most (an authority's 7-day demand read as
    // "other"): a person must classify it before the shortest statutory term can pass, and before
    // the deadline of a category the model also half believed (blind test AH: "Awaria internetu"
    // guessed a complaint at 0.44, a fault's 3 days passed in the 7-day triage). The correction then
    // sets the letter's own deadline (router/correct-document.ts).
    const alternatives = (c.alternatives ?? []).map((cat) => dueDateFor(cat, receivedAt, c, policy));
    const triage = [dueAt, ...alternatives, addDays(receivedAt, SHORTEST_STATUTORY_DAYS)].filter((d): d is string => d !== null).sort()[0]!;
    return {
      worklist: MANUAL_CLASSIFICATION, dueAt: triage, priority: priorityFor(triage),
      reason: `category ${c.category} at ${c.confidence.toFixed(2)} is under the ${threshold} threshold`,
    };
  }
  if (match.kind !== 'matched') {
    return { worklist: MANUAL_IDENTIFICATION, dueAt, priority, reason: match.reason };
  }
  const segment = input.segment ?? 'individual';
  return { worklist: categoryWorklist(c.category, segment), dueAt, priority, reason: `matched on ${match.evidence.join(', ')}` };
}
