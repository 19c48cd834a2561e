// The create endpoint's vocabulary (POST {baseUrl}/v1/veo/videos), in one place: field
// names, models and what each allows. The first/last-frame field names are indicated by the
// provider but not confirmed: correcting them is a change of the two constants below. Pure.
import { t } from '../util/l10n';

/** Request body field names. */
export const FIELD = {
  model: 'model',
  prompt: 'prompt',
  resolution: 'resolution',
  aspectRatio: 'aspect_ratio',
  /** Reference images (the API also accepts `input_reference`; one of the two is sent). */
  referenceImages: 'image_urls',
  /** Not confirmed by the current documentation (see ../shared/api/veo-api.md). */
  firstFrame: 'first_image',
  /** Not confirmed by the current documentation; requires the first frame. */
  lastFrame: 'last_image',
} as const;

export const MODELS = ['veo_3_1_fast', 'veo_3_1_pro', 'veo_3_1_pro_stable', 'veo_3_1_fast_stable'] as const;
export type VeoModel = (typeof MODELS)[number];

export const RESOLUTIONS = ['720p', '1080p', '4K'] as const;
export type Resolution = (typeof RESOLUTIONS)[number];

export const ASPECT_RATIOS = ['16:9', '9:16'] as const;
export type AspectRatio = (typeof ASPECT_RATIOS)[number];

export type CreateMode = 'text' | 'reference' | 'frames';
export const MODES: readonly CreateMode[] = ['text', 'reference', 'frames'];

export interface ModelInfo {
  resolutions: readonly Resolution[];
  modes: readonly CreateMode[];
}

export const MODEL_INFO: Readonly<Record<VeoModel, ModelInfo>> = {
  veo_3_1_fast: { resolutions: ['720p', '1080p', '4K'], modes: MODES },
  veo_3_1_pro: { resolutions: ['720p', '1080p', '4K'], modes: MODES },
  veo_3_1_pro_stable: { resolutions: ['720p', '1080p'], modes: MODES },
  veo_3_1_fast_stable: { resolutions: ['720p', '1080p'], modes: ['frames'] },
};

/** One line on what a model is for, in the display language. */
export function modelSummary(model: VeoModel): string {
  switch (model) {
    case 'veo_3_1_fast':
      return t('Fast and cheaper; good for drafts and iterating on a prompt. Up to 4K.');
    case 'veo_3_1_pro':
      return t('Highest quality for final shots. Up to 4K.');
    case 'veo_3_1_pro_stable':
      return t('Pro quality with steadier, more consistent motion. Up to 1080p.');
    case 'veo_3_1_fast_stable':
      return t('Fast, steady motion between a first and a last frame only. Up to 1080p.');
  }
}

export const MAX_REFERENCE_IMAGES = 3;
/** Longest prompt the form accepts (the API documents none; this keeps requests sane). */
export const MAX_PROMPT_LENGTH = 4000;
