import * as assert from 'node:assert/strict';
import { escapeLinkText, fileDestination, markdownLink, MAX_LABEL, relativeDestination, urlDestination } from '../../../src/util/markdownLink';

describe('markdownLink', () => {
  it('[label](destination) with a plain label unchanged', () => {
    assert.equal(markdownLink('Sunset over the bay', 'videos/sunset.mp4'), '[Sunset over the bay](videos/sunset.mp4)');
    assert.equal(markdownLink('vgen_abc123', 'https://v.example.com/a.mp4'), '[vgen\\_abc123](https://v.example.com/a.mp4)');
  });

  it('a label cannot close the link, start another, or add markup', () => {
    const hostile = '](javascript:alert(1)) [x](https://evil.example) ![img](https://t/p.png) <img src=x> **b** `c` &amp; @user $x$ ~~s~~ | a | #h';
    const text = escapeLinkText(hostile);
    // Every markup character is escaped: removing the escapes gives the text back, and no unescaped one is left.
    assert.equal(text.replace(/\\(.)/g, '$1'), hostile);
    assert.doesNotMatch(text.replace(/\\./g, ''), /[[\]()<>*`&@$~|#!:_]/);
    const link = markdownLink(hostile, 'a.mp4');
    assert.ok(link.startsWith('[\\]\\(javascript\\:alert\\(1\\)\\)'), link);
    assert.ok(link.endsWith('](a.mp4)'));
  });

  it('one line: newlines and controls go, whitespace collapses; capped at MAX_LABEL', () => {
    assert.equal(escapeLinkText('one\n\ntwo\r\nthree\u202e\u0000 four  '), 'one two three four');
    assert.equal(escapeLinkText('x'.repeat(500)).length, MAX_LABEL);
    assert.equal(escapeLinkText('a'.repeat(MAX_LABEL - 1) + '😀'), 'a'.repeat(MAX_LABEL - 1), 'no half surrogate pair');
  });

  it('an empty label falls back to the destination, escaped', () => {
    assert.equal(markdownLink('  \n ', 'https://v.example.com/a_b.mp4'), '[https\\://v\\.example\\.com/a\\_b\\.mp4](https://v.example.com/a_b.mp4)');
  });
});

describe('link destinations', () => {
  it('urlDestination: http(s) only; spaces, parentheses, angle brackets, backslashes and controls percent-encoded', () => {
    assert.equal(urlDestination('https://v.example.com/a.mp4?sig=x_y&exp=1'), 'https://v.example.com/a.mp4?sig=x_y&exp=1');
    assert.equal(urlDestination('https://v.example.com/my video (1).mp4'), 'https://v.example.com/my%20video%20%281%29.mp4');
    assert.equal(urlDestination('https://v.example.com/a.mp4?q=(x)\\y z'), 'https://v.example.com/a.mp4?q=%28x%29%5Cy%20z');
    assert.equal(urlDestination('https://v.example.com/a.mp4?q=<b>'), 'https://v.example.com/a.mp4?q=%3Cb%3E');
    assert.equal(urlDestination('http://127.0.0.1:8787/videos/a.mp4'), 'http://127.0.0.1:8787/videos/a.mp4');
    for (const bad of ['javascript:alert(1)', 'file:///etc/passwd', 'data:text/html,x', 'command:veo.removeTask', 'not a url', '']) {
      assert.equal(urlDestination(bad), undefined, bad);
    }
  });

  it('fileDestination: a file:// URL with the same encoding', () => {
    assert.equal(fileDestination('/home/me/My Videos/cat (1).mp4'), 'file:///home/me/My%20Videos/cat%20%281%29.mp4');
    assert.equal(fileDestination('/tmp/a#b?.mp4'), 'file:///tmp/a%23b%3F.mp4');
  });

  it('relativeDestination: each segment encoded, joined with /', () => {
    assert.equal(relativeDestination(['videos', 'sunset.mp4']), 'videos/sunset.mp4');
    assert.equal(relativeDestination(['my videos', "it's (1)*!.mp4"]), 'my%20videos/it%27s%20%281%29%2A%21.mp4');
    assert.equal(relativeDestination(['a]b', 'c#d?.mp4']), 'a%5Db/c%23d%3F.mp4');
  });
});
