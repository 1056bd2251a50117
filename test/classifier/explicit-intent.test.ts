import { describe, expect, it } from 'vitest';
import { explicitIntents } from '../../classifier/explicit-intent.js';
import { classify, loadDefaultModel } from '../../classifier/model.js';
import { tokenize } from '../../classifier/normalize.js';

const stated = (text: string) => explicitIntents(tokenize(text));

describe('an intent stated outright', () => {
  it('reads a notice or a complaint given in so many words, in Polish and English', () => {
    expect(stated('Jednocześnie rozwiązuję umowę z końcem miesiąca.')).toEqual(['CANCELLATION']);
    expect(stated('Wypowiadam umowe o swiadczenie uslug.')).toEqual(['CANCELLATION']);
    expect(stated('Niniejszym składam reklamację faktury.')).toEqual(['COMPLAINT']);
    expect(stated('I want to cancel my broadband.')).toEqual(['CANCELLATION']);
  });

  it('does not read a negated or merely mentioned one', () => {
    expect(stated('Nie wypowiadam umowy, chcę tylko tańszy pakiet.')).toEqual([]);
    expect(stated('Nie chcę składać reklamacji, tylko zapytać.')).toEqual([]);
    expect(stated('Moja reklamacja z października nadal czeka.')).toEqual([]);
  });

  it("adds the notice a data request gives in one sentence as a second intent (blind test K)", () => {
    const c = classify(loadDefaultModel(), 'Proszę o kopię moich danych osobowych zgodnie z art. 15 RODO. ' +
      'Jednocześnie rozwiązuję umowę z końcem miesiąca.');
    expect(c.category).toBe('PRIVACY');
    expect(c.secondary).toContain('CANCELLATION');
  });
});
