// Reads a page content stream just far enough to tell "one scanned image covering the page"
// from anything else (vector text, several strips, inline images), which must be rendered.

type Matrix = [number, number, number, number, number, number];
export interface ImageDraw {
  name: string;
  ctm: Matrix;
}
export interface ContentSummary {
  draws: ImageDraw[];
  /** Something other than XObjects is painted: visible text, paths, shadings, inline images. */
  otherPainting: boolean;
}

const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];
const PATH_PAINT = new Set(['f', 'F', 'f*', 'B', 'B*', 'b', 'b*', 'S', 's', 'sh']);
const TEXT_SHOW = new Set(['Tj', 'TJ', "'", '"']);
const DELIMS = new Set(['(', ')', '<', '>', '[', ']', '{', '}', '/', '%']);

function concat(m: Matrix, c: Matrix): Matrix {
  return [
    m[0] * c[0] + m[1] * c[2],
    m[0] * c[1] + m[1] * c[3],
    m[2] * c[0] + m[3] * c[2],
    m[2] * c[1] + m[3] * c[3],
    m[4] * c[0] + m[5] * c[2] + c[4],
    m[4] * c[1] + m[5] * c[3] + c[5],
  ];
}

const isSpace = (ch: number): boolean => ch === 32 || ch === 10 || ch === 13 || ch === 9 || ch === 12 || ch === 0;

export function summariseContent(bytes: Uint8Array): ContentSummary {
  const draws: ImageDraw[] = [];
  let otherPainting = false;
  let ctm: Matrix = IDENTITY;
  const stack: Matrix[] = [];
  let renderMode = 0;
  let operands: (number | string)[] = [];
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const ch = bytes[i]!;
    if (isSpace(ch)) { i++; continue; }
    const c = String.fromCharCode(ch);
    if (c === '%') { while (i < n && bytes[i] !== 10 && bytes[i] !== 13) i++; continue; }
    if (c === '(') {
      // Literal string: balanced parentheses, backslash escapes.
      let depth = 1; i++;
      while (i < n && depth > 0) {
        const b = bytes[i]!;
        if (b === 92) i++;
        else if (b === 40) depth++;
        else if (b === 41) depth--;
        i++;
      }
      operands.push('(str)');
      continue;
    }
    if (c === '<' && bytes[i + 1] !== 60) { while (i < n && bytes[i] !== 62) i++; i++; operands.push('(hex)'); continue; }
    if (c === '<' || c === '>') { i += bytes[i + 1] === ch ? 2 : 1; continue; }
    if (c === '[' || c === ']' || c === '{' || c === '}' || c === ')') { i++; continue; }
    let j = i + 1;
    while (j < n && !isSpace(bytes[j]!) && !DELIMS.has(String.fromCharCode(bytes[j]!))) j++;
    const tok = Buffer.from(bytes.subarray(i, j)).toString('latin1');
    i = j;
    if (c === '/') { operands.push(tok.slice(1)); continue; }
    const num = Number(tok);
    if (tok !== '' && /^[+-]?(\d+\.?\d*|\.\d+)$/.test(tok) && Number.isFinite(num)) { operands.push(num); continue; }
    // Anything else is an operator.
    switch (tok) {
      case 'q': stack.push(ctm); break;
      case 'Q': ctm = stack.pop() ?? IDENTITY; break;
      case 'cm': {
        const m = operands.slice(-6);
        if (m.length === 6 && m.every((v) => typeof v === 'number')) ctm = concat(m as Matrix, ctm);
        break;
      }
      case 'Tr': { const v = operands.at(-1); if (typeof v === 'number') renderMode = v; break; }
      case 'Do': { const name = operands.at(-1); if (typeof name === 'string') draws.push({ name, ctm }); break; }
      case 'BI': return { draws, otherPainting: true }; // inline image: leave it to the renderer
      default:
        // Invisible text (render mode 3) is the OCR layer of "searchable" scanner PDFs: it paints nothing.
        if (TEXT_SHOW.has(tok) && renderMode !== 3) otherPainting = true;
        if (PATH_PAINT.has(tok)) otherPainting = true;
    }
    operands = [];
  }
  return { draws, otherPainting };
}
