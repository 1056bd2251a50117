import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { doubtfulValues, withDoubtful } from '../../classifier/doubtful-identifiers.js';
import { extractIdentifiers } from '../../classifier/identifiers.js';
import { lowConfidenceWords, LOW_WORD_CONFIDENCE } from '../../ocr/low-confidence-words.js';
import { classifyDocument } from '../../classifier/classify-stage.js';
import { classifyLetter } from '../../classifier/classify-letter.js';
import { activeModel } from '../../classifier/model-store.js';
import { createDocumentStore, type DocumentStore } from '../../core/document-store.js';
import type { Db } from '../../core/db.js';
import type { OcrPageResult, OcrWord } from '../../core/types.js';
import { freshPglite } from '../helpers/db.js';
import { assembleRead, splitLetter } from '../helpers/letter-document.js';

const word = (text: string, confidence: number): OcrWord => ({ text, confidence, bbox: { x0: 0, y0: 0, x1: 10, y1: 10 } });
const LETTER = 'Jan Kowalski\nul. Długa 5/3\n00-950 Warszawa\nnr klienta 2000000002\ntel. 601 449 210\njan.kowalski@example.pl\n\n' +
  'Proszę o naprawę linii. Faktura FV/2025/01/0001.\n\nJan Kowalski';

describe('identifiers read off low-confidence words', () => {
  it('keeps only words that can carry an identifier and were read under the bar', () => {
    const words = [word('Kowalski', 20), word('2000000002', LOW_WORD_CONFIDENCE - 1), word('601', 95), word('5/3', 30), word('a@b.pl', 40), word('z', 10)];
    expect(lowConfidenceWords(words).map((w) => w.text)).toEqual(['2000000002', '5/3', 'a@b.pl']);
  });

  it('ties an identifier back to its words by their digits', () => {
    const ids = extractIdentifiers(LETTER);
    expect(ids.customerNumbers).toContain('2000000002');
    // One of the phone's three words, read unsure: the phone is doubtful, nothing else.
    expect(doubtfulValues(ids, [{ text: '449', confidence: 41 }])).toEqual(ids.phones);
    // Look-alike letters count as their digits; the whole number in one word.
    expect(doubtfulValues(ids, [{ text: '2OOOOOOOO2', confidence: 35 }])).toEqual(['2000000002']);
    expect(doubtfulValues(ids, [{ text: 'jan.kowalski@example.pl,', confidence: 50 }])).toEqual(['jan.kowalski@example.pl']);
    expect(doubtfulValues(ids, [{ text: '0001.', confidence: 50 }])).toEqual(ids.invoiceNumbers);
    // A house number, a day or a year is no identifier's piece.
    expect(doubtfulValues(ids, [{ text: '5/3', confidence: 20 }, { text: '12', confidence: 20 }, { text: '2025', confidence: 30 }])).toEqual([]);
    expect(withDoubtful(ids, [])).toBe(ids);
  });

  describe('through the stages', () => {
    let db: Db;
    let store: DocumentStore;
    let cleanup: () => Promise<void>;
    beforeAll(async () => {
      ({ db, cleanup } = await freshPglite());
      store = createDocumentStore(db);
      await splitLetter(store, '2026-11-16');
    });
    afterAll(() => cleanup());

    it('carries the unsure words from the reading to the classified identifiers', async () => {
      const words = LETTER.split(/\s+/).map((t) => word(t, t === '2000000002' ? 38 : 93));
      const reading: OcrPageResult = { text: LETTER, confidence: 90, words, rotation: 0, skewDegrees: 0, width: 10, height: 10, dpi: 300 };
      await assembleRead(store, reading);
      expect((await store.getDocument('d1'))?.low_confidence_words).toEqual([{ text: '2000000002', confidence: 38 }]);
      const { model } = await activeModel(db);
      await classifyDocument({ store, classify: (text, low) => classifyLetter(model, text, undefined, low) }, { documentId: 'd1' });
      expect((await store.getDocument('d1'))?.identifiers?.doubtful).toEqual(['2000000002']);
    });
  });
});
