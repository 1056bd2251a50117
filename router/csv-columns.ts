// Which column of a customer master export holds which field. Exporters name columns their own way
// ("Nr klienta", "E-mail", "Telefon 2"): names are compared folded, and only names listed here are
// read. Everything else is ignored and reported; two columns claiming one field are refused.
import { PermanentError } from '../core/errors.js';
import { fold } from './fold.js';
import { headerSurnameFirst } from './csv-names.js';

export const CUSTOMER_COLUMNS = [
  'customer_id', 'segment', 'first_name', 'last_name', 'company_name', 'pesel', 'nip', 'regon', 'krs', 'street',
  'postal_code', 'city', 'region', 'phones', 'email', 'invoice_numbers', 'contract_numbers',
] as const;
export type Column = (typeof CUSTOMER_COLUMNS)[number];
// Read into other fields: a full name is split, house and flat numbers join the street.
type Field = Column | 'full_name' | 'firm_name' | 'house_number' | 'flat_number' | 'street_extra' | 'post_town';

const ALIASES: Record<Field, string[]> = {
  customer_id: ['customer_no', 'customer_number', 'customer_nr', 'client_id', 'client_no', 'client_number',
    'account_number', 'account_no', 'nr_klienta', 'numer_klienta', 'id_klienta', 'id'],
  segment: ['customer_type', 'customer_segment', 'type', 'typ', 'typ_klienta', 'segment_klienta'],
  first_name: ['firstname', 'given_name', 'imie'],
  last_name: ['lastname', 'surname', 'family_name', 'nazwisko'],
  company_name: ['company', 'firma', 'nazwa_firmy', 'business_name', 'organization', 'organisation', 'organization_name',
    'organisation_name', 'nazwa_organizacji'],
  // A CRM's account: the firm on business rows, the person again on private ones (read as firmName).
  firm_name: ['account_name', 'nazwa_konta'],
  full_name: ['name', 'full_name', 'imie_i_nazwisko', 'customer_name'],
  house_number: ['house', 'house_no', 'building_number', 'building_no', 'nr_domu', 'numer_domu', 'nr_budynku', 'numer_budynku', 'dom'],
  flat_number: ['flat', 'flat_no', 'apartment', 'apartment_number', 'apt', 'nr_lokalu', 'numer_lokalu', 'nr_mieszkania',
    'numer_mieszkania', 'lokal', 'mieszkanie'],
  // A second address line ("m. 3", "lok. 5", "Budynek B"): joined to the first.
  street_extra: ['address_line_2', 'address_2', 'address2', 'street_2', 'street2', 'adres_2', 'adres_linia_2'],
  pesel: ['national_id', 'national_id_number', 'nr_pesel', 'numer_pesel'],
  nip: ['vat_id', 'tax_id', 'vat_number', 'vat_no', 'vat', 'tax_number', 'tax_no', 'nip_vat', 'nr_nip', 'numer_nip'],
  regon: ['nr_regon', 'numer_regon', 'regon_number', 'regon_no'],
  krs: ['nr_krs', 'numer_krs', 'krs_number', 'krs_no', 'court_register_number', 'company_register_number'],
  street: ['address', 'address_line', 'address_line_1', 'address_1', 'address1', 'street_address', 'ulica', 'adres'],
  postal_code: ['postcode', 'zip', 'zip_code', 'kod_pocztowy'],
  city: ['town', 'miasto', 'miejscowosc'],
  // The post office's town, as Polish address forms call it: the town a village's letters give on
  // the postal line ("Stara Wieś 15, 05-250 Radzymin"). Beside a locality column it is the city.
  post_town: ['poczta', 'post_town', 'post_office', 'miejscowosc_poczty', 'poczta_miejscowosc'],
  region: ['voivodeship', 'wojewodztwo', 'province'],
  phones: ['phone', 'phone_number', 'phone_numbers', 'telephone', 'tel', 'telefon', 'telefony', 'mobile',
    'mobile_phone', 'msisdn', 'telefon_komorkowy', 'landline', 'home_phone', 'work_phone', 'telefon_stacjonarny'],
  email: ['e_mail', 'mail', 'email_address'],
  invoice_numbers: ['invoices', 'faktury', 'numery_faktur'],
  contract_numbers: ['contracts', 'contract', 'contract_number', 'contract_no', 'contract_id', 'umowa', 'umowy',
    'nr_umowy', 'numer_umowy', 'numery_umow', 'id_umowy'],
};
const FIELD_BY_NAME = new Map<string, Field>(
  (Object.entries(ALIASES) as [Field, string[]][]).flatMap(([f, names]) => [f, ...names].map((n) => [n, f] as [string, Field])),
);

/** "Nr. klienta" -> nr_klienta, "E-mail" -> e_mail, "Miejscowość" -> miejscowosc. */
export function headerKey(name: string): string {
  return fold(name).replace(/ /g, '_');
}

