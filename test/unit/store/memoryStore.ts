// A TaskStore over memory for the store's unit tests, and the changes it announces.
import { MemoryPersistence } from '../../../src/store/taskPersistence';
import { StoreChange, TaskStore } from '../../../src/store/taskStore';

/** Every change the store announces from now on, in order. */
export function record(store: TaskStore): StoreChange[] {
  const events: StoreChange[] = [];
  store.onDidChange((e) => events.push(e));
  return events;
}

/** A loaded store over memory. */
export async function open(persistence = new MemoryPersistence()): Promise<TaskStore> {
  const store = new TaskStore(persistence);
  await store.ready;
  return store;
}
