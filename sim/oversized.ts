/**
 * The oversized fault: the documented result JSON with one field's value
 * padded to a given number of characters, streamed (the padding is never
 * built as one string).
 */
import { randomBytes } from 'node:crypto';
import type { Fault } from './faults';
import { VIDEO_URL_PREFIX, VIDEO_URL_SUFFIX } from './faultSpec';
import { paddedBody } from './generatedBodies';
import type { PlannedResponse } from './http';
import { DEFAULT_MODEL, type TaskResultJson } from './tasks';

export type OversizedFault = Extract<Fault, { kind: 'oversized' }>;

/** The task's documented result, or a plausible one when the request is about no known task. */
export function resultOrPlaceholder(result: TaskResultJson | undefined, taskId: string | undefined, nowMs: number): TaskResultJson {
  return result ?? {
    id: taskId ?? 'vgen_000000000000',
    object: 'video',
    created: Math.floor(nowMs / 1000),
    model: DEFAULT_MODEL,
    status: 'queued',
    video_url: null,
    error: null,
  };
}

/**
 * 200 with `result` where `fault.field` is exactly `fault.bytes` characters:
 * its current value (cut if longer) padded with 'x'. video_url becomes
 * https://videos.sim.invalid/xxx...x.mp4 of that length.
 */
export function oversizedResponse(fault: OversizedFault, result: TaskResultJson): PlannedResponse {
  const { field, bytes } = fault;
  let head: string;
  let tail = '';
  if (field === 'video_url') {
    head = VIDEO_URL_PREFIX;
    tail = VIDEO_URL_SUFFIX;
  } else {
    head = String(result[field] ?? '').slice(0, bytes);
  }
  const padding = bytes - head.length - tail.length;
  const marker = `@@pad-${randomBytes(8).toString('hex')}@@`;
  const text = JSON.stringify({ ...result, [field]: head + marker + tail });
  const at = text.indexOf(marker);
  const before = Buffer.from(text.slice(0, at), 'utf8');
  const after = Buffer.from(text.slice(at + marker.length), 'utf8');
  return {
    status: 200,
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body: paddedBody(before.length + padding + after.length, before, after),
  };
}
