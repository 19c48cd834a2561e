// The JSON schema of prompt files (`*.veo.json`), built from the one module that names the
// fields, so VS Code completes and checks them. `media/veo-request.schema.json` is this,
// written out (`npm run schema`; a unit test fails when they differ). Pure.
import { ASPECT_RATIOS, FIELD, MAX_PROMPT_LENGTH, MAX_REFERENCE_IMAGES, modelSummary, MODELS } from './createFields';

const imageUrl = { type: 'string', pattern: '^https://', description: 'An https link to an image.' };

export function promptFileSchema(): Record<string, unknown> {
  const request = {
    type: 'object',
    description: 'A request for POST /v1/veo/videos. A "Generate video" CodeLens above it sends it.',
    required: [FIELD.model, FIELD.prompt],
    properties: {
      [FIELD.model]: {
        enum: [...MODELS],
        markdownEnumDescriptions: MODELS.map((m) => modelSummary(m)),
        description: 'The model.',
      },
      [FIELD.prompt]: { type: 'string', minLength: 1, maxLength: MAX_PROMPT_LENGTH, description: 'What the video shows.' },
      [FIELD.resolution]: { enum: ['720p', '1080p', '4K', '4k'], default: '720p', description: '720p (default), 1080p, or 4K (veo_3_1_fast and veo_3_1_pro only).' },
      [FIELD.aspectRatio]: { enum: [...ASPECT_RATIOS], default: '16:9', description: '16:9 (landscape, default) or 9:16 (portrait).' },
      [FIELD.referenceImages]: { type: 'array', minItems: 1, maxItems: MAX_REFERENCE_IMAGES, items: imageUrl, description: `Reference images: 1-${MAX_REFERENCE_IMAGES} https links. Not with first/last frames.` },
      input_reference: { type: 'array', minItems: 1, maxItems: MAX_REFERENCE_IMAGES, items: imageUrl, description: `Another name for "${FIELD.referenceImages}"; use one of the two.` },
      [FIELD.firstFrame]: { ...imageUrl, description: 'First frame (first/last-frame mode).' },
      [FIELD.lastFrame]: { ...imageUrl, description: 'Last frame (optional; needs the first frame).' },
    },
    additionalProperties: false,
    allOf: [
      { if: { properties: { [FIELD.resolution]: { enum: ['4K', '4k'] } }, required: [FIELD.resolution] }, then: { properties: { [FIELD.model]: { enum: ['veo_3_1_fast', 'veo_3_1_pro'] } } } },
      { if: { properties: { [FIELD.model]: { const: 'veo_3_1_fast_stable' } }, required: [FIELD.model] }, then: { required: [FIELD.firstFrame], not: { required: [FIELD.referenceImages] } } },
      { if: { required: [FIELD.lastFrame] }, then: { required: [FIELD.firstFrame] } },
      { not: { anyOf: [{ required: [FIELD.referenceImages, FIELD.firstFrame] }, { required: [FIELD.referenceImages, FIELD.lastFrame] }, { required: ['input_reference', FIELD.firstFrame] }, { required: [FIELD.referenceImages, 'input_reference'] }] } },
    ],
  };
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'VEO prompt file',
    description: 'One VEO video request, or an array of them.',
    oneOf: [request, { type: 'array', items: request }],
  };
}
