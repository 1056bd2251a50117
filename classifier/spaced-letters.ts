// Forms ask for block capitals, one per box ("WYPEŁNIĆ DRUKOWANYMI LITERAMI"). OCR reads each box as
// a word of its own ("Z I E L I Ń S K I", "|6|0|1|2|3|…", "9 0 - 0 0 1"), and no name, street,
// PESEL or postal-code pattern fits a run of single characters. Such runs are joined back into
// the words they were written as, before the letter is read for identifiers and intent.

// Three or more single letters or digits, each apart from the next by one space or a box border
// ("|", with or without spaces), a lone dash allowed inside (a postal code's).
const RUN = /(?<![\p{L}\p{N}|])(?:\| ?)?[\p{L}\p{N}](?:(?: ?\| ?| )(?:- )?[\p{L}\p{N}]){2,}(?: ?\|)?(?![\p{L}\p{N}])/gu;
// A box holds letters or digits, and a field one or the other: "5 m 4" (house 5, flat 4) mixes
// them and is an address as written. Polish has one-letter words ("a", "i", "o", "u", "w", "z"):
// "a w z" in prose is no boxed word either.
const BOXED = /^(?:\p{L}+|\d[\d-]*\d)$/u;
const ONE_LETTER_WORDS = /^[aiouwz]+$/i;

export function joinSpacedLetters(text: string): string {
  return text.replace(RUN, (run) => {
    const joined = run.replace(/[\s|]/g, '');
    return BOXED.test(joined) && !ONE_LETTER_WORDS.test(joined) ? joined : run;
  });
}