function fieldOf(name: string): Field | undefined {
  const key = headerKey(name);
  // Numbered phone columns ("Telefon 2", "phone_1") are more of the same list.
  return FIELD_BY_NAME.get(key) ?? (FIELD_BY_NAME.get(key.replace(/_?\d+$/, '')) === 'phones' ? 'phones' : undefined) ?? fieldByWords(key);
}

// Words that make a column about a value, not the value: "Kwota faktury", "Data urodzenia", "Klient od",
// "Typ telefonu", "Zgoda na e-mail".
const ABOUT = /^(?:kwota|data|date|amount|suma|wartosc|termin|saldo|status|liczba|count|od|since|zgoda|consent|typ|rodzaj|type|kind|stawka|rate)$/;
const CUSTOMER_WORD = /^(?:klient\w*|customer|client|abonent\w*|subscriber|account|konto|konta)$/;

/**
 * Exporters shorten and qualify names ("Tel. komórkowy", "Kod poczt.", "Nr faktur", "Rodzaj klienta",
 * "Adres e-mail", "Nr klienta CRM"): when no listed name fits, the words a header holds decide.
 * Silently ignoring such a column would drop every phone or invoice of the master.
 */
function fieldByWords(key: string): Field | undefined {
  const words = key.split('_').filter(Boolean);
  const has = (re: RegExp) => words.some((w) => re.test(w));
  if (has(/^(?:typ|rodzaj|type|segment)$/) && has(CUSTOMER_WORD) && words.length <= 3) return 'segment';
  if (has(ABOUT)) return undefined;
  if (has(/^(?:tel|telefon\w*|phone\w*|mobile|komork\w*|gsm|msisdn)$/)) return 'phones';
  // "E-mail", "Adres e-mail", "Email address"; not "Mailing Street".
  if (has(/^(?:e?mail|emails?|mailbox)$/)) return 'email';
  if ((has(/^kod$/) && has(/^poczt\w*$/)) || has(/^(?:postal|postcode|zip)$/) || key === 'kod') return 'postal_code';
  if (has(/^poczt\w*$/) && !has(/^kod$/)) return 'post_town';
  if (has(/^(?:faktur\w*|invoices?)$/)) return 'invoice_numbers';
  if (has(/^(?:umow\w*|contracts?)$/)) return 'contract_numbers';
  if (has(/^pesel$/)) return 'pesel';
  if (has(/^(?:nip|vat)$/)) return 'nip';
  if (has(/^regon$/)) return 'regon';
  if (has(/^krs$/)) return 'krs';
  if (has(/^(?:nr|numer|id|no|number)$/) && has(CUSTOMER_WORD)) return 'customer_id';
  // "Nazwa / Imię i nazwisko", "Nazwa klienta": a person's or a firm's name in one column.
  if ((has(/^(?:imie|imiona)$/) && has(/^nazwisk\w*$/)) || (has(/^nazwa$/) && (words.length === 1 || has(CUSTOMER_WORD)))) return 'full_name';
  if (has(/^(?:imie|imiona)$/) && !has(/^nazwisk\w*$/)) return 'first_name';
  if (has(/^nazwisk\w*$/) && !has(/^(?:imie|imiona)$/)) return 'last_name';
  if (has(/^(?:lokalu|mieszkania|lokal|mieszkanie|flat|apartment|apt)$/)) return 'flat_number';
  if (has(/^(?:domu|budynku|posesji|house|building)$/)) return 'house_number';
  if (has(/^(?:ulica|street)$/)) return 'street';
  // "Adres korespondencyjny", "Mailing Address", "Adres do korespondencji": one cell, split on import.
  if (has(/^(?:adres|address)$/)) return 'street';
  if (has(/^(?:miasto|miejscowosc|city|town)$/)) return 'city';
  return undefined;
}

/** The column separator: whichever of ',', ';', tab and '|' the header line has most of outside quotes. */
export function detectDelimiter(text: string): string {
  const counts = new Map([[',', 0], [';', 0], ['\t', 0], ['|', 0]]);
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  const [best, second] = [...counts].sort((a, b) => b[1] - a[1]);
  if (best![1] === 0) return ',';
  if (best![1] === second![1]) {
    const name = (d: string) => (d === '\t' ? 'tab' : `'${d}'`);
    throw new PermanentError('CSV_HEADER', `customer CSV header rejected: cannot tell the column separator, ` +
      `the header line has as many ${name(best![0])} as ${name(second![0])}`);
  }
  return best![0];
}

