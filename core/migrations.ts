import type { Db } from './db.js';

// Ordered, append-only. A released migration is never edited: add a new one.
// SQL stays within PostgreSQL 15 (Debian's server) although PGlite is 18.
export const MIGRATIONS: { id: string; sql: string }[] = [
  {
    id: '001-customers',
    sql: `
      CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;
      CREATE EXTENSION IF NOT EXISTS unaccent WITH SCHEMA public;
      CREATE TABLE customers (
        customer_id text PRIMARY KEY,
        segment text NOT NULL CHECK (segment IN ('individual', 'business')),
        first_name text,
        last_name text,
        company_name text,
        pesel text,
        nip text,
        street text,
        postal_code text,
        city text,
        region text,
        email text,
        phones text[] NOT NULL DEFAULT '{}',
        invoice_numbers text[] NOT NULL DEFAULT '{}',
        -- Folded (lower case, no diacritics) copies for indexed fuzzy lookups: unaccent() is not
        -- immutable, so the application folds once at import instead of in an index expression.
        last_name_key text,
        first_name_key text,
        company_key text,
        street_key text,
        city_key text,
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX customers_pesel ON customers (pesel) WHERE pesel IS NOT NULL;
      CREATE INDEX customers_nip ON customers (nip) WHERE nip IS NOT NULL;
      -- Stored lower-cased by the importer: a plain column has statistics, an expression would not.
      CREATE INDEX customers_email ON customers (email) WHERE email IS NOT NULL;
      -- Name lookups are always narrowed by place first (a postal code holds a few hundred
      -- customers), then compared by trigram similarity: a whole-table trigram index on surnames
      -- would return hundreds of thousands of rows for a common name and slow every import.
      CREATE INDEX customers_postal ON customers (postal_code, last_name_key);
      CREATE INDEX customers_city ON customers (city_key, last_name_key, first_name_key);
      CREATE INDEX customers_name ON customers (last_name_key, first_name_key);
      -- Only businesses have a company key: partial indexes skip the other rows at import.
      CREATE INDEX customers_company ON customers (company_key) WHERE company_key IS NOT NULL;
      CREATE INDEX customers_company_trgm ON customers USING gin (company_key gin_trgm_ops) WHERE company_key IS NOT NULL;
      -- Lookup tables for the matcher, derived from customers.phones / invoice_numbers. No foreign
      -- keys and no index by customer: the per-row RI trigger and the extra btree nearly doubled
      -- the cost of loading the 11-million-row master. The importer, their only writer, replaces a
      -- customer's rows (found through the old arrays) in the transaction that rewrites the customer.
      CREATE TABLE customer_phones (
        phone text NOT NULL,
        customer_id text NOT NULL,
        PRIMARY KEY (phone, customer_id)
      );
      CREATE TABLE customer_invoices (
        invoice_number text NOT NULL,
        customer_id text NOT NULL,
        PRIMARY KEY (invoice_number, customer_id)
      );
    `,
  },
  {
    id: '002-documents',
    sql: `
      CREATE TABLE scans (
        scan_id text PRIMARY KEY,          -- sha256 of the file: the same file is the same scan
        file_name text NOT NULL,
        source text NOT NULL,              -- path or upload name as the operator gave it
        channel text NOT NULL,             -- cli | upload | inbox
        blob_key text NOT NULL,
        byte_size bigint NOT NULL,
        received_at date NOT NULL,
        status text NOT NULL,              -- received | split | failed
        page_count int,
        error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE scan_pages (
        scan_id text NOT NULL REFERENCES scans ON DELETE CASCADE,
        page_no int NOT NULL,              -- 1-based within the file
        kind text NOT NULL,                -- letter | blank | separator | rescan
        document_id text,
        image_key text NOT NULL,
        dpi int,
        issues text[] NOT NULL DEFAULT '{}',
        PRIMARY KEY (scan_id, page_no)
      );
      CREATE TABLE documents (
        document_id text PRIMARY KEY,
        scan_id text NOT NULL REFERENCES scans ON DELETE CASCADE,
        pages int[] NOT NULL,
        status text NOT NULL,              -- ocr | classifying | routing | routed | needs_attention
        received_at date NOT NULL,
        text text,
        ocr_confidence real,
        category text,
        category_confidence real,
        secondary_categories text[] NOT NULL DEFAULT '{}',
        explanation jsonb,
        identifiers jsonb,
        customer_id text,
        match_confidence real,
        matched_on text[] NOT NULL DEFAULT '{}',
        candidates jsonb,
        worklist text,
        priority int,
        due_at date,
        searchable_pdf_key text,
        error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX documents_scan ON documents (scan_id);
      CREATE INDEX documents_worklist ON documents (worklist, due_at) WHERE status = 'routed';
      CREATE INDEX documents_status ON documents (status);
      CREATE TABLE document_pages (
        document_id text NOT NULL REFERENCES documents ON DELETE CASCADE,
        page_index int NOT NULL,           -- 0-based within the document
        scan_page_no int NOT NULL,
        ocr_key text,                      -- JSON with words and boxes, in the blob store
        prepared_key text,
        text text,
        confidence real,
        rotation int,
        skew real,
        PRIMARY KEY (document_id, page_index)
      );
      -- Every step of every document, hash-chained so that a later audit can prove nothing was
      -- rewritten: hash = sha256(prev_hash || canonical JSON of the row).
      CREATE TABLE document_events (
        event_id bigserial PRIMARY KEY,
        document_id text,
        scan_id text,
        at timestamptz NOT NULL DEFAULT now(),
        actor text NOT NULL,
        event text NOT NULL,
        detail jsonb NOT NULL DEFAULT '{}',
        prev_hash text NOT NULL,
        hash text NOT NULL
      );
      CREATE INDEX document_events_doc ON document_events (document_id, event_id);
      CREATE TABLE corrections (
        correction_id bigserial PRIMARY KEY,
        document_id text NOT NULL REFERENCES documents ON DELETE CASCADE,
        at timestamptz NOT NULL DEFAULT now(),
        actor text NOT NULL,
        field text NOT NULL,               -- category | customer
        old_value text,
        new_value text
      );
    `,
  },
  {
    id: '003-classifier-models',
    sql: `
      -- Models trained from advisers' corrections; the newest accepted one is used by the classifier.
      CREATE TABLE classifier_models (
        model_id bigserial PRIMARY KEY,
        created_at timestamptz NOT NULL DEFAULT now(),
        accepted boolean NOT NULL,
        corrections int NOT NULL,
        metrics jsonb NOT NULL,
        model jsonb
      );
      CREATE INDEX corrections_document ON corrections (document_id, correction_id);
    `,
  },
  {
    // One id per database, made once: the queues of this database live under it (core/runtime.ts).
    id: '004-installation',
    sql: `
      CREATE TABLE installation (
        singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
        id text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      INSERT INTO installation (id) VALUES (substr(md5(random()::text || clock_timestamp()::text), 1, 12));
    `,
  },
  {
    // Invoice numbers are looked up by letters and digits only (router/fold.ts invoiceLookupKey):
    // "FV 2025/04/1" in a letter is "FV/2025/04/1" in the master. Existing rows are rewritten.
    id: '005-invoice-lookup-key',
    sql: `
      CREATE TABLE customer_invoices_keyed (
        invoice_number text NOT NULL,
        customer_id text NOT NULL,
        PRIMARY KEY (invoice_number, customer_id)
      );
      INSERT INTO customer_invoices_keyed
        SELECT DISTINCT regexp_replace(upper(invoice_number), '[^A-Z0-9]', '', 'g'), customer_id FROM customer_invoices;
      DROP TABLE customer_invoices;
      ALTER TABLE customer_invoices_keyed RENAME TO customer_invoices;
      ALTER INDEX customer_invoices_keyed_pkey RENAME TO customer_invoices_pkey;
    `,
  },
  {
    // Contract numbers ("umowa nr UM/2025/04/1182"): letters quote them as often as invoices, and
    // masters export them. Looked up by letters and digits only, as invoices are.
    id: '006-contract-numbers',
    sql: `
      ALTER TABLE customers ADD COLUMN contract_numbers text[] NOT NULL DEFAULT '{}';
      CREATE TABLE customer_contracts (
        contract_number text NOT NULL,
        customer_id text NOT NULL,
        PRIMARY KEY (contract_number, customer_id)
      );
    `,
  },
  {
    // A master numbering its customers "JT-0283391" is quoted "JT0283391" or "jt 0283391" (blind
    // test R): customer numbers are also looked up by their letters and digits only.
    id: '007-customer-number-key',
    sql: `
      CREATE INDEX customers_id_key ON customers ((regexp_replace(upper(customer_id), '[^A-Z0-9]', '', 'g')));
    `,
  },
  {
    // The identifier-bearing words the OCR read with low confidence, kept beside the text so the
    // classify stage can tell which identifiers may be misread (blind test AB: hand-writing).
    id: '008-low-confidence-words',
    sql: `
      ALTER TABLE documents ADD COLUMN low_confidence_words jsonb;
    `,
  },
  {
    // A firm's REGON and KRS: business letters and their footers give them, B2B masters export them.
    // A branch's 14-digit REGON opens with its firm's 9, which letters print in the firm's footer.
    id: '009-registry-numbers',
    sql: `
      ALTER TABLE customers ADD COLUMN regon text;
      ALTER TABLE customers ADD COLUMN krs text;
      CREATE INDEX customers_regon ON customers (regon) WHERE regon IS NOT NULL;
      CREATE INDEX customers_regon_firm ON customers ((substr(regon, 1, 9))) WHERE regon IS NOT NULL;
      CREATE INDEX customers_krs ON customers (krs) WHERE krs IS NOT NULL;
    `,
  },
];

export async function migrate(db: Db): Promise<void> {
  await db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (id text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`);
  // Several services may start at once against one PostgreSQL: one migrates, the others wait.
  await db.transaction(async (tx) => {
    if (db.kind === 'postgres') await tx.query(`SELECT pg_advisory_xact_lock(4242001)`);
    const done = new Set((await tx.query<{ id: string }>(`SELECT id FROM schema_migrations`)).rows.map((r) => r.id));
    for (const m of MIGRATIONS) {
      if (done.has(m.id)) continue;
      for (const stmt of splitStatements(m.sql)) await tx.query(stmt);
      await tx.query(`INSERT INTO schema_migrations (id) VALUES ($1)`, [m.id]);
    }
  });
}

// Our migrations hold no functions or quoted semicolons, so once comments are gone splitting on
// ';' is exact.
function splitStatements(sql: string): string[] {
  return sql
    .replace(/--[^\n]*/g, '')
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean);
}
