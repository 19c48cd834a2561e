// The one map from a task's state to its codicon (and colour). Pure: `icons.ts` makes theme
// icons of it; quick picks write it as `$(id)`.
import type { TaskState } from '../store/trackedTask';

export const STATE_ICONS: Record<TaskState, [string, string | undefined]> = {
  pending: ['loading~spin', undefined],
  queued: ['clock', undefined],
  processing: ['sync~spin', undefined],
  completed: ['pass', 'testing.iconPassed'],
  failed: ['error', 'testing.iconFailed'],
  unknown: ['question', 'problemsWarningIcon.foreground'],
  notFound: ['circle-slash', 'problemsWarningIcon.foreground'],
};
