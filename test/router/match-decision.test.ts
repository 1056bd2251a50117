import { describe, expect, it } from 'vitest';
import { decide } from '../../router/match-decision.js';
import type { Scored } from '../../router/match-score.js';

const namesake = (i: number): Scored => ({
  customerId: `30000000${String(i).padStart(2, '0')}`, points: 2, evidence: ['name'], strong: new Set(), identifier: false, listed: true,
  principal: true, signer: false, principalNamed: false, thirdParty: false, individual: true, repairedPhoneOnly: false, doubtfulOnly: false,
  lookalikeNumber: false, elsewhere: false, fullName: true, person: 'marek|dabrowski',
});

describe('the decision over scored candidates', () => {
  it('says when the list of candidates shown was cut (blind test AE: 34 namesakes, 10 shown, the writer not among them)', () => {
    const many = decide(Array.from({ length: 34 }, (_, i) => namesake(i)), false, false, false);
    expect(many.kind).not.toBe('matched');
    expect(many.candidates).toHaveLength(10);
    if (many.kind !== 'matched') expect(many.reason).toMatch(/\(the 10 best of 34 candidates listed\)$/);
    const few = decide([namesake(1), namesake(2)], false, false, false);
    if (few.kind !== 'matched') expect(few.reason).not.toContain('listed');
  });
});
