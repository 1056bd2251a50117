import { describe, expect, it } from 'vitest';
import type { OcrWord } from '../../core/types.js';
import { assembleReading } from '../../ocr/page-text.js';

const w = (text: string, x0: number, y0: number, x1: number, y1: number, confidence = 95): OcrWord => ({ text, confidence, bbox: { x0, y0, x1, y1 } });

describe('assembleReading', () => {
  const body = [
    [w('Szanowni', 100, 100, 300, 140), w('Państwo,', 320, 100, 500, 145)],
    [w('proszę', 100, 160, 240, 205), w('o', 260, 170, 280, 200), w('korektę', 300, 160, 470, 205), w('ł', 700, 180, 718, 184, 87)],
    [w('faktury', 100, 220, 260, 265), w('nr', 280, 230, 320, 260), w('48213.', 340, 220, 480, 262)],
  ];

  it('drops dust read as letters but keeps short real words and punctuation', () => {
    const r = assembleReading([body]);
    expect(r.text).toBe('Szanowni Państwo,\nproszę o korektę\nfaktury nr 48213.');
    expect(r.words.map((x) => x.text)).not.toContain('ł');
    expect(r.words).toHaveLength(8);
  });

  it('keeps one-letter words when the boxes are transposed (lines running down the page)', () => {
    const t = (x: OcrWord): OcrWord => ({ ...x, bbox: { x0: x.bbox.y0, y0: x.bbox.x0, x1: x.bbox.y1, y1: x.bbox.x1 } });
    const r = assembleReading([body.map((line) => line.map(t))]);
    expect(r.words.map((x) => x.text)).toContain('o');
    expect(r.words.map((x) => x.text)).not.toContain('ł');
    expect(r.words).toHaveLength(8);
  });

  it('keeps paragraphs apart and averages confidence over kept words', () => {
    const r = assembleReading([body.slice(0, 1), [[w('Pozdrawiam', 100, 400, 330, 445, 85)]]]);
    expect(r.text).toBe('Szanowni Państwo,\n\nPozdrawiam');
    expect(r.confidence).toBeCloseTo((95 + 95 + 85) / 3, 5);
  });

  it('does not judge specks on a page with too little text to know the type size', () => {
    const r = assembleReading([[[w('Tak', 100, 100, 180, 140), w('.', 190, 135, 196, 140)]]]);
    expect(r.words).toHaveLength(2);
    expect(assembleReading([]).text).toBe('');
  });
});
