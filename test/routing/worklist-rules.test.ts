import { describe, expect, it } from 'vitest';
import { addDays, addMonths, decideRouting, dueDateFor, priorityFor, MANUAL_CLASSIFICATION, MANUAL_IDENTIFICATION } from '../../router/worklist-rules.js';
import type { Classification, MatchResult } from '../../core/types.js';

const policy = { categoryThreshold: 0.6, dueDays: { FAULT: 3, ORDER: 14 } };
const cls = (over: Partial<Classification>): Classification => ({ category: 'COMPLAINT', confidence: 0.95, secondary: [], explanation: [], statedTermDays: null, ...over });
const matched: MatchResult = { kind: 'matched', customerId: '4600569014', confidence: 0.99, evidence: ['customer_number'], candidates: [] };
const noTerm = { statedTermDays: null };
const none: MatchResult = { kind: 'unmatched', candidates: [], reason: 'no candidate' };

describe('deadlines', () => {
  it('adds calendar days across month and year ends and leap days', () => {
    expect(addDays('2026-11-16', 30)).toBe('2026-12-16');
    expect(addDays('2026-12-20', 30)).toBe('2027-01-19');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
  });

  it('applies statutory terms that configuration cannot override', () => {
    const loose = { categoryThreshold: 0.6, dueDays: { COMPLAINT: 90, LEGAL: 60 } };
    expect(dueDateFor('COMPLAINT', '2026-11-16', noTerm, loose)).toBe('2026-12-16');
    expect(dueDateFor('PRIVACY', '2026-11-16', noTerm, loose)).toBe('2026-12-16');
    expect(dueDateFor('LEGAL', '2026-11-16', noTerm, loose)).toBe('2026-11-23');
    expect(dueDateFor('LEGAL', '2026-11-16', { statedTermDays: 14 }, loose)).toBe('2026-11-30');
    expect(dueDateFor('FAULT', '2026-11-16', noTerm, policy)).toBe('2026-11-19');
    expect(dueDateFor('OTHER', '2026-11-16', noTerm, policy)).toBeNull();
  });

  it('answers a data-subject request within one calendar month, which from February on is shorter than 30 days', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-12-31', 1)).toBe('2027-01-31');
    expect(dueDateFor('PRIVACY', '2027-02-01', noTerm, policy)).toBe('2027-03-01');
    expect(dueDateFor('PRIVACY', '2027-01-31', noTerm, policy)).toBe('2027-02-28');
    // 30 days is the earlier bound in months of 31 days: never later than the law's month.
    expect(dueDateFor('PRIVACY', '2026-12-31', noTerm, policy)).toBe('2027-01-30');
    // A complaint's term is in days (30 days from receipt), whatever the month.
    expect(dueDateFor('COMPLAINT', '2027-02-01', noTerm, policy)).toBe('2027-03-03');
  });

  it('gives earlier deadlines a lower (sooner) BullMQ priority', () => {
    expect(priorityFor('2026-11-20')).toBeLessThan(priorityFor('2026-11-21'));
    expect(priorityFor(null)).toBeGreaterThan(priorityFor('2099-12-31'));
    expect(priorityFor('2019-01-01')).toBe(1);
  });
});

