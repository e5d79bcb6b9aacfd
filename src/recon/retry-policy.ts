import { EngineError } from '../engines/engine.js';

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  attempts: number;
  /** Wait before the second attempt; doubled for each further one. */
  initialDelayMs: number;
}

/** Warehouses cold-start and throttle (HTTP 429/503, resets) for seconds, not minutes. */
export const DEFAULT_RETRY: RetryPolicy = { attempts: 4, initialDelayMs: 2000 };

function wait(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => { clearTimeout(timer); resolve(); }, { once: true });
  });
}

/**
 * Runs a statement again when the engine says the failure is transient. Anything else (bad
 * SQL, a missing table, a timeout, a cancellation) fails at once: retrying would only hide it.
 */
export async function withRetries<T>(work: () => Promise<T>, policy: RetryPolicy, signal?: AbortSignal, onRetry?: (attempt: number, error: EngineError) => void): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      const retryable = error instanceof EngineError && error.kind === 'transient' && attempt < policy.attempts && !signal?.aborted;
      if (!retryable) {
        if (error instanceof EngineError && error.kind === 'transient' && attempt > 1) {
          throw new EngineError('transient', `${error.message} (gave up after ${attempt} attempts)`, error.sqlState, { cause: error });
        }
        throw error;
      }
      onRetry?.(attempt, error);
      await wait(policy.initialDelayMs * 2 ** (attempt - 1), signal);
    }
  }
}
