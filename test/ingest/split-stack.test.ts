import { describe, expect, it } from 'vitest';
import type { PageInspection } from '../../ingest/inspect-page.js';
import { splitStack } from '../../ingest/split-stack.js';

const P: PageInspection = { blank: false, separator: false, inkRatio: 0.05, issues: [] };
const B: PageInspection = { blank: true, separator: false, inkRatio: 0, issues: [] };
const S: PageInspection = { blank: false, separator: true, inkRatio: 0.15, issues: [] };
const DARK: PageInspection = { ...P, issues: ['too_dark'] };

describe('splitStack', () => {
  it('a file without separators is one letter; blank back sides are dropped but recorded', () => {
    expect(splitStack([P, B, P, B])).toEqual({ letters: [[0, 2]], blanks: [1, 3], separators: [], rescan: [] });
  });

  it('separators end letters and belong to none', () => {
    expect(splitStack([P, P, S, P, S, P, B])).toEqual({ letters: [[0, 1], [3], [5]], blanks: [6], separators: [2, 4], rescan: [] });
  });

  it('leading, trailing and doubled separators make no empty letter', () => {
    const r = splitStack([S, S, P, S, S, S, P, P, S]);
    expect(r.letters).toEqual([[2], [6, 7]]);
    expect(r.separators).toEqual([0, 1, 3, 4, 5, 8]);
  });

  it('a letter of only blank sides between separators is no letter (duplex back of a separator)', () => {
    expect(splitStack([S, B, P, B, S, B, S, P]).letters).toEqual([[2], [7]]);
  });

  it('pages with quality issues stay in their letter and are listed for rescan', () => {
    const r = splitStack([P, DARK, S, { ...P, issues: ['low_resolution', 'cut_off'] }]);
    expect(r.letters).toEqual([[0, 1], [3]]);
    expect(r.rescan).toEqual([1, 3]);
  });

  it('empty input and all-blank input give no letters', () => {
    expect(splitStack([])).toEqual({ letters: [], blanks: [], separators: [], rescan: [] });
    expect(splitStack([B, B]).letters).toEqual([]);
  });

  it('a page that is both blank and separator counts as separator', () => {
    expect(splitStack([P, { ...S, blank: true }, P])).toMatchObject({ letters: [[0], [2]], blanks: [], separators: [1] });
  });
});
