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

/** Splits a letter into its own text and the quoted or enclosed text (empty when none). */
export function splitEnclosures(text: string): LetterParts {
  const lines = text.split('\n');
  const own: string[] = [];
  const enclosed: string[] = [];
  let ownWords = 0;
  let inEnclosure = false;
  for (const line of lines) {
    const folded = foldChars(line).trim();
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
