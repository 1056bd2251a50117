import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromOrganisation } from '../../classifier/organisation-sender.js';
import { classifyLetter } from '../../classifier/classify-letter.js';
import { loadDefaultModel } from '../../classifier/model.js';
import { classifyDocument } from '../../classifier/classify-stage.js';
import { routeDocument } from '../../router/route-stage.js';
import { createDocumentStore, type DocumentStore } from '../../core/document-store.js';
import { freshPglite } from '../helpers/db.js';
import { assembleRead, splitLetter } from '../helpers/letter-document.js';

const RECIPIENT = 'Telekomunikacja Nadwiślańska S.A.\nul. Marszałkowska 100\n00-950 Warszawa';

describe('an organisation writing about a customer (blind test AW)', () => {
  it("knows a bank's, a welfare centre's or a city office's letterhead, not a customer's subject line", () => {
    expect(fromOrganisation(`Przywidz, dn. 10.11.2026\nGminny Ośrodek Pomocy Społecznej w Przywidzu\nul. Gdańska 7\n\n${RECIPIENT}`)).toBe(true);
    expect(fromOrganisation(`Gdańsk, 09.11.2026\nBank Pomorski S.A.\nCentrum Rozliczeń\n\n${RECIPIENT}`)).toBe(true);
    expect(fromOrganisation(`PREZYDENT MIASTA GDAŃSKA\nWydział Urbanistyki\n\n${RECIPIENT}`)).toBe(true);
    expect(fromOrganisation(`Jan Nowak\nul. Polna 1\n00-001 Warszawa\n\n${RECIPIENT}\n\nDotyczy: przelewu z banku PKO\n\nProszę o odpowiedź w terminie 7 dni.`)).toBe(false);
  });

  it('marks the term such a letter sets as binding, and a private writer\'s as not', () => {
    const body = '\n\nDotyczy: Pan Jakub Krajewski\n\nZwracamy się z prośbą o umorzenie zadłużenia podopiecznego. Prosimy o odpowiedź w terminie 14 dni.\n\nKierownik\nElżbieta Hinc';
    const ops = classifyLetter(loadDefaultModel(), `Gminny Ośrodek Pomocy Społecznej w Przywidzu\nul. Gdańska 7, 83-047 Przywidz\n\n${RECIPIENT}${body}`);
    expect(ops.classification).toMatchObject({ statedTermDays: 14, termSetBySender: true });
    const own = classifyLetter(loadDefaultModel(), `Jakub Krajewski\nul. Gdańska 9, 83-047 Przywidz\n\n${RECIPIENT}\n\nProszę o umorzenie zadłużenia. Proszę o odpowiedź w terminie 14 dni.\n\nJakub Krajewski`);
    expect(own.classification.termSetBySender).toBeUndefined();
  });

  describe('through the classify and route stages', () => {
    let store: DocumentStore;
    let cleanup: () => Promise<void>;
    beforeAll(async () => {
      let db;
      ({ db, cleanup } = await freshPglite());
      store = createDocumentStore(db);
      await splitLetter(store, '2026-11-20');
    });
    afterAll(() => cleanup());

    it("keeps the organisation's term to the worklist's due date", async () => {
      const text = `Gminny Ośrodek Pomocy Społecznej w Przywidzu\nul. Gdańska 7, 83-047 Przywidz\n\n${RECIPIENT}\n\nDotyczy: Pan Jakub Krajewski\n\n` +
        'Informujemy, że w/w jest osobą objętą pomocą społeczną. Zwracamy się z prośbą o umorzenie zadłużenia.\n\nProsimy o odpowiedź w terminie 14 dni.\n\nKierownik GOPS\nElżbieta Hinc';
      await assembleRead(store, { text, confidence: 90, words: [], rotation: 0, skewDegrees: 0, width: 10, height: 10, dpi: 300 });
      await classifyDocument({ store, classify: (t) => classifyLetter(loadDefaultModel(), t) }, { documentId: 'd1' });
      const routed = await routeDocument({ store, match: async () => ({ kind: 'unmatched', candidates: [], reason: 'test' }), segmentOf: async () => null,
        policy: { categoryThreshold: 0, dueDays: { OTHER: 30, BILLING: 14, DATA_CHANGE: 14, ORDER: 14, CANCELLATION: 30, FAULT: 3 } } }, { documentId: 'd1' });
      expect(routed.dueAt).toBe('2026-12-04');
    });
  });
});
