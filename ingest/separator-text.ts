// The QR payload that marks a separator sheet; shared by the printer and the reader.
export const SEPARATOR_TEXT = 'MAILROOM-SEPARATOR';