export interface ColumnMap {
  /** Position of each field's column, -1 when the file has none. */
  at: Record<Column, number>;
  /** Every phone column, in file order; their numbers merge into one list. */
  phones: number[];
  /** A single "first names and surname" column, read only when first_name and last_name are absent. */
  fullName: number;
  /** The full-name column's header puts the surname first ("Nazwisko i imię"). */
  surnameFirst: boolean;
  /**
   * A name column ("Nazwa klienta") beside first_name and last_name and no company column: the
   * firm's name on business rows (-1 when none).
   */
  firmName: number;
  /** House and flat number columns, joined to the street as "Lipowa 5/3", and a second address line (-1 when none). */
  house: number;
  flat: number;
  streetExtra: number;
  /** The post office's town beside a locality column (-1 when none): the city letters give. */
  postTown: number;
  /**
   * Beside a correspondence address column, the other address column (the seat's, the registered
   * one; -1 when none): the street of rows whose correspondence address is empty, with the house,
   * flat, postal code and town columns. A correspondence address of its own brings its postal line.
   */
  seatStreet: number;
  width: number;
  ignored: string[];
  /** "Tel. komórkowy → phones", in file order: what each read column was taken for. */
  read: string[];
  /** Matching fields no column gives: letters quoting such a value cannot be matched by it. */
  missing: string[];
}

// Two address columns ("Adres zameldowania", "Adres korespondencyjny"): letters come from the
// correspondence address, so it is the street when exactly one says it is. A CRM fills it only where
// it differs from the seat's (blind test AU: 99 of 788 rows; the other 689 lost their street), so the
// other column is the street of the rows that leave it empty. Returns that column (-1 when none).
const CORRESPONDENCE = /^(?:korespond\w*|mailing|correspondence|contact|kontaktow\w*|postal|pocztow\w*)$/;
function preferCorrespondence(claims: Map<Field, number[]>, header: string[], ignored: string[]): number {
  const streets = claims.get('street') ?? [];
  const chosen = streets.filter((i) => headerKey(header[i]!).split('_').some((w) => CORRESPONDENCE.test(w)));
  if (streets.length < 2 || chosen.length !== 1) return -1;
  const others = streets.filter((i) => i !== chosen[0]);
  ignored.push(...others.slice(1).map((i) => header[i]!.trim()));
  claims.set('street', chosen);
  return others[0]!;
}

const MATCHED_ON: Column[] = ['phones', 'email', 'invoice_numbers', 'pesel', 'nip', 'street', 'postal_code', 'city'];

export function mapHeader(header: string[]): ColumnMap {
  const claims = new Map<Field, number[]>();
  const ignored: string[] = [];
  header.forEach((raw, i) => {
    const field = fieldOf(raw);
    if (field) claims.set(field, [...(claims.get(field) ?? []), i]);
    else ignored.push(raw.trim() || `(unnamed column ${i + 1})`);
  });
  const label = (i: number) => `'${header[i]!.trim()}'`;
  const refuse = (why: string) => {
    throw new PermanentError('CSV_HEADER', `customer CSV header rejected: ${why}`);
  };
  const seatStreet = preferCorrespondence(claims, header, ignored);
  const clashes = [...claims].filter(([f, at]) => f !== 'phones' && at.length > 1);
  if (clashes.length) {
    refuse(clashes.map(([f, at]) => `columns ${at.map(label).join(' and ')} are all ${f}`).join('; ') + ' (keep one of each)');
  }
  if (!claims.has('customer_id')) {
    refuse(`no customer number column (named customer_id or ${ALIASES.customer_id.join(', ')}); ` +
      `columns found: ${header.map((h) => h.trim()).join(', ')}`);
  }
  const one = (f: Field) => claims.get(f)?.[0] ?? -1;
  const at = Object.fromEntries(CUSTOMER_COLUMNS.map((c) => [c, one(c)])) as Record<Column, number>;
  let fullName = one('full_name');
  if (fullName >= 0 && (at.first_name >= 0) !== (at.last_name >= 0)) {
    const part = at.first_name >= 0 ? at.first_name : at.last_name;
    refuse(`column ${label(part)} holds part of a name that column ${label(fullName)} holds whole; ` +
      'give first_name and last_name, or one full-name column');
  }
  let firmName = at.company_name < 0 ? one('firm_name') : -1;
  if (at.company_name >= 0 && one('firm_name') >= 0) ignored.push(header[one('firm_name')]!.trim());
  if (fullName >= 0 && at.first_name >= 0 && firmName < 0) {
    // Beside the person's name, "Nazwa klienta" is the firm's name where the row is a firm's; with a
    // company column as well, it is the same names again, whole.
    const words = headerKey(header[fullName]!).split('_');
    const personal = words.includes('full') || (words.includes('imie') && words.some((w) => w.startsWith('nazwisk')));
    if (at.company_name < 0 && !personal) firmName = fullName;
    else ignored.push(header[fullName]!.trim());
    fullName = -1;
  }
  // "Miejscowość" and "Poczta" together: the letters' postal line names the post town, and a village
  // without streets is the street line ("Stara Wieś 15"). Alone, either is the city.
  let postTown = one('post_town');
  if (at.city < 0 && postTown >= 0) [at.city, postTown] = [postTown, -1];
  const house = one('house_number');
  const flat = one('flat_number');
  const streetExtra = one('street_extra');
  const part = [house, flat, streetExtra].find((i) => i >= 0);
  if (part !== undefined && at.street < 0) refuse(`column ${label(part)} holds part of an address but no column holds the street`);
  const as = (i: number, f: Field) => (i === firmName ? 'company_name (business rows)'
    : i === seatStreet ? 'street (where the correspondence address is empty)'
    : ['house_number', 'flat_number', 'street_extra'].includes(f) ? `street (${f})`
    : f === 'post_town' ? (i === postTown ? 'city (post town; the locality is the street line of a village without streets)' : 'city') : f);
  const read = [...claims].flatMap(([f, cols]) => cols.map((i) => ({ i, f })))
    .concat(seatStreet >= 0 ? [{ i: seatStreet, f: 'street' as Field }] : [])
    .filter(({ i, f }) => (f !== 'full_name' && f !== 'firm_name') || i === fullName || i === firmName)
    .sort((a, b) => a.i - b.i).map(({ i, f }) => `${header[i]!.trim()} → ${as(i, f)}`);
  const noName = at.first_name < 0 && at.last_name < 0 && at.company_name < 0 && fullName < 0 && firmName < 0;
  const missing = [...(noName ? ['name (first_name and last_name, a full-name column, or company_name)'] : []), ...MATCHED_ON.filter((c) => at[c] < 0)];
  return { at, phones: claims.get('phones') ?? [], fullName, surnameFirst: fullName >= 0 && headerSurnameFirst(headerKey(header[fullName]!)), firmName, house, flat, streetExtra, postTown, seatStreet, width: header.length, ignored, read, missing };
}

