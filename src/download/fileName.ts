// File names for downloaded videos, safe on Windows, macOS and Linux. Pure.

const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;
const MAX_STEM = 120;

/** `<task id>.mp4`, with characters no OS accepts replaced and reserved names avoided. */
export function videoFileName(taskId: string): string {
  let stem = taskId
    .normalize('NFC')
    .replace(/[<>:"/\\|?*\u0000-\u001f\u007f-\u009f]/g, '_')
    .replace(/[. ]+$/, '')
    .replace(/^[. ]+/, '');
  if (stem === '') stem = 'video';
  if (RESERVED.test(stem)) stem = `${stem}_`;
  if (stem.length > MAX_STEM) stem = stem.slice(0, MAX_STEM);
  return `${stem}.mp4`;
}

/** `name.mp4`, else `name (1).mp4`, `name (2).mp4`, ... the first that `exists` says is free. */
export function uniqueName(fileName: string, exists: (name: string) => boolean): string {
  if (!exists(fileName)) return fileName;
  const dot = fileName.lastIndexOf('.');
  const stem = dot > 0 ? fileName.slice(0, dot) : fileName;
  const ext = dot > 0 ? fileName.slice(dot) : '';
  for (let i = 1; ; i++) {
    const candidate = `${stem} (${i})${ext}`;
    if (!exists(candidate)) return candidate;
  }
}
