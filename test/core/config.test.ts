import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../core/config.js';

describe('loadConfig', () => {
  it('gives embedded defaults on an empty environment', () => {
    const c = loadConfig({});
    expect(c.dataDir).toMatch(/\/data$/);
    expect(c.inboxDir).toBe(`${c.dataDir}/inbox`);
    expect(c.redisUrl).toBe('redis://127.0.0.1:6379');
    expect(c.databaseUrl).toBeNull();
    expect(c.s3).toBeNull();
    expect(c.dueDays.FAULT).toBe(3);
  });

  it('reports every bad variable in one error', () => {
    try {
      loadConfig({ PORT: 'eighty', REDIS_URL: 'not a url', MAILROOM_CATEGORY_THRESHOLD: '2', MAILROOM_DUE_DAYS: 'FAULT=x' });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const text = (err as ConfigError).problems.join('\n');
      for (const v of ['PORT', 'REDIS_URL', 'MAILROOM_CATEGORY_THRESHOLD', 'MAILROOM_DUE_DAYS']) expect(text).toContain(v);
    }
  });

  it('switches to PostgreSQL and S3 through variables, treating empty ones as unset', () => {
    const c = loadConfig({ DATABASE_URL: 'postgres://u@h/db', S3_BUCKET: 'scans', S3_ENDPOINT: 'http://127.0.0.1:9000', S3_ACCESS_KEY_ID: 'a', S3_SECRET_ACCESS_KEY: 'b', MAILROOM_INBOX: '' });
    expect(c.databaseUrl).toBe('postgres://u@h/db');
    expect(c.s3).toMatchObject({ bucket: 'scans', endpoint: 'http://127.0.0.1:9000', forcePathStyle: true });
    expect(c.inboxDir).toMatch(/data\/inbox$/);
  });

  it('refuses half-configured S3 credentials', () => {
    expect(() => loadConfig({ S3_BUCKET: 'scans', S3_ACCESS_KEY_ID: 'a' })).toThrow(/S3_SECRET_ACCESS_KEY/);
  });
});
