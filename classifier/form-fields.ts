// Forms split the sender into labelled fields ("Imię: MAREK", "Nazwisko: ZIELIŃSKI", "Ulica: …",
// "Nr domu: 12", "Nr lokalu: 4", "Kod pocztowy: 90-001", "Miejscowość: Łódź"), where a letter
// writes one name line, one street line and one postal line. The name and address finders know
// the letter's shape, and read the labels themselves as a surname or a town. Such fields are
// rewritten into the letter's shape before the letter is read for identifiers.
import { foldChars } from './normalize.js';

type Field = 'first' | 'last' | 'street' | 'house' | 'flat' | 'postal' | 'city';

// In running text a label must end in a colon (in prose these words are no fields); alone on its
// line, above its value, it needs none (labelsAbove).
const LABELS: [Field, string][] = [
  ['first', 'imi[eę](?: \\(?imiona\\)?)?|imiona|first name'],
  ['last', 'nazwisko|surname|last name'],
  // "Ulica i numer", "Ulica i nr domu" (blind test AJ): the value holds the house number too.
  ['street', 'ulica(?:,? i? ?n(?:ume)?r\\.?(?: domu)?(?:(?: i |/)lok(?:alu|\\.)?)?)?|ul\\.?|street'],
  ['house', 'n(?:ume)?r\\.? (?:domu|budynku|posesji)|house(?: no\\.?| number)?'],
  ['flat', 'n(?:ume)?r\\.? (?:lokalu|mieszkania)|lokal|mieszkanie|flat(?: no\\.?)?|apt\\.?'],
  ['postal', 'kod(?: pocztowy)?|postal code|postcode'],
  ['city', 'miejscowo[sś][cć]|miasto|poczta|city|town'],
];
const LABEL = new RegExp(`(?<![\\p{L}])(${LABELS.map(([, re]) => `(?:${re})`).join('|')})\\s*:`, 'giu');
const fieldOf = (label: string): Field | undefined =>
  LABELS.find(([, re]) => new RegExp(`^(?:${re})$`, 'iu').test(label.trim()))?.[0];

/** The label-value pairs of one line, or null when it holds a label of none of these fields. */
function fieldsOf(line: string): Map<Field, string> | null {
  const hits = [...line.matchAll(LABEL)];
  if (hits.length === 0) return null;
  const out = new Map<Field, string>();
  hits.forEach((m, i) => {
    const field = fieldOf(m[1]!);
    const start = (m.index ?? 0) + m[0].length;
    const end = hits[i + 1]?.index ?? line.length;
    const value = line.slice(start, end).trim().replace(/[,;]+$/, '');
    if (field && value) out.set(field, value);
  });
  // Text before the first label belongs to some other field ("Dane klienta"): keep the line as it is.
  return out.size && !line.slice(0, hits[0]!.index).trim() ? out : null;
}

const PROXY_HEADER = /pelnomocni|przedstawiciel|opiekun|osoby upowaznionej|osoba upowazniona/;
const OWN_HEADER = /abonent|klient|wnioskodawc|zglaszajac|reklamujac|dane osobowe|nadawca/;

const cap = (s: string) => s.toLowerCase().replace(/(^|[\s-])(\p{L})/gu, (_, a: string, b: string) => a + b.toUpperCase());

