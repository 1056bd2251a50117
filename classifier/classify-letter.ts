// The classify stage's core: one letter's OCR text in, category and identifiers out. No I/O, so
// the worker, the API and the benchmarks all run exactly the same decision.
import type { Classification, Identifiers, LowConfidenceWord } from '../core/types.js';
import { classify, type ClassifierModel } from './model.js';
import { extractIdentifiers } from './identifiers.js';
import { withDoubtful } from './doubtful-identifiers.js';
import { joinSpacedLetters } from './spaced-letters.js';
import { parseStatedTermDays } from './legal-term.js';
import { parseStatedDueDate } from './legal-date.js';
import type { OperatorMatcher } from './operator-identity.js';
import { fromDataProtectionAuthority } from './institution.js';
import { fromOrganisation } from './organisation-sender.js';

export interface LetterUnderstanding {
  classification: Classification;
  identifiers: Identifiers;
}

/** `lowConfidence`: the OCR's unsure identifier-bearing words, when the text came from OCR. */
export function classifyLetter(model: ClassifierModel, ocrText: string, operator?: OperatorMatcher, lowConfidence: readonly LowConfidenceWord[] = []): LetterUnderstanding {
  // Boxed form fields read as one word again, for the model as for the identifiers.
  const text = joinSpacedLetters(ocrText);
  const classification = classify(model, text);
  const identifiers = withDoubtful(extractIdentifiers(text, operator), lowConfidence);
  // A letter from a court, bailiff or regulator is legal mail whatever its wording resembles; the
  // model usually agrees, but a letter that is only a header and a table can fool it.
  if (identifiers.fromInstitution && classification.category !== 'LEGAL') {
    const secondary = [classification.category, ...classification.secondary].filter((c) => c !== 'LEGAL' && c !== 'OTHER');
    return {
      classification: withPrivacyForDataAuthority({
        ...classification,
        category: 'LEGAL',
        secondary: [...new Set(secondary)],
        // The model disagreed, so its own probability says how unsure this override is.
        confidence: Math.max(0.5, 1 - classification.confidence),
        statedTermDays: parseStatedTermDays(text),
        statedDueDate: parseStatedDueDate(text),
        explanation: [{ feature: 'sender:institution', weight: 1 }, ...classification.explanation],
      }, text),
      identifiers,
    };
  }
  // The term a letter sets is kept whatever its category: a person who makes an uncertain letter
  // LEGAL in manual classification dates it from that term (router/correct-document.ts). Routing
  // applies it to LEGAL, and to an organisation's letter where it comes first.
  const stated = {
    statedTermDays: classification.statedTermDays ?? parseStatedTermDays(text),
    statedDueDate: classification.statedDueDate ?? parseStatedDueDate(text),
    ...(fromOrganisation(text) ? { termSetBySender: true } : {}),
  };
  return { classification: withPrivacyForDataAuthority({ ...classification, ...stated }, text), identifiers };
}

/** A letter of the data-protection authority always concerns personal data: PRIVACY rides along. */
function withPrivacyForDataAuthority(c: Classification, text: string): Classification {
  if (c.category === 'PRIVACY' || c.secondary.includes('PRIVACY') || !fromDataProtectionAuthority(text)) return c;
  return { ...c, secondary: [...c.secondary, 'PRIVACY'] };
}
