// What every request of the extension says about itself, and reading undici's headers. Pure.

export const USER_AGENT = 'veo-tasks-vscode';

/** The first value of a header that may have been sent more than once. */
export function firstHeader(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
