import { describe, expect, it } from 'vitest';
import { lexiconHits, negatedAt } from '../../classifier/lexicon.js';
import { tokenize } from '../../classifier/normalize.js';

const hits = (text: string) => Object.fromEntries(lexiconHits(tokenize(text)));

describe('lexicon negation', () => {
  it('does not count a request the writer says they are not making', () => {
    expect(hits('Nie reklamuję, tylko pytam skąd ta kwota.').COMPLAINT).toBeUndefined();
    expect(hits('To nie jest reklamacja.').COMPLAINT).toBeUndefined();
    expect(hits('Nie chcę rezygnować z telewizji.').CANCELLATION).toBeUndefined();
    expect(hits('This is not a complaint.').COMPLAINT).toBeUndefined();
    // What the writer disclaims (blind test AC).
    expect(hits('Ja nie mówię, że to źle policzone, chcę tylko zrozumieć.').COMPLAINT).toBeUndefined();
    expect(hits('Nie twierdzę, że opłata jest bezpodstawna.').COMPLAINT).toBeUndefined();
    expect(hits('Mówię wprost: to źle policzone.').COMPLAINT).toBeGreaterThan(0);
  });

  it('still counts the key when a negation belongs to another verb or the key is said again', () => {
    expect(hits('Nie rozpatrzyliście mojej reklamacji.').COMPLAINT).toBeGreaterThan(0);
    expect(hits('Nie reklamowałem wcześniej, ale teraz składam reklamację.').COMPLAINT).toBeGreaterThan(0);
    // The Polish filler "no" is not a negation.
    expect(hits('No to rezygnuję!').CANCELLATION).toBeGreaterThan(0);
    // Keys that are negative themselves keep working.
    expect(hits('Internet nie działa od tygodnia.').FAULT).toBeGreaterThan(0);
  });

  it('looks only right before the key (or before a verb of intent there)', () => {
    const t = tokenize('nie chce rezygnowac ale zamawiam');
    expect(negatedAt(t, 2)).toBe(true);
    expect(negatedAt(t, 4)).toBe(false);
    expect(negatedAt(tokenize('rezygnuje'), 0)).toBe(false);
  });

  it('carries the negation on through "ani" (blind test AL)', () => {
    expect(hits('Nie zamierzam wypowiadać umowy ani z niej rezygnować, proszę tylko o zmianę taryfy.').CANCELLATION ?? 0).toBe(0);
    const t = tokenize('nie mam internetu ani telefonu ale rezygnuje');
    expect(negatedAt(t, 4)).toBe(true);
    expect(negatedAt(t, 6)).toBe(false);
  });
});

describe('English lexicon', () => {
  it('gives English letters the same category priors', () => {
    expect(hits('I would like to cancel my contract and port my number.').CANCELLATION).toBeGreaterThan(0);
    expect(hits('Please delete my personal data under the GDPR.').PRIVACY).toBeGreaterThan(0);
    expect(hits('The internet is not working and there is no signal.').FAULT).toBeGreaterThan(0);
    expect(hits('The court bailiff has issued an enforcement order.').LEGAL).toBeGreaterThan(0);
  });

  it('does not read Polish words as English keys', () => {
    // "terminal" and "instalacja" start like "terminate" and "install".
    const h = hits('Terminale płatnicze w sklepie i instalacja światłowodu w terminie.');
    expect(h.CANCELLATION).toBeUndefined();
  });
});

describe('English negation', () => {
  it('reads "do not want to cancel" and "don\'t want to cancel" as negated', () => {
    expect(hits('I do not want to cancel my contract.').CANCELLATION).toBeUndefined();
    expect(hits("I don't want to cancel.").CANCELLATION).toBeUndefined();
    expect(hits('I want to cancel, it does not work.').CANCELLATION).toBeGreaterThan(0);
  });
});
