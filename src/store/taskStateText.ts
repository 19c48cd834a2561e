// A task's state in the words of the display language: the tree row and the preview say the same. Pure.
import { oneLine } from '../util/safeText';
import { t } from '../util/l10n';
import { taskState, TaskState, TrackedTask } from './trackedTask';

/** A task's state in words of the display language (the row, the preview). */
export function stateText(task: TrackedTask, state: TaskState = taskState(task)): string {
  switch (state) {
    case 'pending':
      return t('checking...');
    case 'unknown':
      return t('unknown status "{0}"', oneLine(String(task.result?.status ?? ''), 24));
    case 'notFound':
      return t('not found');
    case 'queued':
      return t('queued');
    case 'processing':
      return t('processing');
    case 'completed':
      return t('completed');
    case 'failed':
      return t('failed');
  }
}