const SEGMENTS = new Map<string, 'individual' | 'business'>([
  ...['individual', 'osoba_fizyczna', 'private', 'consumer', 'konsument', 'indywidualny', 'klient_indywidualny', 'b2c', 'residential',
    'personal', 'retail', 'household', 'home', 'prywatny', 'klient_prywatny', 'osoba_prywatna', 'gospodarstwo_domowe']
    .map((v) => [v, 'individual'] as const),
  ...['business', 'firma', 'company', 'corporate', 'biznes', 'biznesowy', 'klient_biznesowy', 'b2b', 'przedsiebiorca',
    'osoba_prawna', 'jdg', 'dzialalnosc_gospodarcza', 'sole_trader', 'sme', 'soho', 'enterprise', 'small_business', 'spolka',
    'instytucja', 'institution', 'public_sector',
    // Public bodies buy lines as firms do (blind test X): a municipality, a school, a court's administration.
    'sektor_publiczny', 'instytucja_publiczna', 'public', 'b2g', 'administracja_publiczna', 'jednostka_budzetowa', 'jst',
    'samorzad', 'jednostka_samorzadu_terytorialnego', 'government', 'administracja', 'urzad', 'sektor_publiczny_b2g']
    .map((v) => [v, 'business'] as const),
]);

/** Words that give a segment away in a value not on the list ("jednoosobowa działalność", "Klient firmowy"). */
const SEGMENT_WORDS: [RegExp, 'individual' | 'business'][] = [
  [/(?:^|_)(?:osob\w*_fizyczn|fizyczn|prywatn|indywidualn|konsument|individual|private|personal|residential|household|consumer)/, 'individual'],
  [/(?:^|_)(?:dzialalnosc|firm|spolk|przedsiebior|biznes|business|company|corporate|instytucj|institution|public|publiczn|urzad|gmin|jdg|b2b|sole|trader|self_employed|enterprise)/, 'business'],
  // Organisations and their sectors (blind test AU: "Fundacja / Stowarzyszenie", "NGO", "Oświata", "Korporacja").
  [/(?:^|_)(?:fundacj|stowarzysz|organizacj|ngo|non_profit|nonprofit|oswiat|szkol|edukacj|korporacj|corporation|association|foundation)/, 'business'],
];

/** A segment value as exporters write it ("Osoba fizyczna", "FIRMA"), or null when it is none of ours. */
export function segmentOf(value: string): 'individual' | 'business' | null {
  const v = value.toLowerCase();
  if (v === 'individual' || v === 'business') return v;
  const key = headerKey(value);
  const listed = SEGMENTS.get(key);
  if (listed) return listed;
  // "Osoba fizyczna prowadząca działalność gospodarczą" names both: a sole trader, a business.
  const said = new Set(SEGMENT_WORDS.filter(([re]) => re.test(key)).map(([, segment]) => segment));
  return said.has('business') ? 'business' : said.has('individual') ? 'individual' : null;
}
