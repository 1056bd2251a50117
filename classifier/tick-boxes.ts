// A form's options with boxes to tick ("☐ zmiana danych / ☒ rezygnacja z usługi / ☐ cesja umowy"): only
// the ticked ones are what the writer asks for. The unticked options' words would otherwise read as
// requests of their own (blind test AZ: a notice on the operator's form also got "data change" and
// "order" from the boxes left empty). OCR reads an empty box as "☐", "[ ]", "O", "OO", "0", "D",
// "OJ", "[I", "LI" or "C]", and a ticked one as "☒", "[X]", "X", "®", "&", or drops it altogether.

const EMPTY = String.raw`(?:☐|□|❏|\[\s?\]|\(\s?\)|OO?J?|0|D|\[I|LI|C\]|El)`;
const TICKED = String.raw`(?:☒|☑|✓|✔|⊠|\[\s?[xXvV✓✔]\s?\]|\(\s?[xX]\s?\)|[xX]|®|&|Ⓧ|⊗)`;
const EMPTY_LINE = new RegExp(`^\\s*${EMPTY}\\s+(?=\\p{L})`, 'u');
const TICKED_LINE = new RegExp(`^\\s*${TICKED}\\s+(?=\\p{L})`, 'u');
/** An option: a short line. Prose runs longer. */
const OPTION_LENGTH = 70;

type Mark = 'empty' | 'ticked' | 'bare';

/** A box further on: a line of several options ("☐ telefon ☒ internet ☐ telewizja") is left whole. */
const INNER_BOX = /\s(?:☐|□|☒|☑|\[\s?[xX]?\s?\]|\[I|LI|C\])\s/u;
/** A numbered heading or a label ("3. USŁUGA, KTÓREJ DOTYCZY", "Uwagi:") is no option. */
const HEADING = /^\s*(?:\d+[.)]|[IVX]+\.)|:\s*$/;

function markOf(line: string): Mark | null {
  if (!line.trim() || line.trim().length > OPTION_LENGTH || INNER_BOX.test(line)) return null;
  return EMPTY_LINE.test(line) ? 'empty' : TICKED_LINE.test(line) ? 'ticked' : HEADING.test(line) ? null : 'bare';
}

/**
 * The text with the lines of unticked options emptied, where a run of option lines shows boxes: at
 * least two empty ones and one ticked (or, its box lost to the OCR, one bare line among them). Blank
 * lines between options do not end a run. Anything else is left as it is.
 */
export function dropUntickedOptions(text: string): string {
  const lines = dropUntickedInline(text.split('\n'));
  // Runs never overlap, so each line's mark is read once, before any line is emptied.
  const marks = lines.map(markOf);
  const boxed = (k: number) => marks[k] === 'empty' || marks[k] === 'ticked';
  let i = 0;
  while (i < lines.length) {
    if (!boxed(i)) { i++; continue; }
    // The run: option lines (blank lines allowed between) from here on.
    const run: number[] = [];
    let j = i;
    for (; j < lines.length; j++) {
      if (!lines[j]!.trim()) continue;
      if (marks[j] === null) break;
      // A bare line ends the run unless a boxed one follows (the ticked box the OCR lost).
      if (marks[j] === 'bare' && !boxed(j + 1) && !boxed(j + 2)) break;
      run.push(j);
    }
    const empties = run.filter((k) => marks[k] === 'empty');
    if (empties.length >= 2 && empties.length < run.length) for (const k of empties) lines[k] = '';
    i = Math.max(j, i + 1);
  }
  return lines.join('\n');
}

/** Boxes the OCR reads unmistakably inside a line: printed glyphs and brackets. */
const INLINE_BOX = /☐|□|❏|☒|☑|⊠|\[\s?[xXvV✓✔]?\s?\]/gu;
const TICK = /[☒☑⊠xXvV✓✔]/u;

/** A line of several options, each after its box ("[] Reklamacja [X] Wypowiedzenie umowy"): the boxes' offsets, or null. */
function inlineBoxes(line: string): { at: number; ticked: boolean }[] | null {
  const boxes = [...line.matchAll(INLINE_BOX)].map((m) => ({ at: m.index ?? 0, ticked: TICK.test(m[0]) }));
  return boxes.length >= 2 && !line.slice(0, boxes[0]!.at).trim() ? boxes : null;
}

/**
 * Lines of several options each (a form's "Rodzaj sprawy" grid, blind test BA: the empty "Awaria /
 * usterka", "Reklamacja" beside the ticked "[X] Wypowiedzenie umowy" decided the category): where
 * their run has a ticked box, the options of the empty boxes are blanked out.
 */
function dropUntickedInline(lines: string[]): string[] {
  const out = [...lines];
  let i = 0;
  while (i < out.length) {
    if (!inlineBoxes(out[i]!)) { i++; continue; }
    let j = i;
    const run: number[] = [];
    for (; j < out.length; j++) {
      if (!out[j]!.trim()) continue;
      if (!inlineBoxes(out[j]!)) break;
      run.push(j);
    }
    const grids = run.map((k) => inlineBoxes(out[k]!)!);
    if (grids.some((boxes) => boxes.some((b) => b.ticked))) {
      run.forEach((k, n) => {
        const line = out[k]!, boxes = grids[n]!;
        out[k] = boxes.map((b, m) => (b.ticked ? line.slice(b.at, boxes[m + 1]?.at ?? line.length).trimEnd() : '')).filter(Boolean).join(' ');
      });
    }
    i = Math.max(j, i + 1);
  }
  return out;
}

