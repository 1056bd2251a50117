// Candidate retrieval for the matcher: one statement, every branch an index probe (primary key,
// btree on an identifier, a postal code or city narrowing a surname, the company trigram index).
// Nothing here may read the whole customers table: it holds 11 million rows.
import type { Queryable } from '../core/db.js';

export interface LookupKeys {
  customerNumbers: string[];
  pesels: string[];
  nips: string[];
  phones: string[];
  invoices: string[];
  emails: string[];
  lastNames: string[]; // folded
  firstNames: string[]; // folded
  postalCodes: string[];
  cities: string[]; // folded
  companies: string[]; // folded, legal form removed
}

export interface CandidateRow {
  customer_id: string;
  segment: 'individual' | 'business';
  first_name_key: string | null;
  last_name_key: string | null;
  company_key: string | null;
  pesel: string | null;
  nip: string | null;
  street_key: string | null;
  postal_code: string | null;
  city_key: string | null;
  email: string | null;
  phones: string[];
  invoice_numbers: string[];
  /** Which lookups found it, and the letter-side value that hit ("phone:601234567"). */
  hits: string[];
}

// Limits keep a common surname in a big city from flooding the human queue; the
// identifier branches return one or a handful of rows by nature.
export const LOOKUP_SQL = `
  WITH hits(customer_id, hit) AS (
    SELECT customer_id, 'customer_number:' || customer_id FROM customers WHERE customer_id = ANY($1::text[])
    UNION ALL SELECT customer_id, 'pesel:' || pesel FROM customers WHERE pesel = ANY($2::text[])
    UNION ALL SELECT customer_id, 'nip:' || nip FROM customers WHERE nip = ANY($3::text[])
    UNION ALL SELECT customer_id, 'phone:' || phone FROM customer_phones WHERE phone = ANY($4::text[])
    UNION ALL SELECT customer_id, 'invoice_number:' || invoice_number FROM customer_invoices WHERE invoice_number = ANY($5::text[])
    UNION ALL SELECT customer_id, 'email:' || lower(email) FROM customers WHERE lower(email) = ANY($6::text[])
    UNION ALL (SELECT customer_id, 'name' FROM customers
      WHERE postal_code = ANY($9::text[])
        AND EXISTS (SELECT 1 FROM unnest($7::text[]) n WHERE similarity(last_name_key, n) >= 0.5)
      LIMIT 50)
    UNION ALL (SELECT customer_id, 'name' FROM customers
      WHERE city_key = ANY($10::text[]) AND last_name_key = ANY($7::text[]) LIMIT 50)
    UNION ALL (SELECT customer_id, 'name' FROM customers
      WHERE last_name_key = ANY($7::text[]) AND first_name_key = ANY($8::text[]) LIMIT 20)
    UNION ALL SELECT m.customer_id, 'company_name' FROM unnest($11::text[]) q(name)
      CROSS JOIN LATERAL (SELECT customer_id FROM customers WHERE company_key % q.name
        ORDER BY similarity(company_key, q.name) DESC LIMIT 10) m
  )
  SELECT c.customer_id, c.segment, c.first_name_key, c.last_name_key, c.company_key, c.pesel, c.nip,
    c.street_key, c.postal_code, c.city_key, lower(c.email) AS email, c.phones, c.invoice_numbers,
    array_agg(DISTINCT h.hit) AS hits
  FROM hits h JOIN customers c USING (customer_id)
  GROUP BY c.customer_id
  LIMIT 200`;

export function lookupParams(k: LookupKeys): unknown[] {
  return [
    k.customerNumbers, k.pesels, k.nips, k.phones, k.invoices, k.emails,
    k.lastNames, k.firstNames, k.postalCodes, k.cities, k.companies,
  ];
}

export async function lookupCandidates(db: Queryable, keys: LookupKeys): Promise<CandidateRow[]> {
  const { rows } = await db.query<CandidateRow>(LOOKUP_SQL, lookupParams(keys));
  return rows;
}
