// The tooltip's "downloaded to" line shows a path the user chose, which may hold any
// characters: it is escaped like every other value, so it cannot become a link or markup.
import * as assert from 'node:assert/strict';
import type { TrackedTask } from '../../../src/store/trackedTask';
import { taskTooltip } from '../../../src/treeViews/taskPresentation';
import { escapeMarkdown } from '../../../src/util/markdown';

const NOW = 1_761_635_543_000;

describe('taskTooltip: the local file', () => {
  it('escapes Markdown and HTML in the downloaded path', () => {
    const localFile = '/home/u/[open](command:workbench.action.terminal.new) *x*_<img src=y>.mp4';
    const tip = taskTooltip({ id: 'vgen_1', addedAt: NOW, localFile } as TrackedTask, NOW);
    const line = tip.split('\n').find((l) => l.startsWith('- downloaded to: '));
    assert.equal(line, `- downloaded to: ${escapeMarkdown(localFile)}`);
    assert.ok(line.startsWith('- downloaded to: /home/u/\\[open\\]\\(command'), line);
    assert.ok(!line.includes('[open](') && !line.includes('<img') && !line.includes('*x*'), line);
  });

  it('keeps the path on one line', () => {
    const tip = taskTooltip({ id: 'vgen_1', addedAt: NOW, localFile: '/tmp/a\n# heading.mp4' } as TrackedTask, NOW);
    assert.ok(tip.includes('\n- downloaded to: /tmp/a \\# heading\\.mp4'), tip);
    assert.ok(!tip.includes('\n#'), tip);
  });

  it('has no such line before a download', () => {
    assert.ok(!taskTooltip({ id: 'vgen_1', addedAt: NOW } as TrackedTask, NOW).includes('downloaded to'));
  });
});
