type Waiting<I, O> = { item: I; resolve: (o: O) => void; reject: (e: unknown) => void };

/**
 * Group commit for a hot statement: calls that arrive while earlier ones are on their way to the
 * database ride together in the next statement, so under a crowd one round trip and one commit
 * serve many requests, while a lone call waits only for the next turn of the event loop.
 * `run` settles each item, in order (so one item's failure is its own); if `run` itself throws,
 * every call of that batch rejects.
 */
export function batched<I, O>(
  run: (items: I[]) => Promise<PromiseSettledResult<O>[]>,
  opts: { maxBatch: number; maxInFlight: number },
): (item: I) => Promise<O> {
  const queue: Waiting<I, O>[] = [];
  let inFlight = 0;
  let scheduled = false;

  const send = (batch: Waiting<I, O>[]) => {
    inFlight++;
    run(batch.map((w) => w.item))
      .then(
        (out) => {
          batch.forEach((w, i) => {
            const r = out[i]!;
            if (r.status === 'fulfilled') w.resolve(r.value);
            else w.reject(r.reason);
          });
        },
        (error) => {
          for (const w of batch) w.reject(error);
        },
      )
      .finally(() => {
        inFlight--;
        flush();
      });
  };

  function flush() {
    scheduled = false;
    while (inFlight < opts.maxInFlight && queue.length) send(queue.splice(0, opts.maxBatch));
  }

  return (item) =>
    new Promise<O>((resolve, reject) => {
      queue.push({ item, resolve, reject });
      if (!scheduled && inFlight < opts.maxInFlight) {
        scheduled = true;
        setImmediate(flush);
      }
    });
}
