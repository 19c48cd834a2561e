// Tool `veo_getTask` (#veoTask): one tracked task in full, with its link expiry and local file.
import type * as vscode from 'vscode';
import type { TaskStore } from '../store/taskStore';
import { getInput } from './toolInputs';
import { toolResult } from './toolResult';
import { getAnswer } from './toolResults';
import { t } from '../util/l10n';

export const GET_TASK_TOOL = 'veo_getTask';

export interface GetTaskInput {
  id: string;
}

export function getTaskTool(store: TaskStore): vscode.LanguageModelTool<GetTaskInput> {
  return {
    prepareInvocation: () => ({ invocationMessage: t('Reading a VEO task') }),
    invoke: async (options) => {
      await store.ready;
      const input = getInput(options.input);
      if ('problem' in input) return toolResult({ summary: `No task was looked up: ${input.problem}` });
      return toolResult(getAnswer(input.id, store.get(input.id), Date.now()));
    },
  };
}
