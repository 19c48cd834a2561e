import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { promptFileSchema } from '../../../src/request/promptFileSchema';
import { FIELD, MAX_PROMPT_LENGTH, MAX_REFERENCE_IMAGES, MODELS } from '../../../src/request/createFields';

const repo = path.resolve(__dirname, '../../../..');
const SCHEMA_FILE = 'media/veo-request.schema.json';
/** The one property that is not a FIELD: the API's other name for reference images. */
const ALIASES = ['input_reference'];
/** The form's names of the fields whose API names differ: they must never appear in the schema. */
const FORM_NAMES = ['aspectRatio', 'referenceImages', 'firstFrame', 'lastFrame'];

type Json = Record<string, unknown>;

/** Every property name and every `required` entry anywhere in the schema, with where it is. */
function namesUsed(node: unknown, at = '#'): { name: string; at: string }[] {
  if (Array.isArray(node)) return node.flatMap((n, i) => namesUsed(n, `${at}/${i}`));
  if (typeof node !== 'object' || node === null) return [];
  const o = node as Json;
  const own = [
    ...(typeof o.properties === 'object' && o.properties !== null ? Object.keys(o.properties).map((name) => ({ name, at: `${at}/properties` })) : []),
    ...(Array.isArray(o.required) ? (o.required as string[]).map((name) => ({ name, at: `${at}/required` })) : []),
  ];
  return [...own, ...Object.entries(o).flatMap(([k, v]) => namesUsed(v, `${at}/${k}`))];
}

describe('promptFileSchema', () => {
  const schema = promptFileSchema();
  const request = (schema.oneOf as Json[])[0];

  it(`${SCHEMA_FILE} is promptFileSchema() written out`, () => {
    const file = path.join(repo, SCHEMA_FILE);
    const checkedIn = JSON.parse(fs.readFileSync(file, 'utf8')) as unknown;
    assert.deepEqual(checkedIn, schema, `${SCHEMA_FILE} is out of date with src/request/promptFileSchema.ts: run \`npm run schema\` and commit the file`);
  });

  it('package.json validates *.veo.json files with that file', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(repo, 'package.json'), 'utf8')) as { contributes: { jsonValidation: { fileMatch: string; url: string }[] } };
    assert.deepEqual(pkg.contributes.jsonValidation, [{ fileMatch: '*.veo.json', url: `./${SCHEMA_FILE}` }]);
  });

  it('one request object, or an array of the same request', () => {
    assert.equal(schema.$schema, 'http://json-schema.org/draft-07/schema#');
    assert.equal((schema.oneOf as Json[]).length, 2);
    assert.equal(request.type, 'object');
    assert.deepEqual((schema.oneOf as Json[])[1], { type: 'array', items: request });
  });

  it('the properties are exactly the API field names of FIELD (plus input_reference), and nothing else is allowed', () => {
    assert.deepEqual(Object.keys(request.properties as Json).sort(), [...Object.values(FIELD), ...ALIASES].sort());
    assert.equal(request.additionalProperties, false);
    assert.deepEqual(request.required, [FIELD.model, FIELD.prompt]);
  });

  it('every property name and required entry anywhere (the if/then/not rules too) is a FIELD name, never a form name', () => {
    const allowed = new Set<string>([...Object.values(FIELD), ...ALIASES]);
    const used = namesUsed(schema);
    assert.ok(used.length > 20, 'the walk finds the rules');
    const wrong = used.filter((u) => !allowed.has(u.name));
    assert.deepEqual(wrong, [], `names that are not FIELD names: ${wrong.map((w) => `${w.name} at ${w.at}`).join(', ')}`);
    const text = JSON.stringify(schema);
    for (const name of FORM_NAMES) assert.ok(!text.includes(`"${name}"`), `the form's name "${name}" is in the schema`);
    // The unconfirmed first/last-frame names are used by the rules, so renaming FIELD renames them everywhere.
    for (const name of [FIELD.firstFrame, FIELD.lastFrame, FIELD.referenceImages]) {
      assert.ok(used.filter((u) => u.name === name && u.at.includes('allOf')).length >= 2, `${name} in the rules`);
    }
  });

  it('describes the documented values: the four models, prompt length, aspect ratios, 1-3 https images', () => {
    const p = request.properties as Record<string, Json>;
    assert.deepEqual(p[FIELD.model].enum, [...MODELS]);
    assert.equal((p[FIELD.model].markdownEnumDescriptions as string[]).length, MODELS.length);
    assert.equal(p[FIELD.prompt].maxLength, MAX_PROMPT_LENGTH);
    assert.equal(p[FIELD.prompt].minLength, 1);
    assert.deepEqual(p[FIELD.aspectRatio].enum, ['16:9', '9:16']);
    for (const images of [p[FIELD.referenceImages], p.input_reference]) {
      assert.equal(images.minItems, 1);
      assert.equal(images.maxItems, MAX_REFERENCE_IMAGES);
      assert.equal((images.items as Json).pattern, '^https://');
    }
    assert.equal(p[FIELD.firstFrame].pattern, '^https://');
    assert.equal(p[FIELD.lastFrame].pattern, '^https://');
  });
});
