import { describe, expect, it } from 'vitest';
import { StatementSlots } from '../../src/engines/databricks/statement-slots.js';

describe('statement slots', () => {
  it('lets `limit` callers in and the rest wait in arrival order', async () => {
    const slots = new StatementSlots(2);
    const first = await slots.acquire();
    const second = await slots.acquire();
    const order: string[] = [];
    const third = slots.acquire().then((release) => (order.push('third'), release));
    const fourth = slots.acquire().then((release) => (order.push('fourth'), release));
    await Promise.resolve();
    expect(order).toEqual([]);
    expect(slots.inUse).toBe(2);
    first();
    first(); // releasing twice frees one slot only
    (await third)();
    second();
    (await fourth)();
    expect(order).toEqual(['third', 'fourth']);
    expect(slots.inUse).toBe(0);
  });

  it('drops a waiter whose signal aborts', async () => {
    const slots = new StatementSlots(1);
    const held = await slots.acquire();
    const controller = new AbortController();
    const waiting = slots.acquire(controller.signal);
    controller.abort(new Error('stop'));
    await expect(waiting).rejects.toThrow('stop');
    held();
    expect(slots.inUse).toBe(0);
  });
});
