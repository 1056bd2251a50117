// Spreadsheet exports often open with a title ("Baza klientów – eksport z arkusza …, stan na
// 31.10.2026") or a blank line above the column names. Taking the title for the header refused the
// whole master for want of a customer number column.

// A header names several columns; a title or a date line fills one or two cells at most.
const MIN_HEADER_CELLS = 3;
const MAX_PREAMBLE_LINES = 10;

/** Cells of one line that are not empty, split at ',', ';', tab or '|' outside quotes. */
function filledCells(line: string): number {
  let best = 0;
  for (const sep of [',', ';', '\t', '|']) {
    let quoted = false;
    let cell = '';
    let filled = 0;
    for (const ch of `${line}${sep}`) {
      if (ch === '"') quoted = !quoted;
      else if (ch === sep && !quoted) {
        if (cell.trim()) filled++;
        cell = '';
      } else cell += ch;
    }
    best = Math.max(best, filled);
  }
  return best;
}

/**
 * How many lines come before the header: the first of the first ten lines with at least three
 * filled cells is the header (0 when none is, so a short file keeps its first line as the header
 * and gets the usual message about it).
 */
export function preambleLines(sample: string): number {
  const lines = sample.replace(/^\uFEFF/, '').split(/\r?\n/, MAX_PREAMBLE_LINES + 1);
  const at = lines.slice(0, MAX_PREAMBLE_LINES).findIndex((l) => filledCells(l) >= MIN_HEADER_CELLS);
  return at > 0 ? at : 0;
}
