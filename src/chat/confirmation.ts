// What the user agrees to before the create tool spends credits, as Markdown source. Pure.
//
// Everything the model chose (the prompt, the image URLs) sits in fenced code blocks: nothing in
// them renders as a link, a command, HTML or emphasis, and each fence is longer than any run of
// backticks inside it, so the text cannot close it. Hidden characters are written out as
// `[U+200B]` (the request check refuses them; this is the second line of defence).
import { MAX_PROMPT_LENGTH } from '../request/createFields';
import type { VideoRequest } from '../request/videoRequest';
import { cutText, showHidden } from '../util/safeText';
import { t } from '../util/l10n';

/** How much of the prompt the confirmation shows: all of any prompt the rules allow. */
export const SHOWN_PROMPT = MAX_PROMPT_LENGTH;

/** The settings as words, the prompt, then every image the VEO server will fetch with its host. */
export function confirmationMarkdown(request: VideoRequest): string {
  const images = request.referenceImages?.length ?? 0;
  const mode =
    request.mode === 'reference' ? (images === 1 ? t('1 reference image') : t('{0} reference images', images)) : request.mode === 'frames'
        ? request.lastFrame
          ? t('first and last frame')
          : t('first frame only')
        : t('text only');
  const shown = cutText(request.prompt, SHOWN_PROMPT);
  const notShown = request.prompt.length - shown.length;
  // Model, resolution, ratio and mode are checked against fixed lists (checkRequest): no outside text.
  let md = t('This spends credits of your VEO account: {0}, {1}, {2}, {3}. Prompt:', `\`${request.model}\``, request.resolution, request.aspectRatio, mode);
  md += `\n\n${codeBlock(showHidden(shown, { lineBreaks: true }))}`;
  if (notShown > 0) md += `\n${t('The prompt is cut here: {0} more characters are not shown, but they are sent.', notShown)}\n`;
  const urls = imageUrls(request);
  if (urls.length > 0) {
    md += `\n${t('The VEO server will download these images; check that you trust each host:')}\n\n`;
    md += codeBlock(urls.map(({ label, url }) => `${label}\n  ${showHidden(url, { lineBreaks: false })}`).join('\n'));
  }
  return md;
}

/** Each image URL of the request, labelled with what it is and the host it comes from. */
function imageUrls(request: VideoRequest): { label: string; url: string }[] {
  const urls: { label: string; url: string }[] = [];
  if (request.mode === 'reference') {
    (request.referenceImages ?? []).forEach((url, i) => urls.push({ label: t('Reference image {0}, host {1}:', i + 1, hostOf(url)), url }));
  } else if (request.mode === 'frames') {
    if (request.firstFrame) urls.push({ label: t('First frame, host {0}:', hostOf(request.firstFrame)), url: request.firstFrame });
    if (request.lastFrame) urls.push({ label: t('Last frame, host {0}:', hostOf(request.lastFrame)), url: request.lastFrame });
  }
  return urls;
}

/** The host as the URL parser reads it (an international name in its ASCII `xn--` form, so look-alike letters show). */
function hostOf(url: string): string {
  try {
    return showHidden(new URL(url).host, { lineBreaks: false }) || '?';
  } catch {
    return '?';
  }
}

/** `text` in a fence longer than any run of backticks in it, so it stays literal text. */
function codeBlock(text: string): string {
  let longest = 0;
  for (const run of text.matchAll(/`+/g)) longest = Math.max(longest, run[0].length);
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}text\n${text}\n${fence}\n`;
}
