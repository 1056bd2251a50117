// Splits a scanned stack into letters from per-page inspections. Pure: no I/O.
import type { PageInspection } from './inspect-page.js';

/** Only what splitting needs, so callers holding a narrower verdict type can pass it too. */
export type SplitInput = Pick<PageInspection, 'blank' | 'separator'> & { issues: readonly unknown[] };

export interface StackSplit {
  /** 0-based page indexes per letter, in scan order; blanks and separators excluded. */
  letters: number[][];
  blanks: number[];
  separators: number[];
  /** Pages kept in their letter but whose scan quality asks for a rescan. */
  rescan: number[];
}

export function splitStack(inspections: readonly SplitInput[]): StackSplit {
  const letters: number[][] = [];
  const blanks: number[] = [];
  const separators: number[] = [];
  const rescan: number[] = [];
  let current: number[] = [];
  inspections.forEach((p, i) => {
    if (p.separator) {
      separators.push(i);
      // Leading, trailing or doubled separators (and a letter that was only blank sides) make no letter.
      if (current.length > 0) letters.push(current);
      current = [];
      return;
    }
    if (p.blank) {
      blanks.push(i);
      return;
    }
    current.push(i);
    if (p.issues.length > 0) rescan.push(i);
  });
  if (current.length > 0) letters.push(current);
  return { letters, blanks, separators, rescan };
}
