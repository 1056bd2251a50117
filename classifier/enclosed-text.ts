// A letter's own words versus what it encloses. Post arrives with its enclosures in the same
// envelope and scan: a copied invoice under a fault report, the operator's letter quoted under a
// cancellation, a contract clause about notice periods under an order, an e-mail thread below a
// reply. Their vocabulary belongs to another category than the request the cover note makes.
import { foldChars } from './normalize.js';

export interface LetterParts {
  /** The writer's own text: everything before the first enclosure or quotation. */
  own: string;
  /** Quoted lines and everything after an enclosure heading or a thread marker. */
  enclosed: string;
}

// "Załącznik:", "Załączniki:", "Zał.:", "W załączeniu:", "Kopia pisma:", "Fragment faktury:",
// "Pokwitowanie:", "Odpis postanowienia:", "Attachment:": a short line ending in a
// colon (a line listing attachments after the colon is a list, not the enclosure itself). Not
// "Treść:" / "Treść wiadomości:": on web forms and printed e-mails it opens the writer's own message.
const ENCLOSURE_HEADING = /^\W*(zalacznik\w*|zal\.?|w zalaczeniu|kopia\b.*|fragment\b.*|pokwitowanie|odpis\b.*|wyciag\b.*|attachment\w*|enclosure\w*|copy of\b.*)\s*:\s*$/;
// Thread and copy markers: "-----Original Message-----", "---------- Wiadomość przekazana",
// "--- kopia pisma ---", "Forwarded message".
const THREAD_MARKER = /^\W*-{2,}.*\b(original|oryginaln\w*|wiadomosc\w*|przekazan\w*|forwarded|kopia|copy)\b|^\W*(forwarded message|original message)\b/;

// The same one-word headings at the end of a line the OCR ran into the one before ("… Jan Kowalski
// Załącznik:"): the line's head is still the writer's.
const HEADING_AT_END = /(^|\s)(zalacznik\w*|zal\.|w zalaczeniu|pokwitowanie|attachment\w*)\s*:\s*$/;

/** Longest line read as an enclosure heading: a sentence that merely ends in a colon is no heading. */
const MAX_HEADING = 60;

/** Words the writer must have written before a marker for it to start an enclosure. */
const MIN_OWN_WORDS = 20;

const words = (s: string): number => (s.match(/\p{L}+/gu) ?? []).length;

// The writer's closing formula on a line of its own (or with the signature after it). What follows
// the signature is no longer the writer's: a court decision an heir encloses, a copied invoice on
// the next page, an e-mail client's footer (blind test AQ: court copies made a letter LEGAL).
const CLOSING = /^\W*(z powazaniem|z wyrazami szacunku|z wyrazami powazania|lacze wyrazy szacunku|z szacunkiem|(serdecznie |serdeczne )?pozdrawiam|z pozdrowieniami|(with )?(kind |best )?regards|yours (sincerely|faithfully)|sincerely)\b/;
const MAX_CLOSING = 50;
/** Less than this after the signature is a list or a remark, not an enclosed document. */
const MIN_TAIL_WORDS = 15;
const NAME_WORDS = 4;
const POSTSCRIPT = /^\W*p\.? ?s\b/;

/**
 * Index of the first line after the writer's closing formula and name where an enclosed document
 * begins (lines.length when none): `folded` are foldChars'd lines. A signature's title, firm or
 * phone below the name falls into the tail too, where the classifier weighs it half: harmless.
 */
export function closingTail(folded: readonly string[]): number {
  let ownWords = 0;
  for (let i = 0; i < folded.length; i++) {
    const line = folded[i]!.trim();
    const closing = ownWords >= MIN_OWN_WORDS && line.length <= MAX_CLOSING ? CLOSING.exec(line) : null;
    if (closing) {
      let j = i + 1;
      while (j < folded.length && !folded[j]!.trim()) j++;
      // "Z poważaniem Jan Kowalski" signs on the closing's own line.
      const signed = words(line.slice(closing[0].length)) > 0;
      if (!signed && j < folded.length && words(folded[j]!) <= NAME_WORDS) j++;
      while (j < folded.length && !folded[j]!.trim()) j++;
      const tail = folded.slice(j);
      // A postscript below a signature's further lines is still the writer's ("PS. Proszę
      // potraktować ten list jako wypowiedzenie"): the tail then stays theirs.
      return !tail.some((l) => POSTSCRIPT.test(l.trim())) && words(tail.join(' ')) >= MIN_TAIL_WORDS ? j : folded.length;
    }
    ownWords += words(line);
  }
  return folded.length;
}

/** Splits a letter into its own text and the quoted or enclosed text (empty when none). */
export function splitEnclosures(text: string): LetterParts {
  const lines = text.split('\n');
  const tailAt = closingTail(lines.map((l) => foldChars(l)));
  const own: string[] = [];
  const enclosed: string[] = [];
  let ownWords = 0;
  let inEnclosure = false;
  for (const [i, line] of lines.entries()) {
    const folded = foldChars(line).trim();
    if (i === tailAt) inEnclosure = true;
    if (!inEnclosure && ownWords >= MIN_OWN_WORDS && ((folded.length <= MAX_HEADING && ENCLOSURE_HEADING.test(folded)) || THREAD_MARKER.test(folded))) {
      inEnclosure = true;
    }
    const tail = inEnclosure ? null : HEADING_AT_END.exec(folded);
    if (tail && tail.index > 0) {
      // foldChars keeps offsets, and the line was only trimmed at its start.
      const at = line.length - line.trimStart().length + tail.index + tail[1]!.length;
      const head = line.slice(0, at);
      if (ownWords + words(head) >= MIN_OWN_WORDS) {
        own.push(head);
        ownWords += words(head);
        enclosed.push(line.slice(at));
        inEnclosure = true;
        continue;
      }
    }
    if (inEnclosure || folded.startsWith('>')) {
      enclosed.push(line);
    } else {
      own.push(line);
      ownWords += words(line);
    }
  }
  return { own: own.join('\n'), enclosed: enclosed.join('\n') };
}
