// Tool `veo_listTasks` (#veoTasks): the tracked tasks, their status and link expiry.
import type * as vscode from 'vscode';
import type { TaskStore } from '../store/taskStore';
import { listInput } from './toolInputs';
import { toolResult } from './toolResult';
import { listAnswer } from './toolResults';
import { t } from '../util/l10n';

export const LIST_TASKS_TOOL = 'veo_listTasks';

export interface ListTasksInput {
  status?: string[];
  limit?: number;
}

export function listTasksTool(store: TaskStore): vscode.LanguageModelTool<ListTasksInput> {
  return {
    prepareInvocation: () => ({ invocationMessage: t('Reading the tracked VEO tasks') }),
    invoke: async (options) => {
      await store.ready;
      return toolResult(listAnswer(store.all(), Date.now(), listInput(options.input)));
    },
  };
}
