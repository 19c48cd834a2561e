// Registers the language-model tools (chat and agents) when this VS Code has the API: final
// since VS Code 1.95 (`lm.registerTool`, `lm.invokeTool`, `prepareInvocation`, the
// `languageModelTools` contribution), so every version engines.vscode allows has it; a host
// or fork without `vscode.lm` simply gets no tools.
import * as vscode from 'vscode';
import type { Services } from '../services';
import { CREATE_VIDEO_TOOL, createVideoTool } from './createVideoTool';
import { GET_TASK_TOOL, getTaskTool } from './getTaskTool';
import { LIST_TASKS_TOOL, listTasksTool } from './listTasksTool';
import { TRACK_TASKS_TOOL, trackTasksTool } from './trackTasksTool';

/** The part of `vscode.lm` this needs; absent or partial on hosts without the tools API. */
export type ToolRegistry = { registerTool?: typeof vscode.lm.registerTool } | undefined;

export const CHAT_TOOLS = [LIST_TASKS_TOOL, GET_TASK_TOOL, TRACK_TASKS_TOOL, CREATE_VIDEO_TOOL] as const;

export function registerChatTools(services: Services): vscode.Disposable {
  return registerChatToolsIn(services, vscode.lm as ToolRegistry);
}

/** `registerChatTools` with the registry given (tests: a host without one). */
export function registerChatToolsIn(services: Services, lm: ToolRegistry): vscode.Disposable {
  if (typeof lm?.registerTool !== 'function') {
    services.log.info('This VS Code has no language-model tools API: the chat tools are not registered.');
    return new vscode.Disposable(() => undefined);
  }
  const { store, log, creator } = services;
  const register = lm.registerTool.bind(lm);
  return vscode.Disposable.from(
    register(LIST_TASKS_TOOL, listTasksTool(store)),
    register(GET_TASK_TOOL, getTaskTool(store)),
    register(TRACK_TASKS_TOOL, trackTasksTool(store, log)),
    register(CREATE_VIDEO_TOOL, createVideoTool(creator)),
  );
}
