// A page that reached the engine was not blank, so a reading with (almost) no trustworthy words
// means the scan lost its text (a faint page thresholded to dust by a bitonal scanner, heavy blur):
// the operator is asked for a rescan instead of the letter travelling on without that page's text.
import type { OcrWord } from '../core/types.js';

/** Tesseract's word confidence under which a word is as likely noise as text. */
const TRUSTED_CONFIDENCE = 60;
/** A real letter page has a greeting, a signature line or a few words of body at the very least. */
const MIN_TRUSTED_WORDS = 3;
/**
 * Two words read this surely are a name or a closing, not dust: a last page holding only "– 2 –"
 * and the signer's name is whole (blind test AH: three such pages flagged for a rescan).
 */
const SURE_CONFIDENCE = 80;
const MIN_SURE_WORDS = 2;
const WORDLIKE = /[\p{L}]{2,}|\d{2,}/u;

/**
 * Ink share (PreparedPage.inkShare, as scanned) under which a page is sparse, not illegible: a back
 * with "verte", "P.T.O." (0.013 %), "– 2 –" (0.004 %) or initials has no words for a rescan to
 * bring back (blind test AF: 25 of 32 rescan requests were such pages). Measured beside them: the
 * OCR bench's page whose text dissolved into dots 0.054 %, a two-line note 0.09 %, a letter 1.7 %.
 */
export const SPARSE_INK_SHARE = 0.0003;

/** `inkShare` absent: judged by the words alone. */
export function isIllegible(words: readonly OcrWord[], inkShare?: number): boolean {
  if (inkShare !== undefined && inkShare < SPARSE_INK_SHARE) return false;
  let trusted = 0;
  let sure = 0;
  for (const w of words) {
    if (w.confidence < TRUSTED_CONFIDENCE || !WORDLIKE.test(w.text)) continue;
    if (++trusted >= MIN_TRUSTED_WORDS) return false;
    if (w.confidence >= SURE_CONFIDENCE && ++sure >= MIN_SURE_WORDS) return false;
  }
  return true;
}

/** The issue code shown beside 'too_light', 'cut_off'… in a scan's rescan list. */
export const ILLEGIBLE_ISSUE = 'illegible';
