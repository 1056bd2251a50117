// Errors are typed by what the queue should do with the job that raised them.

/** The input itself is wrong: retrying cannot help. The document goes to "needs attention". */
export class PermanentError extends Error {
  readonly retry = false;
  constructor(
    readonly code: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'PermanentError';
  }
}

/** Something outside us failed (network, service down, lock): retry with backoff. */
export class TransientError extends Error {
  readonly retry = true;
  constructor(
    readonly code: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'TransientError';
  }
}

export function isPermanent(err: unknown): boolean {
  return err instanceof PermanentError;
}

export function errorMessage(err: unknown): string {
  if (err instanceof Error) return err.message;
  return String(err);
}
