import { describe, expect, it } from 'vitest';
import { decide, type LetterFlags } from '../../router/match-decision.js';
import type { Scored } from '../../router/match-score.js';

const namesake = (i: number): Scored => ({
  customerId: `30000000${String(i).padStart(2, '0')}`, points: 2, evidence: ['name'], strong: new Set(), nip: null, regon: null, krs: null, identifier: false, listed: true,
  principal: true, signer: false, principalNamed: false, principalPhone: false, thirdParty: false, individual: true, repairedPhoneOnly: false, doubtfulOnly: false,
  lookalikeNumber: false, elsewhere: false, elsewhereByHouseOnly: false, fullName: true, person: 'marek|dabrowski',
});

const FLAGS: LetterFlags = { fromInstitution: false, writerNotCustomer: false, ownBusiness: false, forUnnamedRelative: false };

describe('the decision over scored candidates', () => {
  it('says when the list of candidates shown was cut (blind test AE: 34 namesakes, 10 shown, the writer not among them)', () => {
    const many = decide(Array.from({ length: 34 }, (_, i) => namesake(i)), FLAGS);
    expect(many.kind).not.toBe('matched');
    expect(many.candidates).toHaveLength(10);
    if (many.kind !== 'matched') expect(many.reason).toMatch(/\(the 10 best of 34 candidates listed\)$/);
    const few = decide([namesake(1), namesake(2)], FLAGS);
    if (few.kind !== 'matched') expect(few.reason).not.toContain('listed');
  });

  it("decides for a named principal whose number the letter gives although the writer, a customer too, lives at its address (blind test AH)", () => {
    const client: Scored = { ...namesake(1), points: 8, evidence: ['customer_number', 'name'], strong: new Set(['customer_number']), identifier: true,
      principalNamed: true, elsewhere: true, person: 'iwona|michalska' };
    const lawyer: Scored = { ...namesake(2), points: 5, evidence: ['name', 'address', 'postal_code'], signer: true, person: 'piotr|lis' };
    expect(decide([client, lawyer], FLAGS)).toMatchObject({ kind: 'matched', customerId: client.customerId });
    // Not named as the principal, the same letter is the AB case: the number may be a namesake's misread.
    const unnamed = decide([{ ...client, principalNamed: false }, { ...lawyer, signer: false }], FLAGS);
    expect(unnamed.kind).toBe('ambiguous');
  });
});
