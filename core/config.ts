import { cpus } from 'node:os';
import { resolve, join } from 'node:path';
import { z } from 'zod';
import { CATEGORIES, type Category } from './types.js';

// Read once at start-up; every bad variable is reported in one error so an operator fixes them
// all in one go instead of one restart per typo.

export interface OperatorIdentity {
  /** Company names as written, e.g. "Telekomunikacja Nadwiślańska". */
  names: readonly string[];
  /** Mail domains of the operator's own mailboxes, e.g. "tn-telekom.pl". */
  mailDomains: readonly string[];
}

/** The fictional operator the bundled demo letters are addressed to. */
export const DEMO_OPERATOR: OperatorIdentity = {
  names: ['Telekomunikacja Nadwiślańska'],
  mailDomains: ['tn-telekom.pl', 'nadwislanska.pl'],
};

const list = z.string().transform((v) => v.split(',').map((x) => x.trim()).filter(Boolean));
const bool = z.enum(['1', '0', 'true', 'false', 'yes', 'no']).transform((v) => ['1', 'true', 'yes'].includes(v));
const positiveInt = z.coerce.number().int().positive();

const dueDays = z
  .string()
  .transform((s, ctx) => {
    const out: Partial<Record<Category, number>> = {};
    for (const part of s.split(',').map((p) => p.trim()).filter(Boolean)) {
      const [cat, days] = part.split('=').map((p) => p.trim());
      if (!CATEGORIES.includes(cat as Category) || !/^\d+$/.test(days ?? '')) {
        ctx.addIssue({ code: 'custom', message: `"${part}" is not CATEGORY=DAYS` });
        return z.NEVER;
      }
      out[cat as Category] = Number(days);
    }
    return out;
  });

/** `native` runs the distribution's `tesseract` program (apt packages); tesseract.js needs nothing installed. */
export const OCR_ENGINES = ['tesseract.js', 'native'] as const;
export type OcrEngineName = (typeof OCR_ENGINES)[number];

const schema = z.object({
  MAILROOM_DATA_DIR: z.string().min(1).default('./data'),
  MAILROOM_INBOX: z.string().min(1).optional(),
  REDIS_URL: z.url().default('redis://127.0.0.1:6379'),
  MAILROOM_REDIS_AUTOSTART: bool.default(true),
  MAILROOM_QUEUE_PREFIX: z.string().regex(/^[A-Za-z0-9_-]+$/).default('mailroom'),
  DATABASE_URL: z.url().optional(),
  DATABASE_SCHEMA: z.string().regex(/^[a-z_][a-z0-9_]*$/).optional(),
  S3_BUCKET: z.string().min(3).optional(),
  S3_ENDPOINT: z.url().optional(),
  S3_REGION: z.string().default('us-east-1'),
  S3_ACCESS_KEY_ID: z.string().optional(),
  S3_SECRET_ACCESS_KEY: z.string().optional(),
  S3_FORCE_PATH_STYLE: bool.default(true),
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  MAILROOM_OCR_CONCURRENCY: positiveInt.default(Math.max(1, cpus().length)),
  MAILROOM_OCR_ENGINE: z.enum(OCR_ENGINES).default('tesseract.js'),
  MAILROOM_CATEGORY_THRESHOLD: z.coerce.number().min(0).max(1).default(0.6),
  MAILROOM_OPERATOR_NAMES: list.prefault(DEMO_OPERATOR.names.join(',')),
  MAILROOM_OPERATOR_MAIL_DOMAINS: list.prefault(DEMO_OPERATOR.mailDomains.join(',')),
  MAILROOM_DUE_DAYS: dueDays.prefault('CANCELLATION=30,ORDER=14,FAULT=3,BILLING=14,DATA_CHANGE=14,OTHER=30'),
  MAILROOM_INBOX_POLL_MS: positiveInt.default(1000),
  MAILROOM_RETRAIN_EVERY_HOURS: z.coerce.number().min(0).default(168),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export interface Config {
  dataDir: string;
  inboxDir: string;
  redisUrl: string;
  redisAutostart: boolean;
  queuePrefix: string;
  databaseUrl: string | null;
  databaseSchema: string | null;
  s3: { bucket: string; endpoint: string | null; region: string; accessKeyId: string | null; secretAccessKey: string | null; forcePathStyle: boolean } | null;
  host: string;
  port: number;
  ocrConcurrency: number;
  ocrEngine: OcrEngineName;
  categoryThreshold: number;
  /** The operator letters are addressed to; its own name and mailboxes are never the sender's. */
  operator: OperatorIdentity;
  dueDays: Partial<Record<Category, number>>;
  inboxPollMs: number;
  /** Retraining on advisers' corrections every this many hours; 0 turns it off. */
  retrainEveryHours: number;
  logLevel: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // Empty variables count as unset: `FOO= mailroom serve` is a common way to clear one.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const e = parsed.data;
  const problems: string[] = [];
  if (e.S3_ACCESS_KEY_ID && !e.S3_BUCKET) problems.push('S3_BUCKET: required when other S3_* variables are set');
  if (!!e.S3_ACCESS_KEY_ID !== !!e.S3_SECRET_ACCESS_KEY) problems.push('S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY: set both or neither');
  if (problems.length) throw new ConfigError(problems);
  const dataDir = resolve(e.MAILROOM_DATA_DIR);
  return {
    dataDir,
    inboxDir: resolve(e.MAILROOM_INBOX ?? join(dataDir, 'inbox')),
    redisUrl: e.REDIS_URL,
    redisAutostart: e.MAILROOM_REDIS_AUTOSTART,
    queuePrefix: e.MAILROOM_QUEUE_PREFIX,
    databaseUrl: e.DATABASE_URL ?? null,
    databaseSchema: e.DATABASE_SCHEMA ?? null,
    s3: e.S3_BUCKET
      ? {
          bucket: e.S3_BUCKET,
          endpoint: e.S3_ENDPOINT ?? null,
          region: e.S3_REGION,
          accessKeyId: e.S3_ACCESS_KEY_ID ?? null,
          secretAccessKey: e.S3_SECRET_ACCESS_KEY ?? null,
          forcePathStyle: e.S3_FORCE_PATH_STYLE,
        }
      : null,
    host: e.HOST,
    port: e.PORT,
    ocrConcurrency: e.MAILROOM_OCR_CONCURRENCY,
    ocrEngine: e.MAILROOM_OCR_ENGINE,
    categoryThreshold: e.MAILROOM_CATEGORY_THRESHOLD,
    operator: { names: e.MAILROOM_OPERATOR_NAMES, mailDomains: e.MAILROOM_OPERATOR_MAIL_DOMAINS },
    dueDays: e.MAILROOM_DUE_DAYS,
    inboxPollMs: e.MAILROOM_INBOX_POLL_MS,
    retrainEveryHours: e.MAILROOM_RETRAIN_EVERY_HOURS,
    logLevel: e.LOG_LEVEL,
  };
}
