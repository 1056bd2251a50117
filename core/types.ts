// Domain types shared by every stage. Plain data only: no library types leak through here.

export const CATEGORIES = [
  'COMPLAINT',
  'CANCELLATION',
  'ORDER',
  'FAULT',
  'BILLING',
  'DATA_CHANGE',
  'PRIVACY',
  'LEGAL',
  'OTHER',
] as const;
export type Category = (typeof CATEGORIES)[number];

export type Segment = 'individual' | 'business';

/** A page image as it travels between stages: 8-bit greyscale PNG at the scanned resolution. */
export interface PageImage {
  png: Buffer;
  width: number;
  height: number;
  /** Scanned resolution; null when the file carried none (the decoder then estimates it). */
  dpi: number | null;
}

export interface OcrWord {
  text: string;
  confidence: number; // 0..100, as tesseract reports it
  bbox: { x0: number; y0: number; x1: number; y1: number }; // pixels of the prepared page
}

/**
 * A word that may carry an identifier (digits, an '@') which the engine read under
 * LOW_WORD_CONFIDENCE (ocr/low-confidence-words.ts): hand-writing, a smudge, a fold.
 */
export interface LowConfidenceWord {
  text: string;
  confidence: number;
}

export interface OcrPageResult {
  text: string;
  confidence: number; // mean word confidence 0..100
  words: OcrWord[];
  /** Clockwise rotation applied to the scan before reading (0, 90, 180, 270). */
  rotation: number;
  skewDegrees: number;
  width: number;
  height: number;
  dpi: number;
}

export interface Identifiers {
  customerNumbers: string[];
  phones: string[]; // normalised to 9 national digits
  invoiceNumbers: string[];
  pesels: string[]; // checksum-valid only
  nips: string[]; // checksum-valid only, digits only
  /** A firm's REGON (checksum-valid, 9 or 14 digits) and KRS (10 digits) after their keyword; absent when none. */
  regons?: string[];
  krs?: string[];
  /**
   * Identifier values above (as listed) that the OCR read off words of low confidence: a misread
   * there can be exactly another customer's number, so the matcher does not let one decide alone.
   * Absent when there are none or the text did not come from OCR.
   */
  doubtful?: string[];
  /** PESELs and NIPs above that passed their checksum only after a digit was swapped for a look-alike. */
  checksumRepaired?: string[];
  postalCodes: string[]; // NN-NNN
  emails: string[];
  /**
   * Address-like words whose '@' the OCR lost (findUnreadEmails): never shown as e-mails; the
   * matcher tries where the '@' stood against the master. Absent when the letter has none.
   */
  unreadEmails?: string[];
  /**
   * Numbers given as the contract's or subscription's ("umowa nr …") in the customer number's shape,
   * or ten digits standing without any keyword: often the customer number itself, so the matcher
   * looks them up, but believes one only when something else in the letter agrees. Absent when the
   * letter has none.
   */
  contractNumbers?: string[];
  /**
   * The town of the letter's date line ("Łódź, 12.11.2026"), when the letter gives no address with a
   * town: the matcher looks for namesakes there and lists them first, but it is never evidence (a
   * wife quoting her husband's number from the same town would otherwise tip the match to him).
   */
  writtenIn?: string;
  /** Person names found in the sender block or signature, nominative where it could be recovered. */
  names: { first: string; last: string }[];
  /**
   * People the letter is written for ("w imieniu mojej mamy, Pani Ireny Krawczyk"): the matcher
   * decides only for one of them. Absent when the writer writes for themselves.
   */
  principals?: { first: string; last: string }[];
  /** Phones the letter gives as a principal's own ("na numer syna 698 112 334"), among `phones`. */
  principalPhones?: string[];
  /** The writer's former surname with her first name ("z domu Nowak"), also among `names`. */
  formerNames?: { first: string; last: string }[];
  /** The person who signed under the closing formula; absent when no signature was read. */
  signer?: { first: string; last: string };
  /** People the letter reports on ("mój sąsiad, Pan Ryszard Pawlak"): never its writer. */
  thirdParties?: { first: string; last: string }[];
  /** The writer speaks of a firm of their own ("faktura dla mojej firmy"). */
  ownBusiness?: boolean;
  /**
   * The letter is written for a relative it names by no full name ("jako pełnomocnik syna"); the
   * names and address it gives are the writer's. (A relative named by the given name alone is among
   * `principals` with the writer's surname in the relative's gender.)
   */
  forUnnamedRelative?: boolean;
  /** The writer says "nie jestem Państwa klientem": no customer named is the writer. */
  writerNotCustomer?: boolean;
  companyNames: string[];
  addresses: { street: string | null; postalCode: string | null; city: string | null }[];
  /** True when the letter comes from a court, bailiff, regulator or consumer ombudsman. */
  fromInstitution: boolean;
}

