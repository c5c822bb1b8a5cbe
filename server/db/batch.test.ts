import { describe, expect, it } from 'vitest';
import { batched } from './batch';

/** A stand-in for the database: records each batch and answers when told to. */
function recorder() {
  const batches: number[][] = [];
  const pending: (() => void)[] = [];
  const run = (items: number[]) => {
    batches.push(items);
    return new Promise<PromiseSettledResult<number>[]>((resolve) => {
      pending.push(() =>
        resolve(
          items.map((n) =>
            n < 0
              ? { status: 'rejected', reason: new Error(`bad ${n}`) }
              : { status: 'fulfilled', value: n * 10 },
          ),
        ),
      );
    });
  };
  const answerAll = () => {
    for (const p of pending.splice(0)) p();
  };
  return { batches, run, answerAll };
}

const tick = () => new Promise((r) => setImmediate(r));

describe('batched', () => {
  it('sends the calls of one turn together and answers each with its own result', async () => {
    const db = recorder();
    const call = batched(db.run, { maxBatch: 10, maxInFlight: 2 });
    const answers = Promise.all([1, 2, 3].map(call));
    await tick();
    expect(db.batches).toEqual([[1, 2, 3]]);
    db.answerAll();
    expect(await answers).toEqual([10, 20, 30]);
  });

  it('queues calls while every slot is busy and sends them as the next batch, at most maxBatch', async () => {
    const db = recorder();
    const call = batched(db.run, { maxBatch: 3, maxInFlight: 1 });
    const first = call(1);
    await tick();
    const rest = Promise.all([2, 3, 4, 5].map(call));
    await tick();
    expect(db.batches).toEqual([[1]]);
    db.answerAll();
    expect(await first).toBe(10);
    await tick();
    expect(db.batches).toEqual([[1], [2, 3, 4]]);
    db.answerAll();
    await tick();
    expect(db.batches).toEqual([[1], [2, 3, 4], [5]]);
    db.answerAll();
    expect(await rest).toEqual([20, 30, 40, 50]);
  });

  it("keeps one item's failure its own, and fails the whole batch only when the run fails", async () => {
    const db = recorder();
    const call = batched(db.run, { maxBatch: 10, maxInFlight: 1 });
    const results = Promise.allSettled([1, -2, 3].map(call));
    await tick();
    db.answerAll();
    expect((await results).map((r) => (r.status === 'fulfilled' ? r.value : String(r.reason)))).toEqual([
      10,
      'Error: bad -2',
      30,
    ]);

    let failures = 1;
    const flaky = batched<number, number>(
      async (items) => {
        if (failures-- > 0) throw new Error('connection lost');
        return items.map((n) => ({ status: 'fulfilled', value: n }));
      },
      { maxBatch: 10, maxInFlight: 1 },
    );
    const both = await Promise.allSettled([flaky(1), flaky(2)]);
    expect(both.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    // The slot is free again afterwards.
    expect(await flaky(4)).toBe(4);
  });
});
