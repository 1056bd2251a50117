// A page that reached the engine was not blank, so a reading with (almost) no trustworthy words
// means the scan lost its text (a faint page thresholded to dust by a bitonal scanner, heavy blur):
// the operator is asked for a rescan instead of the letter travelling on without that page's text.
import type { OcrWord } from '../core/types.js';

/** Tesseract's word confidence under which a word is as likely noise as text. */
const TRUSTED_CONFIDENCE = 60;
/** A real letter page has a greeting, a signature line or a few words of body at the very least. */
const MIN_TRUSTED_WORDS = 3;
const WORDLIKE = /[\p{L}]{2,}|\d{2,}/u;

export function isIllegible(words: readonly OcrWord[]): boolean {
  let trusted = 0;
  for (const w of words) {
    if (w.confidence >= TRUSTED_CONFIDENCE && WORDLIKE.test(w.text) && ++trusted >= MIN_TRUSTED_WORDS) return false;
  }
  return true;
}

/** The issue code shown beside 'too_light', 'cut_off'… in a scan's rescan list. */
export const ILLEGIBLE_ISSUE = 'illegible';
