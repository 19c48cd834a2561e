// For bench/store.ts's kill -9 part: a process that writes to the task store on disk in a tight
// loop (50 adds and 50 status changes per batch, a compaction every 25 batches) and tells the
// parent, after each store.flush() returned, which tasks are now written. The parent kills it with SIGKILL mid-write.
import { openTaskStore, type ProfilePersistence } from '../src/store/openTaskStore';

export type WriterMessage = { ready: true } | { acked: string[] };

async function main(dir: string, prefix: string): Promise<void> {
  const values = new Map<string, unknown>();
  const store = openTaskStore(dir, { get: <T>(k: string) => values.get(k) as T | undefined, update: (k, v) => (values.set(k, v), Promise.resolve()) }, { info: () => undefined, error: (m) => console.error(m) });
  await store.ready;
  process.send?.({ ready: true } satisfies WriterMessage);
  const mine: string[] = [];
  for (let batch = 0; ; batch++) {
    const ids = Array.from({ length: 50 }, (_, i) => `${prefix}_${batch}_${i}`);
    store.add(ids, Date.now());
    mine.push(...ids);
    for (let k = 0; k < 50; k++) {
      const id = mine[Math.floor(Math.random() * mine.length)];
      const status = k % 2 ? 'processing' : 'completed';
      store.update(id, { result: { id, object: 'video', created: 0, model: 'veo_3_1_fast', status, video_url: null, error: null } });
    }
    if (batch % 25 === 24) await (store.persistence as ProfilePersistence).journal.compact();
    await store.flush();
    process.send?.({ acked: ids } satisfies WriterMessage);
  }
}

void main(process.argv[2], process.argv[3]).catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
