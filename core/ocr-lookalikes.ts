// Letters OCR returns in place of digits on degraded scans: one table for the letter reader
// (classifier/checksums.ts, numbers after a keyword) and the matcher's e-mail repair
// (router/email-repair.ts), which must not drift apart as the two checksum copies once did.

/** Look-alike letter -> the digit it usually stands for. */
export const LETTER_TO_DIGIT: Readonly<Record<string, string>> = {
  O: '0', o: '0', D: '0', Q: '0', I: '1', l: '1', i: '1', '|': '1', '!': '1', L: '1',
  Z: '2', z: '2', S: '5', s: '5', B: '8', G: '6', b: '6', g: '9', q: '9', T: '7',
};