export interface Classification {
  category: Category;
  confidence: number; // calibrated probability 0..1
  secondary: Category[];
  /** Words or features that decided, strongest first, for the audit trail. */
  explanation: { feature: string; weight: number }[];
  /** Term stated in the letter for LEGAL mail, in days, when the letter states one. */
  statedTermDays: number | null;
  /**
   * Date stated in the letter for LEGAL mail ("do dnia 19 listopada 2026 r."): ISO, or "--MM-DD"
   * when the letter gives no year. Absent in classifications stored before it was read.
   */
  statedDueDate?: string | null;
  /**
   * The sender is an organisation (a bank, a welfare centre, a municipal office) whose stated term or
   * date dates the reply whatever the category, where it comes first (classifier/organisation-sender.ts).
   */
  termSetBySender?: boolean;
  /**
   * Other categories the model gave at least a fifth of its belief, likeliest first: while a person
   * settles an uncertain letter, none of their deadlines may pass. Absent in older classifications.
   */
  alternatives?: Category[];
}

export interface Customer {
  customerId: string;
  segment: Segment;
  firstName: string | null;
  lastName: string | null;
  companyName: string | null;
  pesel: string | null;
  nip: string | null;
  /** The firm's REGON (9 digits, 14 for a branch) and KRS (10 digits), where the master holds them. */
  regon?: string | null;
  krs?: string | null;
  street: string | null;
  postalCode: string | null;
  city: string | null;
  region: string | null;
  phones: string[];
  email: string | null;
  invoiceNumbers: string[];
  contractNumbers: string[];
}

export type MatchEvidence =
  | 'customer_number'
  | 'pesel'
  | 'nip'
  | 'regon'
  | 'krs'
  | 'phone'
  | 'invoice_number'
  | 'contract_number'
  | 'email'
  | 'name'
  | 'company_name'
  | 'address'
  | 'postal_code'
  /** The town only, when the letter gives no postal code. */
  | 'city';

export interface MatchCandidate {
  customerId: string;
  score: number; // 0..1
  evidence: MatchEvidence[];
  /** What the person deciding should know against this candidate (absent when nothing). */
  cautions?: MatchCaution[];
}

/**
 * `phone_repaired`: the only identifier is a phone one misread digit from the master's;
 * `address_elsewhere`: the letter's postal code, town or house number is not the customer's;
 * `third_party`: the letter names this customer as someone else (a neighbour, a person it is mistaken for);
 * `low_confidence_read`: the only identifier pointing here was read off a word the OCR was unsure of.
 */
export type MatchCaution = 'phone_repaired' | 'address_elsewhere' | 'third_party' | 'low_confidence_read';

export type MatchResult =
  | { kind: 'matched'; customerId: string; confidence: number; evidence: MatchEvidence[]; candidates: MatchCandidate[] }
  | { kind: 'ambiguous'; candidates: MatchCandidate[]; reason: string }
  | { kind: 'unmatched'; candidates: MatchCandidate[]; reason: string };
