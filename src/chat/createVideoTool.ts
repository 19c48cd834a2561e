// Tool `veo_createVideo` (#veoCreate): creates a video through the Creator (same rules and one
// request as the New Video form). It spends credits, so VS Code asks the user first: in chat
// with Continue/Cancel, from another extension's `invokeTool` with a modal dialog.
import * as vscode from 'vscode';
import type { Creator } from '../create/creator';
import type { VideoRequest } from '../request/videoRequest';
import { cleanText } from '../util/safeText';
import { createInput } from './toolInputs';
import { toolResult } from './toolResult';
import { createAnswer } from './toolResults';
import { t } from '../util/l10n';

export const CREATE_VIDEO_TOOL = 'veo_createVideo';
/** How much of the prompt the confirmation shows. */
const SHOWN_PROMPT = 1000;

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

/** What the user agrees to: the settings as words, the prompt as a code block (never markup). */
export function confirmationText(request: VideoRequest): vscode.MarkdownString {
  const images = request.referenceImages?.length ?? 0;
  const mode =
    request.mode === 'reference' ? (images === 1 ? t('1 reference image') : t('{0} reference images', images)) : request.mode === 'frames' ? t('first and last frame') : t('text only');
  const prompt = request.prompt
    .split(/\r?\n/)
    .map((line) => cleanText(line, SHOWN_PROMPT))
    .join('\n')
    .slice(0, SHOWN_PROMPT);
  // A fence longer than any run of backticks in the prompt, so the prompt cannot close it.
  const fence = '`'.repeat(Math.max(3, ...[...prompt.matchAll(/`+/g)].map((m) => m[0].length + 1)));
  const md = new vscode.MarkdownString();
  // Model, resolution, ratio and mode are checked against fixed lists (checkRequest): no outside text.
  md.appendMarkdown(t('This spends credits of your VEO account: {0}, {1}, {2}, {3}. Prompt:', `\`${request.model}\``, request.resolution, request.aspectRatio, mode));
  md.appendMarkdown(`\n\n${fence}text\n${prompt}${request.prompt.length > SHOWN_PROMPT ? '…' : ''}\n${fence}\n`);
  return md;
}
