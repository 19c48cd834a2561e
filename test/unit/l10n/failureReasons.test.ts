// The low-level failure reasons of src/api/ and src/download/ speak the display language: with
// the seam wired to the zh-cn bundle (what activate() does through vscode.l10n.t), an API
// reason and a download reason come out in Chinese, and the server's own text stays as sent.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseCreateAnswer } from '../../../src/api/createAnswer';
import { parseTaskResult } from '../../../src/api/taskResult';
import { isDownloadError } from '../../../src/download/downloadError';
import { downloadVideo } from '../../../src/download/downloadVideo';
import { currentTranslation, formatMessage, setTranslator } from '../../../src/util/l10n';
import { scriptedHost, ScriptedHost, videoBytes } from '../download/scriptedHost';

const ROOT = path.resolve(__dirname, '../../../..');
const ZH: Record<string, string> = JSON.parse(fs.readFileSync(path.join(ROOT, 'l10n/bundle.l10n.zh-cn.json'), 'utf8'));
/** What vscode.l10n.t does with a bundle loaded: look the message up, then format. */
const zhTranslator = (message: string, ...args: Array<string | number | boolean>) => formatMessage(ZH[message] ?? message, args);

describe('failure reasons in the display language (zh-cn)', () => {
  let host: ScriptedHost | undefined;
  let dir: string | undefined;
  afterEach(async () => {
    setTranslator((message, ...args) => formatMessage(message, args));
    await host?.close();
    host = undefined;
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });

  it('an API reason is translated; the server text inside one stays as sent', () => {
    setTranslator(zhTranslator, 'zh-cn');
    assert.deepEqual(parseTaskResult('{"id":"vgen_1"}', 'vgen_1'), { ok: false, message: '响应中没有 "status"' });
    assert.deepEqual(parseCreateAnswer(503, '{"message":"upstream overloaded"}', undefined, 0), {
      kind: 'error',
      message: 'VEO API 返回 HTTP 503：upstream overloaded',
      unsure: true,
    });
  });

  it('a download reason is translated, the reason kind is not', async () => {
    const body = videoBytes(3000);
    host = await scriptedHost([
      (_req, res) => {
        res.writeHead(206, { 'content-type': 'video/mp4', 'content-range': 'bytes 0-999/3000', 'content-length': 1000 });
        res.end(body.subarray(0, 1000));
      },
    ]);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'veo-l10n-'));
    setTranslator(zhTranslator, 'zh-cn');
    const e: unknown = await downloadVideo({ url: host.url, destination: path.join(dir, 'out.mp4'), maxAttempts: 1 }).then(
      () => assert.fail('the download should have failed'),
      (err: unknown) => err,
    );
    assert.ok(isDownloadError(e), String(e));
    assert.equal(e.reason, 'truncated');
    assert.equal(e.message, '连接反复中断（共尝试 1 次，已收到 1000 / 3000 字节）：下载在 1000 字节处中断（共 3000 字节）');
    assert.deepEqual(fs.readdirSync(dir), [], 'nothing kept');
  });

  it('the wired seam can be handed to the network bundle (its own copy of util/l10n, see lazyNetwork.ts)', () => {
    assert.equal(currentTranslation()[1], 'en');
    setTranslator(zhTranslator, 'zh-cn');
    const [translator, language] = currentTranslation();
    assert.equal(language, 'zh-cn');
    assert.equal(translator('the download stopped at {0} of {1} bytes', 10, 20), '下载在 10 字节处中断（共 20 字节）');
  });
});