describe('decideRouting', () => {
  it('routes a confident, matched letter to its category and segment worklist', () => {
    const d = decideRouting({ classification: cls({ category: 'DATA_CHANGE' }), match: matched, segment: 'business', receivedAt: '2026-11-16' }, { ...policy, dueDays: { DATA_CHANGE: 14 } });
    expect(d).toMatchObject({ worklist: 'data-change-business', dueAt: '2026-11-30' });
  });

  it('never names a customer it did not match: unmatched or ambiguous go to manual identification', () => {
    expect(decideRouting({ classification: cls({}), match: none, segment: null, receivedAt: '2026-11-16' }, policy).worklist).toBe(MANUAL_IDENTIFICATION);
    const amb: MatchResult = { kind: 'ambiguous', candidates: [{ customerId: 'a', score: 0.6, evidence: ['name'] }, { customerId: 'b', score: 0.6, evidence: ['name'] }], reason: 'namesakes' };
    expect(decideRouting({ classification: cls({}), match: amb, segment: null, receivedAt: '2026-11-16' }, policy).worklist).toBe(MANUAL_IDENTIFICATION);
  });

  it('sends uncertain categories to manual classification, honouring per-category thresholds', () => {
    expect(decideRouting({ classification: cls({ confidence: 0.5 }), match: matched, segment: 'individual', receivedAt: '2026-11-16' }, policy).worklist).toBe(MANUAL_CLASSIFICATION);
    const strict = { ...policy, perCategoryThreshold: { LEGAL: 0.9 } };
    expect(decideRouting({ classification: cls({ category: 'LEGAL', confidence: 0.8 }), match: matched, segment: 'individual', receivedAt: '2026-11-16' }, strict).worklist).toBe(MANUAL_CLASSIFICATION);
  });

  it('gives an uncertain letter no later deadline than the shortest statutory term, whatever the guess', () => {
    const guess = (category: Classification['category']) =>
      decideRouting({ classification: cls({ category, confidence: 0.4 }), match: matched, segment: 'individual', receivedAt: '2026-11-16' }, policy);
    expect(guess('OTHER')).toMatchObject({ worklist: MANUAL_CLASSIFICATION, dueAt: '2026-11-23' });
    expect(guess('COMPLAINT').dueAt).toBe('2026-11-23');
    expect(guess('FAULT').dueAt).toBe('2026-11-19'); // the guess's own term is sooner
    expect(guess('OTHER').priority).toBe(priorityFor('2026-11-23'));
  });

  it('lets no deadline of a category the model half believed pass while a person decides (blind test AH)', () => {
    const route = (c: Partial<Classification>) =>
      decideRouting({ classification: cls({ confidence: 0.44, ...c }), match: matched, segment: 'individual', receivedAt: '2026-11-16' }, policy);
    expect(route({ alternatives: ['FAULT'] })).toMatchObject({ worklist: MANUAL_CLASSIFICATION, dueAt: '2026-11-19' });
    expect(route({ alternatives: ['ORDER'] }).dueAt).toBe('2026-11-23');
    // A confident letter keeps its own deadline: the alternatives are the triage's only.
    expect(route({ confidence: 0.9, alternatives: ['FAULT'] }).dueAt).toBe('2026-12-16');
  });

  it("dates an organisation's letter by the term it sets where that comes first, never a private writer's (blind test AW)", () => {
    const days = { ...policy, dueDays: { OTHER: 30, BILLING: 14 } };
    const route = (over: Partial<Classification>) =>
      decideRouting({ classification: cls({ category: 'OTHER', ...over }), match: matched, segment: 'individual', receivedAt: '2026-11-20' }, days).dueAt;
    // A welfare centre's "w terminie 14 dni", a city office's "do dnia 10 grudnia", a bank's 7 days.
    expect(route({ statedTermDays: 14, termSetBySender: true })).toBe('2026-12-04');
    expect(route({ statedDueDate: '2026-12-10', termSetBySender: true })).toBe('2026-12-10');
    expect(route({ category: 'BILLING', statedTermDays: 7, termSetBySender: true })).toBe('2026-11-27');
    // A longer term than the category's own does not postpone it.
    expect(route({ category: 'BILLING', statedTermDays: 30, termSetBySender: true })).toBe('2026-12-04');
    // The same term in a private writer's letter leaves the category's own.
    expect(route({ statedTermDays: 14 })).toBe('2026-12-20');
  });

  it('takes the earliest deadline of all intents of a letter', () => {
    const d = decideRouting({ classification: cls({ category: 'CANCELLATION', secondary: ['COMPLAINT'] }), match: matched, segment: 'individual', receivedAt: '2026-11-16' }, { ...policy, dueDays: { CANCELLATION: 45 } });
    expect(d).toMatchObject({ worklist: 'cancellation-individual', dueAt: '2026-12-16' });
  });
});
