// Candidate retrieval for the matcher: one statement, every branch an index probe (primary key,
// btree on an identifier, a postal code or city narrowing a surname, the company trigram index).
// Nothing here may read the whole customers table: it holds 11 million rows.
import type { Queryable } from '../core/db.js';

export interface LookupKeys {
  customerNumbers: string[];
  pesels: string[];
  nips: string[];
  regons: string[];
  krs: string[];
  phones: string[];
  invoices: string[];
  contracts: string[];
  emails: string[];
  lastNames: string[]; // folded
  firstNames: string[]; // folded
  postalCodes: string[];
  cities: string[]; // folded
  companies: string[]; // folded, legal form removed
  streets: string[]; // folded street and house number ("ogrodowa 3"), as the street index keys them
}

export interface CandidateRow {
  customer_id: string;
  segment: 'individual' | 'business';
  first_name_key: string | null;
  last_name_key: string | null;
  company_key: string | null;
  pesel: string | null;
  nip: string | null;
  regon: string | null;
  krs: string | null;
  street_key: string | null;
  postal_code: string | null;
  city_key: string | null;
  email: string | null;
  phones: string[];
  invoice_numbers: string[];
  contract_numbers: string[];
  /** Which lookups found it, and the letter-side value that hit ("phone:601234567"). */
  hits: string[];
}

// Company names are looked up exactly first; only a name nobody has exactly (an OCR slip) goes to
// the trigram index, by word similarity (threshold 0.6): a common name matched by trigrams drew
// thousands of rows, every one of them sorted for the top ten.
// A chain's name recurs across the country, so companies are also looked for within the
// letter's postal code, where the whole-country top ten may not reach.
// Limits keep a common surname in a big city from flooding the human queue; the
// identifier branches return one or a handful of rows by nature.
export const LOOKUP_SQL = `
  WITH hits(customer_id, hit) AS (
    SELECT customer_id, 'customer_number:' || customer_id FROM customers WHERE customer_id = ANY($1::text[])
    -- The same number written without the master's separators or case: the hit names the letter's form.
    UNION ALL SELECT customer_id, 'customer_number:' || regexp_replace(upper(customer_id), '[^A-Z0-9]', '', 'g') FROM customers
      WHERE regexp_replace(upper(customer_id), '[^A-Z0-9]', '', 'g') = ANY($1::text[])
    UNION ALL SELECT customer_id, 'pesel:' || pesel FROM customers WHERE pesel = ANY($2::text[])
    UNION ALL SELECT customer_id, 'nip:' || nip FROM customers WHERE nip = ANY($3::text[])
    UNION ALL SELECT customer_id, 'regon:' || regon FROM customers WHERE regon = ANY($14::text[])
    -- The firm's 9 digits find its branches' 14 too (the same firm, as a shared NIP does).
    UNION ALL SELECT customer_id, 'regon:' || regon FROM customers WHERE substr(regon, 1, 9) = ANY($14::text[]) AND regon IS NOT NULL
    UNION ALL SELECT customer_id, 'krs:' || krs FROM customers WHERE krs = ANY($15::text[])
    UNION ALL SELECT customer_id, 'phone:' || phone FROM customer_phones WHERE phone = ANY($4::text[])
    UNION ALL SELECT customer_id, 'invoice_number:' || invoice_number FROM customer_invoices WHERE invoice_number = ANY($5::text[])
    UNION ALL SELECT customer_id, 'contract_number:' || contract_number FROM customer_contracts WHERE contract_number = ANY($13::text[])
    UNION ALL SELECT customer_id, 'email:' || email FROM customers WHERE email = ANY($6::text[])
    UNION ALL (SELECT customer_id, 'name' FROM customers
      WHERE postal_code = ANY($9::text[])
        AND (EXISTS (SELECT 1 FROM unnest($7::text[]) n WHERE similarity(last_name_key, n) >= 0.5)
          OR EXISTS (SELECT 1 FROM unnest($11::text[]) n WHERE similarity(company_key, n) >= 0.5))
      LIMIT 50)
    UNION ALL (SELECT customer_id, 'name' FROM customers
      WHERE city_key = ANY($10::text[]) AND last_name_key = ANY($7::text[])
        AND (cardinality($8::text[]) = 0 OR first_name_key = ANY($8::text[])) LIMIT 50)
    UNION ALL (SELECT customer_id, 'name' FROM customers
      WHERE last_name_key = ANY($7::text[]) AND first_name_key = ANY($8::text[]) LIMIT 20)
    -- The exact street and house within the letter's postal code: a sender whose name the OCR lost
    -- (or gave no name the lexicon knows) still has candidates for the person who decides.
    UNION ALL (SELECT customer_id, 'address' FROM customers
      WHERE postal_code = ANY($9::text[])
        AND EXISTS (SELECT 1 FROM unnest($12::text[]) s WHERE street_key = s OR street_key LIKE s || ' %')
      LIMIT 20)
    UNION ALL SELECT m.customer_id, 'company_name' FROM unnest($11::text[]) q(name)
      CROSS JOIN LATERAL (
        (SELECT customer_id FROM customers WHERE company_key = q.name LIMIT 20)
        UNION ALL
        (SELECT customer_id FROM customers
          WHERE q.name <% company_key AND NOT EXISTS (SELECT 1 FROM customers e WHERE e.company_key = q.name)
          ORDER BY similarity(company_key, q.name) DESC LIMIT 10)) m
  )
  -- Hits are grouped first and each customer then fetched by primary key: joining the whole
  -- customers table let the planner pick a merge join over the full primary-key index.
  SELECT c.*, g.hits FROM (SELECT customer_id, array_agg(DISTINCT hit) AS hits FROM hits GROUP BY customer_id LIMIT 200) g
  CROSS JOIN LATERAL (
    SELECT customer_id, segment, first_name_key, last_name_key, company_key, pesel, nip, regon, krs, street_key, postal_code,
      city_key, email, phones, invoice_numbers, contract_numbers
    FROM customers WHERE customer_id = g.customer_id) c`;

export function lookupParams(k: LookupKeys): unknown[] {
  return [
    k.customerNumbers, k.pesels, k.nips, k.phones, k.invoices, k.emails,
    k.lastNames, k.firstNames, k.postalCodes, k.cities, k.companies, k.streets, k.contracts, k.regons, k.krs,
  ];
}

export async function lookupCandidates(db: Queryable, keys: LookupKeys): Promise<CandidateRow[]> {
  const { rows } = await db.query<CandidateRow>(LOOKUP_SQL, lookupParams(keys));
  return rows;
}
