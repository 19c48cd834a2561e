// Tool `veo_trackTasks` (#veoTrack): tracks task ids (same rules as "VEO: Track Task...").
import type * as vscode from 'vscode';
import type { Logger } from '../log/logger';
import type { TaskStore } from '../store/taskStore';
import { trackInput } from './toolInputs';
import { toolResult } from './toolResult';
import { trackAnswer } from './toolResults';
import { t } from '../util/l10n';

export const TRACK_TASKS_TOOL = 'veo_trackTasks';

export interface TrackTasksInput {
  ids: string[];
}

export function trackTasksTool(store: TaskStore, log: Logger): vscode.LanguageModelTool<TrackTasksInput> {
  return {
    prepareInvocation: () => ({ invocationMessage: t('Tracking VEO tasks') }),
    invoke: async (options) => {
      await store.ready;
      const { ids, ...rest } = trackInput(options.input);
      const alreadyTracked = ids.filter((id) => store.has(id));
      const added = store.add(ids, Date.now());
      if (added.length) log.info(`Tracking ${added.join(', ')} (asked by a language-model tool call)`);
      return toolResult(trackAnswer({ added, alreadyTracked, ...rest }));
    },
  };
}
