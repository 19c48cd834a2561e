// A writer in another process for taskJournal.test.ts: appends `count` tracks (`<prefix><i>`)
// to the journal in `dir`, one append each, printing each id once its append resolved.
// count 0: until killed.
import { TaskJournal } from '../../../src/store/taskJournal';

async function main(): Promise<void> {
  const [dir, prefix, countArg] = process.argv.slice(2);
  const count = Number(countArg);
  const journal = new TaskJournal(dir, { watch: false, pollMs: 0 });
  await journal.load();
  process.stdout.write('ready\n');
  for (let i = 0; count === 0 || i < count; i++) {
    const id = `${prefix}${i}`;
    await journal.append([{ id, add: i }, { id, set: { label: `label of ${id}`, notified: true } }]);
    process.stdout.write(`${id}\n`);
  }
  journal.dispose();
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
