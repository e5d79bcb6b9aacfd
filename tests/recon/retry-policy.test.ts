import { describe, expect, test } from 'vitest';
import { EngineError } from '../../src/engines/engine.js';
import { withRetries } from '../../src/recon/retry-policy.js';

const policy = { attempts: 3, initialDelayMs: 5 };

function failingTimes(failures: number, error: () => Error) {
  let calls = 0;
  return {
    get calls() {
      return calls;
    },
    work: async () => {
      calls++;
      if (calls <= failures) throw error();
      return 'rows';
    },
  };
}

describe('retries of transient engine errors', () => {
  test('a warehouse that answers 503 twice, then works, is retried with growing waits', async () => {
    const statement = failingTimes(2, () => new EngineError('transient', 'HTTP 503 warehouse starting'));
    const waits: number[] = [];
    const started = Date.now();
    await expect(withRetries(statement.work, policy, undefined, (attempt) => waits.push(attempt))).resolves.toBe('rows');
    expect(statement.calls).toBe(3);
    expect(waits).toEqual([1, 2]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(15);
  });

  test('after the last attempt the error says how many attempts were made', async () => {
    const statement = failingTimes(5, () => new EngineError('transient', 'HTTP 429 too many requests'));
    await expect(withRetries(statement.work, policy)).rejects.toMatchObject({ kind: 'transient', message: 'HTTP 429 too many requests (gave up after 3 attempts)' });
    expect(statement.calls).toBe(3);
  });

  test.each(['sql', 'not_found', 'timeout', 'cancelled', 'permission'] as const)('a %s error is not retried', async (kind) => {
    const statement = failingTimes(1, () => new EngineError(kind, 'no'));
    await expect(withRetries(statement.work, policy)).rejects.toMatchObject({ kind });
    expect(statement.calls).toBe(1);
  });

  test('a cancelled run stops retrying', async () => {
    const controller = new AbortController();
    controller.abort();
    const statement = failingTimes(5, () => new EngineError('transient', 'reset'));
    await expect(withRetries(statement.work, policy, controller.signal)).rejects.toMatchObject({ kind: 'transient' });
    expect(statement.calls).toBe(1);
  });
});