// A required field's mark ("Numer klienta*:", "PESEL *:", OCR's "”:"): the keyword finders expect
// the colon right after the label.
const REQUIRED_MARK = /([\p{L}.)])\s?[*”"]+(?=\s*:)/gu;

// Labels alone on their line, their values on the next (a form printing small labels above boxes):
// "Nazwisko" / "KOŁODZIEJCZYK" becomes "Nazwisko: KOŁODZIEJCZYK", a row of labels over a row of
// values becomes one "Label: value" line each.
function labelsAbove(lines: string[]): string[] {
  const out = [...lines];
  for (let i = 0; i < out.length; i++) {
    const labels = labelRow(out[i]!);
    if (!labels) continue;
    let j = i + 1;
    while (j < out.length && !out[j]!.trim() && j - i <= 2) j++;
    const value = out[j]?.trim() ?? '';
    if (!value || value.length > 60 || labelRow(value) || fieldsOf(value)) continue;
    if (labels.length === 1) {
      if (value.length > 40) continue;
      out[i] = `${labels[0]}: ${value}`;
    } else {
      // Several labels in a row over as many values: "NUMER KLIENTA TELEFON" / "4608345521 725118390".
      const values = value.split(/\s+/);
      if (values.length !== labels.length) continue;
      out[i] = labels.map((l, k) => `${l}: ${values[k]}`).join('\n');
    }
    out[j] = '';
  }
  return out;
}

// Labels of identifiers, which a row of labels over a row of values also holds.
const ID_LABELS = ['n(?:ume)?r\\.? klienta', 'telefon(?: kontaktowy)?', 'tel\\.?', 'pesel', 'nip', 'e-?mail', 'n(?:ume)?r\\.? umowy'];
const ROW_LABEL = new RegExp(`(${[...LABELS.map(([, re]) => re), ...ID_LABELS].map((re) => `(?:${re})`).join('|')})(?:\\s+|$)`, 'iuy');

/** The labels a line consists of, in order, or null when it holds anything else. */
function labelRow(line: string): string[] | null {
  const text = line.trim();
  if (!text) return null;
  const labels: string[] = [];
  ROW_LABEL.lastIndex = 0;
  while (ROW_LABEL.lastIndex < text.length) {
    const m = ROW_LABEL.exec(text);
    if (!m) return null;
    labels.push(m[1]!);
  }
  return labels;
}

// A label and its value on one line with no colon between, as the OCR reads a form whose boxes it
// dropped: "Imię * HELENA", "Nazwisko * ZAWADZKA", "Kod pocztowy 26-600", "Miejscowość RADOM" (blind
// test BA: a form's name never read, so a namesake's customer number decided alone). Only a value in
// block capitals or digits, as such forms are filled: prose after a label word stays prose.
const LINE_LABEL = new RegExp(`^[ \\t]*(${LABELS.map(([, re]) => `(?:${re})`).join('|')})[ \\t]*\\*?[ \\t]+(?=\\S)`, 'iu');
const BLOCK_VALUE = /^(?=[^\n]*[\p{Lu}\d])[^\p{Ll}\n]+$/u;

function colonless(line: string): string {
  // A row of labels over a row of values ("NAZWISKO IMIĘ") is labelsAbove's.
  if (labelRow(line)) return line;
  const m = LINE_LABEL.exec(line);
  if (!m || !fieldOf(m[1]!)) return line;
  const value = line.slice(m[0].length).trim();
  return BLOCK_VALUE.test(value) ? `${m[1]}: ${value}` : line;
}

/**
 * A name written in boxes, one capital each, comes out of OCR in pieces ("HENRY KA", "MI KOŁAJCZY K",
 * blind test BA): a piece of one or two letters is no name of its own, so the pieces are one word.
 * "ANNA MARIA" stays two names.
 */
function boxedWord(value: string): string {
  const pieces = value.trim().split(/\s+/);
  return pieces.length > 1 && value === value.toUpperCase() && pieces.some((p) => p.length <= 2) ? pieces.join('') : value;
}

export function rewriteFormFields(ocrText: string): string {
  const text = ocrText.replace(REQUIRED_MARK, '$1');
  const lines = labelsAbove(text.split('\n').map(colonless));
  const seen = new Map<Field, string>();
  const at = new Map<Field, number>();
  // A form's section for a representative ("Dane pełnomocnika") holds someone else's name and
  // address: only the customer's own section makes the sender block.
  let proxy = false;
  lines.forEach((line, i) => {
    const fields = fieldsOf(line);
    if (!fields && line.trim().length <= 60) {
      const folded = foldChars(line);
      if (PROXY_HEADER.test(folded)) proxy = true;
      else if (OWN_HEADER.test(folded)) proxy = false;
    }
    if (!proxy) for (const [f, v] of fields ?? []) if (!seen.has(f)) (seen.set(f, v), at.set(f, i));
  });
  if (seen.size < 2) return text;
  const out = [...lines];
  const put = (fields: Field[], value: string) => {
    const rows = fields.map((f) => at.get(f)).filter((i): i is number => i !== undefined);
    rows.forEach((i) => (out[i] = ''));
    out[Math.max(...rows)] = value;
  };
  // Two boxed digits ("1 2") are too short a run for joinSpacedLetters; in a number field they are one number.
  const get = (f: Field) => (['house', 'flat', 'postal'].includes(f) ? (seen.get(f) ?? '').replace(/(\d) (?=[\d-])|(-) (?=\d)/g, '$1$2')
    : f === 'first' || f === 'last' ? boxedWord(seen.get(f) ?? '') : seen.get(f) ?? '');
  // A postal code in five boxes loses its hyphen's box: "8 7 1 0 0" is 87-100 (blind test AJ).
  const postal = () => get('postal').replace(/^(\d{2})(\d{3})$/, '$1-$2');
  if (seen.has('first') && seen.has('last')) put(['first', 'last'], `${cap(get('first'))} ${cap(get('last'))}`);
  const number = [get('house'), get('flat')].filter(Boolean).join('/');
  const street = seen.has('street') ? `ul. ${cap(get('street').replace(/^ul\.?\s*/i, ''))} ${number}`.trim() : null;
  const postalLine = seen.has('postal') && seen.has('city') ? `${postal()} ${cap(get('city'))}` : null;
  // One address block, as a letter writes it: the fields' blank rows between kept them apart.
  if (street && postalLine) put(['street', 'house', 'flat', 'postal', 'city'], `${street}\n${postalLine}`);
  else if (street) put(['street', 'house', 'flat'], street);
  else if (postalLine) put(['postal', 'city'], postalLine);
  return out.join('\n');
}
