// Whether the preview says that the video's sound is in the system player: VS Code's webviews
// cannot play AAC (the codec VEO's MP4s carry), so such a video plays silently there. Pure.
//
// The rule: a downloaded file that could be read decides by its own sound tracks (any track
// whose codec is not one the webview plays); otherwise (not downloaded, or not readable) a
// VEO 3 model (`veo_3...`, `veo3...`) is the hint, since those models generate sound.
import type { PreviewModel } from './previewModel';
import { t } from '../util/l10n';

/** Sound codecs (MP4 sample entry types) that VS Code's webviews play. */
export const PLAYABLE_SOUND = ['Opus', 'fLaC'];

export const hasSoundText = (): string => t('This video has sound that VS Code cannot play here, so it plays silently. Open in System Player to hear it.');
export const probablySoundLocalText = (): string =>
  t('This video probably has sound (VEO 3 models generate it) that VS Code cannot play here. Open in System Player to hear it.');
export const probablySoundRemoteText = (): string =>
  t('This video probably has sound (VEO 3 models generate it) that VS Code cannot play here. Download it, then open it in the system player to hear it.');

export interface SoundNotice {
  text: string;
  /** The downloaded file is there: the page offers "Open in System Player". */
  systemPlayer: boolean;
}

/** True for the model names of VEO 3 (`veo_3_1_fast`, `veo3`, `VEO-3.1`...). */
export function isSoundModel(model: string | undefined): boolean {
  return typeof model === 'string' && /^veo[_\-. ]?3(?![0-9])/i.test(model);
}

/**
 * The notice for a preview of `preview` made by `modelName`; `fileSoundCodecs` are the sound
 * tracks of the local copy it plays (undefined: not read or not readable). Undefined: say nothing.
 */
export function soundNotice(preview: PreviewModel, modelName: string | undefined, fileSoundCodecs: readonly string[] | undefined): SoundNotice | undefined {
  const local = preview.source?.kind === 'local';
  if (local && fileSoundCodecs !== undefined) {
    return fileSoundCodecs.some((c) => !PLAYABLE_SOUND.includes(c)) ? { text: hasSoundText(), systemPlayer: true } : undefined;
  }
  if (!isSoundModel(modelName)) return undefined;
  if (local) return { text: probablySoundLocalText(), systemPlayer: true };
  if (preview.source !== undefined || preview.canDownload) return { text: probablySoundRemoteText(), systemPlayer: false };
  return undefined;
}
