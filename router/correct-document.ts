import type { Db } from '../core/db.js';
import { appendEventTx } from '../core/audit-log.js';
import { PermanentError } from '../core/errors.js';
import { CATEGORIES, type Category, type Segment } from '../core/types.js';
import { decideRouting, type RoutingPolicy } from './worklist-rules.js';

// An adviser's correction of a letter's category or customer: recorded (for the audit trail and
// for retraining), applied, and the letter moved to the worklist the corrected facts call for.

export interface Correction {
  documentId: string;
  actor: string;
  category?: Category;
  /** A customer id, or null to say "not this customer" and send it back to identification. */
  customerId?: string | null;
}

export interface CorrectDeps {
  db: Db;
  policy: RoutingPolicy;
  moveWorklist(documentId: string, from: string | null, to: { worklist: string; priority: number; dueAt: string | null }): Promise<void>;
}

interface Row {
  status: string;
  category: Category | null;
  customer_id: string | null;
  secondary_categories: Category[];
  received_at: string;
  worklist: string | null;
  matched_on: string[];
  match_confidence: number | null;
  explanation: { statedTermDays?: number | null; statedDueDate?: string | null; termSetBySender?: boolean } | null;
}

export async function correctDocument(deps: CorrectDeps, c: Correction): Promise<{ worklist: string; dueAt: string | null }> {
  if (c.category !== undefined && !CATEGORIES.includes(c.category)) throw new PermanentError('BAD_CATEGORY', `unknown category ${c.category}`);
  if (c.category === undefined && c.customerId === undefined) throw new PermanentError('NOTHING_TO_CORRECT', 'give a category or a customer');
  const decision = await deps.db.transaction(async (tx) => {
    const doc = (await tx.query<Row>(`SELECT status, category, customer_id, secondary_categories, received_at, worklist, matched_on, match_confidence, explanation FROM documents WHERE document_id = $1 FOR UPDATE`, [c.documentId])).rows[0];
    if (!doc) throw new PermanentError('NOT_FOUND', `no document ${c.documentId}`);
    if (doc.status !== 'routed') throw new PermanentError('NOT_ROUTED', `document ${c.documentId} is ${doc.status}, not in a worklist`);
    const category = c.category ?? doc.category ?? 'OTHER';
    const customerId = c.customerId === undefined ? doc.customer_id : c.customerId;
    const segment = customerId
      ? ((await tx.query<{ segment: Segment }>(`SELECT segment FROM customers WHERE customer_id = $1`, [customerId])).rows[0]?.segment ?? null)
      : null;
    if (c.customerId && !segment) throw new PermanentError('UNKNOWN_CUSTOMER', `no customer ${c.customerId} in the customer master`);
    const d = decideRouting(
      {
        // A person's word is certain: confidence 1 keeps it out of manual classification.
        classification: { category, confidence: 1, secondary: doc.secondary_categories.filter((s) => s !== category), explanation: [], statedTermDays: doc.explanation?.statedTermDays ?? null, statedDueDate: doc.explanation?.statedDueDate ?? null,
          ...(doc.explanation?.termSetBySender ? { termSetBySender: true } : {}) },
        match: customerId ? { kind: 'matched', customerId, confidence: 1, evidence: [], candidates: [] } : { kind: 'unmatched', candidates: [], reason: 'adviser removed the customer' },
        segment,
        receivedAt: doc.received_at,
      },
      deps.policy,
    );
    const changes: [string, string | null, string | null][] = [];
    if (c.category !== undefined && c.category !== doc.category) changes.push(['category', doc.category, c.category]);
    if (c.customerId !== undefined && c.customerId !== doc.customer_id) changes.push(['customer', doc.customer_id, c.customerId]);
    for (const [field, oldValue, newValue] of changes) {
      await tx.query(`INSERT INTO corrections (document_id, actor, field, old_value, new_value) VALUES ($1, $2, $3, $4, $5)`, [c.documentId, c.actor, field, oldValue, newValue]);
    }
    // A category a person set is certain; the model's confidence shown beside it read as theirs
    // (blind test AI: "COMPLAINT (0.999)", the model's belief in the fault it was corrected from).
    await tx.query(
      `UPDATE documents SET category = $2, customer_id = $3, matched_on = $4, match_confidence = $5, worklist = $6, priority = $7, due_at = $8,
         category_confidence = CASE WHEN $9 THEN 1 ELSE category_confidence END, updated_at = now() WHERE document_id = $1`,
      [c.documentId, category, customerId, ...matchFields(c, doc), d.worklist, d.priority, d.dueAt, c.category !== undefined],
    );
    await appendEventTx(tx, { documentId: c.documentId, actor: c.actor, event: 'document.corrected', detail: { changes: changes.map(([field, from, to]) => ({ field, from, to })), worklist: d.worklist, dueAt: d.dueAt } });
    return { ...d, from: doc.worklist };
  });
  await deps.moveWorklist(c.documentId, decision.from, decision);
  return { worklist: decision.worklist, dueAt: decision.dueAt };
}

/** A customer an adviser named is matched "by adviser"; an unchanged one keeps its evidence. */
function matchFields(c: Correction, doc: Row): [string[], number | null] {
  if (c.customerId === undefined || c.customerId === doc.customer_id) return [doc.matched_on, doc.match_confidence];
  return c.customerId ? [['adviser'], 1] : [[], null];
}
