// The items of "Go to Task...": every task, its status icon, label, id and prompt. Pure. Icon
// syntax (`$(name)`) comes only from here: in text from stored state it is escaped.
import { taskLabel, taskState, TrackedTask } from '../store/trackedTask';
import { STATE_ICONS } from './iconIds';
import { stateName } from './viewOptions';

export interface GoToItem {
  id: string;
  label: string;
  description: string;
  detail?: string;
}

const MAX_DETAIL = 200;

/** `$(` written so VS Code shows it as text, not as an icon (its own escape: `\$(`). */
export function escapeIcons(text: string): string {
  return text.replace(/\$\(/g, '\\$(');
}

export function goToTaskItems(tasks: readonly TrackedTask[]): GoToItem[] {
  return tasks.map((task) => {
    const state = taskState(task);
    const label = taskLabel(task);
    const item: GoToItem = {
      id: task.id,
      label: `$(${STATE_ICONS[state][0]}) ${escapeIcons(oneLine(label))}`,
      description: escapeIcons(label === task.id ? stateName(state) : `${task.id} · ${stateName(state)}`),
    };
    const prompt = task.request?.prompt;
    if (typeof prompt === 'string' && prompt.trim() !== '') item.detail = escapeIcons(oneLine(prompt).slice(0, MAX_DETAIL));
    return item;
  });
}

function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}
