import type { Queryable } from '../core/db.js';
import { loadDefaultModel, type ClassifierModel } from './model.js';
import type { CorrectedLetter } from './retrain.js';
import type { Category } from '../core/types.js';

// Where the classifier's model lives once advisers have taught it: the newest accepted model in
// the database, else the model shipped with the code.

export async function activeModel(db: Queryable): Promise<{ id: number | null; model: ClassifierModel }> {
  const { rows } = await db.query<{ model_id: number; model: ClassifierModel }>(
    `SELECT model_id, model FROM classifier_models WHERE accepted ORDER BY model_id DESC LIMIT 1`,
  );
  return rows[0] ? { id: rows[0].model_id, model: rows[0].model } : { id: null, model: loadDefaultModel() };
}

/** Caches the active model and looks for a newer one at most every `refreshMs`. */
export function createModelSource(db: Queryable, refreshMs = 60_000): () => Promise<ClassifierModel> {
  let cached: { id: number | null; model: ClassifierModel } | null = null;
  let checkedAt = 0;
  return async () => {
    if (!cached || Date.now() - checkedAt > refreshMs) {
      const { rows } = await db.query<{ id: number | null }>(`SELECT max(model_id) AS id FROM classifier_models WHERE accepted`);
      const id = rows[0]?.id ?? null;
      if (!cached || cached.id !== id) cached = await activeModel(db);
      checkedAt = Date.now();
    }
    return cached.model;
  };
}

export async function saveModel(db: Queryable, m: { accepted: boolean; corrections: number; metrics: unknown; model: ClassifierModel | null }): Promise<number> {
  const { rows } = await db.query<{ model_id: number }>(
    `INSERT INTO classifier_models (accepted, corrections, metrics, model) VALUES ($1, $2, $3::jsonb, $4::jsonb) RETURNING model_id`,
    [m.accepted, m.corrections, JSON.stringify(m.metrics), m.model ? JSON.stringify(m.model) : null],
  );
  return rows[0]!.model_id;
}

/**
 * Whether an adviser has corrected a category since the last retraining attempt (accepted or not).
 * Without one, retraining would learn from the very corpus the current model came from.
 */
export async function hasNewCorrections(db: Queryable): Promise<boolean> {
  const { rows } = await db.query<{ fresh: boolean }>(
    `SELECT EXISTS (
       SELECT 1 FROM corrections
       WHERE field = 'category' AND at > coalesce((SELECT max(created_at) FROM classifier_models), '-infinity')
     ) AS fresh`,
  );
  return rows[0]?.fresh ?? false;
}

/** The latest category an adviser gave each corrected letter, with the letter's OCR text. */
export async function correctedLetters(db: Queryable): Promise<CorrectedLetter[]> {
  const { rows } = await db.query<{ document_id: string; text: string; category: Category }>(
    `SELECT DISTINCT ON (c.document_id) c.document_id, d.text, c.new_value AS category
     FROM corrections c JOIN documents d USING (document_id)
     WHERE c.field = 'category' AND d.text IS NOT NULL
     ORDER BY c.document_id, c.correction_id DESC`,
  );
  return rows.map((r) => ({ documentId: r.document_id, text: r.text, category: r.category }));
}
