// Opening a CSV as spreadsheets save it: encoding, separator and the header's line found from the
// first megabyte, then records with the line each starts on. What the rows mean is customer-csv.ts.
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { preambleLines } from './csv-preamble.js';
import { detectDelimiter } from './csv-columns.js';

export type CsvItem =
  | { line: number; fields: string[] }
  | { line: number; error: string };

export type Encoding = 'utf-8' | 'windows-1250' | 'utf-16le';

export interface CsvFile {
  encoding: Encoding;
  delimiter: string;
  /** The header's line: lines above it (Excel's "sep=", a title) are not read. */
  headerLine: number;
  records: AsyncGenerator<CsvItem>;
}

const SNIFF_BYTES = 1 << 20;

/**
 * Opens a CSV as spreadsheets save it: UTF-8, UTF-16LE with its byte order mark, or Windows-1250
 * when the first megabyte is mostly not UTF-8 (Polish Excel); columns separated by ',', ';', tab or '|', whichever the header line
 * uses most outside quotes. Records come with the line each starts on; malformed quoting becomes
 * an error item, not a crash.
 */
export async function openCsv(input: NodeJS.ReadableStream | string): Promise<CsvFile> {
  const source: NodeJS.ReadableStream = typeof input === 'string' ? createReadStream(input) : input;
  const it = source[Symbol.asyncIterator]();
  const head: (string | Buffer)[] = [];
  let size = 0;
  let ended = false;
  while (size < SNIFF_BYTES) {
    const next = await it.next();
    if (next.done) {
      ended = true;
      break;
    }
    head.push(next.value);
    size += next.value.length;
  }
  const bytes = head.every((c) => Buffer.isBuffer(c)) ? Buffer.concat(head as Buffer[]) : null;
  let sample = bytes ? new TextDecoder().decode(bytes, { stream: !ended }) : head.join('');
  // Excel's "Unicode text" is UTF-16LE with a byte order mark.
  const encoding: Encoding = bytes?.[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes && mostlyNotUtf8(sample) ? 'windows-1250' : 'utf-8';
  if (encoding !== 'utf-8') sample = new TextDecoder(encoding).decode(bytes!, { stream: true });
  let delimiter: string;
  // Excel writes "sep=;" as a first line to name the separator; the header follows it.
  const sepLine = /^\uFEFF?sep=(.)\r?\n/i.exec(sample);
  const preamble = sepLine ? 1 : preambleLines(sample);
  try {
    delimiter = sepLine ? (sepLine[1] as string) : detectDelimiter(sample.replace(/^\uFEFF/, '').split(/\r?\n/).slice(preamble).join('\n'));
  } catch (err) {
    await it.return?.();
    throw err;
  }
  async function* chunks(): AsyncGenerator<string | Buffer> {
    // UTF-8 bytes go to the parser as they are; other encodings are decoded here.
    const decoder = encoding === 'utf-8' ? null : new TextDecoder(encoding);
    const pass = (c: string | Buffer) => (decoder ? decoder.decode(c as Buffer, { stream: true }) : c);
    try {
      for (const c of head) yield pass(c);
      for (let next = await it.next(); !next.done; next = await it.next()) yield pass(next.value);
      if (decoder) yield decoder.decode();
    } finally {
      await it.return?.(); // a refused header stops the import early: close the file
    }
  }
  return { encoding, delimiter, headerLine: preamble + 1, records: parseRecords(Readable.from(chunks()), delimiter, preamble + 1) };
}

/** Invalid UTF-8 decodes to U+FFFD: a Windows-1250 file has more of them than real multi-byte characters. */
function mostlyNotUtf8(sample: string): boolean {
  let bad = 0;
  let good = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c === 0xfffd) bad++;
    else if (c > 0x7f) good++;
  }
  return bad > good;
}

async function* parseRecords(source: Readable, delimiter: string, fromLine: number): AsyncGenerator<CsvItem> {
  const skipped: CsvItem[] = [];
  // relax_quotes: a quote inside an unquoted field ('Firma "Alfa" s.c.') is text, as spreadsheets
  // meant it; without it the row, or the file, was refused.
  const parser = parse({ bom: true, delimiter, from_line: fromLine, info: true, relax_column_count: true, relax_quotes: true,
    skip_records_with_error: true, skip_empty_lines: true });
  let lastEnd = fromLine - 1;
  parser.on('skip', (err: Error & { lines?: number; code?: string }) => {
    // An opening quote never closed swallows every line after it; the parser can only say where the
    // file ended, so the line after the last good record is named, with what was lost.
    const unclosed = err.code === 'CSV_QUOTE_NOT_CLOSED';
    skipped.push(unclosed ? { line: Infinity, error: String(err.lines ?? '?') } : { line: err.lines ?? 0, error: `malformed CSV: ${err.message}` });
  });
  const unclosedQuote = (end: string): CsvItem => ({ line: lastEnd + 1,
    error: `malformed CSV: a quote opened on line ${lastEnd + 1} is never closed, so lines ${lastEnd + 1}–${end} were not read (fix that quote and import again)` });
  source.on('error', (err: Error) => parser.destroy(err));
  source.pipe(parser);
  try {
    for await (const item of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      // info.lines is where the record ends; a quoted field may span several lines.
      const newlines = item.record.reduce((n, f) => n + (f.match(/\n/g)?.length ?? 0), 0);
      const line = item.info.lines - newlines;
      lastEnd = item.info.lines;
      // The parser runs ahead of this loop: a bad row further down must not come before the header.
      while (skipped.length && skipped[0]!.line < line) yield skipped.shift()!;
      // Spreadsheets save rows they once formatted as bare separators (",,,,"): no data, no rejection.
      if (item.record.every((f) => f.trim() === '')) continue;
      yield { line, fields: item.record };
    }
    for (const item of skipped) yield item.line === Infinity ? unclosedQuote((item as { error: string }).error) : item;
  } finally {
    source.destroy();
  }
}
