// Tool `veo_createVideo` (#veoCreate): creates a video through the Creator (same rules and one
// request as the New Video form). It spends credits, so VS Code asks the user first: in chat
// with Continue/Cancel, from another extension's `invokeTool` with a modal dialog.
import * as vscode from 'vscode';
import type { Creator } from '../create/creator';
import type { VideoRequest } from '../request/videoRequest';
import { confirmationMarkdown } from './confirmation';
import { createInput } from './toolInputs';
import { toolResult } from './toolResult';
import { createAnswer } from './toolResults';
import { t } from '../util/l10n';

export const CREATE_VIDEO_TOOL = 'veo_createVideo';

export interface CreateVideoInput {
  prompt: string;
  model?: string;
  resolution?: string;
  aspectRatio?: string;
  referenceImages?: string[];
  firstFrame?: string;
  lastFrame?: string;
}

export function createVideoTool(creator: Creator): vscode.LanguageModelTool<CreateVideoInput> {
  return {
    prepareInvocation: (options) => {
      const checked = createInput(options.input);
      // An invalid request spends nothing: invoke only explains what is wrong.
      if (!checked.ok) return { invocationMessage: t('Checking a VEO video request') };
      return {
        invocationMessage: t('Creating a VEO video'),
        confirmationMessages: { title: t('Generate a video with the VEO API?'), message: confirmationText(checked.request) },
      };
    },
    invoke: async (options) => {
      const checked = createInput(options.input);
      if (!checked.ok) {
        return toolResult({ summary: 'Nothing was sent: the request breaks the VEO rules. Fix these fields and try again.', data: { errors: checked.errors } });
      }
      // VS Code asked the user (the confirmation above) before calling invoke.
      return toolResult(createAnswer(await creator.create(checked.request, { confirmedByUser: true })));
    },
  };
}

/** What the user agrees to: the settings, the whole prompt and every image URL with its host, as literal text (never markup). */
export function confirmationText(request: VideoRequest): vscode.MarkdownString {
  // Not trusted, no HTML, no theme icons: nothing in it runs or renders as a command.
  return new vscode.MarkdownString(confirmationMarkdown(request));
}
