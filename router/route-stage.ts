import type { DocumentStore } from '../core/document-store.js';
import { PermanentError } from '../core/errors.js';
import type { JobPayloads, StageResults } from '../core/pipeline.js';
import type { Category, Classification, Identifiers, MatchResult, Segment } from '../core/types.js';
import { decideRouting, type RoutingPolicy } from './worklist-rules.js';

// Stage 4: the sender is matched to the customer master and the letter is placed in a worklist.
// Only a confident match names a customer; anything else goes to people with the candidates.

export interface RouteDeps {
  store: DocumentStore;
  match(ids: Identifiers): Promise<MatchResult>;
  segmentOf(customerId: string): Promise<Segment | null>;
  policy: RoutingPolicy;
}

export async function routeDocument(deps: RouteDeps, job: JobPayloads['route']): Promise<StageResults['route']> {
  const doc = await deps.store.getDocument(job.documentId);
  if (!doc || !doc.category || !doc.identifiers) throw new PermanentError('NOT_CLASSIFIED', `document ${job.documentId} has no classification`);
  // Run again after a crash when the letter is already in a worklist (perhaps one an adviser moved it
  // to): the worklist entry follows the record, never the stale job.
  if (doc.status === 'routed' && doc.worklist) return { documentId: job.documentId, worklist: doc.worklist, priority: doc.priority ?? 0, dueAt: doc.due_at };
  if (doc.status !== 'routing') throw new PermanentError('NOT_ROUTABLE', `document ${job.documentId} is ${doc.status}`);
  const explanation = (doc.explanation ?? {}) as Pick<Classification, 'termSetBySender'> & { features?: Classification['explanation']; statedTermDays?: number | null; statedDueDate?: string | null; alternatives?: Category[] };
  const classification: Classification = {
    category: doc.category as Category,
    confidence: doc.category_confidence ?? 0,
    secondary: doc.secondary_categories as Category[],
    explanation: explanation.features ?? [],
    statedTermDays: explanation.statedTermDays ?? null,
    statedDueDate: explanation.statedDueDate ?? null,
    alternatives: explanation.alternatives ?? [],
    ...(explanation.termSetBySender ? { termSetBySender: true } : {}),
  };
  const match = await deps.match(doc.identifiers);
  const customerId = match.kind === 'matched' ? match.customerId : null;
  const segment = customerId ? await deps.segmentOf(customerId) : null;
  const d = decideRouting({ classification, match, segment, receivedAt: doc.received_at }, deps.policy);
  await deps.store.advance(
    job.documentId,
    ['routing'],
    'system:router',
    'document.routed',
    {
      status: 'routed',
      customer_id: customerId,
      match_confidence: match.kind === 'matched' ? match.confidence : null,
      matched_on: match.kind === 'matched' ? match.evidence : [],
      candidates: match.candidates,
      worklist: d.worklist,
      priority: d.priority,
      due_at: d.dueAt,
    },
    { worklist: d.worklist, dueAt: d.dueAt, reason: d.reason, match: match.kind, customerId, candidates: match.candidates.slice(0, 5) },
  );
  return { documentId: job.documentId, worklist: d.worklist, priority: d.priority, dueAt: d.dueAt };
}
