// The upload fields are serialized once, and that one serialization feeds three places: the
// form an upload sends (buildUploadForm), the claims createUploadToken signs, and the browser
// check that a v2 JWT signs exactly what is sent (uploadTokenField). For any valid upload
// options, checked against truths written here (the serialization rules spelled out,
// node:crypto for the signature, Buffer for base64url, the platform's multipart parser):
// - the form's text fields are the rules applied to the options;
// - the JWT's claims (minus iat/exp) are exactly those fields (minus `file`);
// - uploadTokenField accepts that JWT for that form, and refuses it once any field is
//   changed, dropped or added;
// - what upload() really sends is what the JWT signs.
// A change to either side's serialization alone breaks the equalities; a change to the
// shared serialization breaks the first property.
import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createUploadToken } from '../../src/signing/upload-jwt.js';
import { upload } from '../../src/upload/client-upload.js';
import { buildUploadForm } from '../../src/upload/form.js';
import { uploadTokenField } from '../../src/upload/upload-token.js';
import type { UploadOptions } from '../../src/upload/types.js';

const privateKey = 'private_fields_once';
const publicKey = 'public_fields_once';

/** Options that are never form fields (besides `file`, which is its own part or an unsigned field). */
const callOptions = ['fileSize', 'onProgress', 'signal', 'timeout', 'hooks'];

/** The serialization rules of the upload API, written out independently of src/. */
function expectedFields(options: Record<string, unknown>): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [name, value] of Object.entries(options)) {
    if (value === undefined || name === 'file' || callOptions.includes(name)) continue;
    if (typeof value === 'boolean') fields[name] = value ? 'true' : 'false';
    else if (typeof value === 'string') fields[name] = value;
    else if (name === 'tags' || name === 'responseFields') fields[name] = (value as string[]).join(',');
    else fields[name] = JSON.stringify(value);
  }
  return fields;
}

/** The JWT's claims, after an independent HS256 check (node:crypto). */
function claimsOf(token: string): Record<string, unknown> {
  const [header, payload, signature] = token.split('.') as [string, string, string];
  expect(createHmac('sha256', privateKey).update(`${header}.${payload}`).digest('base64url')).toBe(signature);
  const { iat, exp, ...claims } = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
  expect(Number.isInteger(iat) && Number.isInteger(exp)).toBe(true);
  return claims;
}

const text = fc.string({ unit: 'grapheme', maxLength: 10 });
const nonEmpty = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 10 });
const tag = text.filter((value) => !/[,%]/.test(value));
const listItem = text.filter((value) => !value.includes(','));
const asList = (item: fc.Arbitrary<string>): fc.Arbitrary<string | string[]> =>
  fc.oneof(
    fc.array(item, { maxLength: 4 }),
    fc.array(item, { minLength: 1, maxLength: 4 }).map((items) => items.join(',')),
  );
const json = fc.dictionary(text, fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 });

/** Any valid upload options: every field kind, any file kind, and the call options, which must stay unsigned. */
const uploadOptions: fc.Arbitrary<UploadOptions> = fc
  .record(
    {
      file: fc.constantFrom<UploadOptions['file']>(new Uint8Array([1, 2, 3]), 'https://example.com/a.jpg', 'aGVsbG8='),
      fileName: nonEmpty,
      useUniqueFileName: fc.boolean(),
      isPrivateFile: fc.boolean(),
      isPublished: fc.boolean(),
      overwriteFile: fc.boolean(),
      overwriteAITags: fc.boolean(),
      overwriteTags: fc.boolean(),
      overwriteCustomMetadata: fc.boolean(),
      folder: text,
      customCoordinates: text,
      webhookUrl: text,
      checks: text,
      description: text,
      tags: asList(tag),
      responseFields: asList(listItem),
      extensions: fc.array(
        fc.tuple(nonEmpty, json).map(([name, extra]) => ({ ...extra, name })),
        { maxLength: 2 },
      ),
      customMetadata: json,
      transformation: fc.oneof(
        fc.record({ pre: nonEmpty }),
        fc.record(
          {
            pre: nonEmpty,
            post: fc.array(
              fc.record({ type: fc.constantFrom('thumbnail', 'transformation', 'gif-to-video'), value: text }, { requiredKeys: ['type'] }),
              {
                maxLength: 2,
              },
            ),
          },
          { requiredKeys: ['post'] },
        ),
      ),
      timeout: fc.nat(),
      onProgress: fc.constant(() => {}),
      signal: fc.constant(new AbortController().signal),
      hooks: fc.constant({ beforeRequest: [() => {}] }),
    },
    { requiredKeys: ['file', 'fileName'] },
  )
  .map((options) => options as UploadOptions);

describe('upload fields are serialized once', () => {
  it('the form sends the rules applied to the options; the JWT signs exactly those fields; the check accepts it', async () => {
    await fc.assert(
      fc.asyncProperty(uploadOptions, async (options) => {
        const form = buildUploadForm(options);
        const sent = Object.fromEntries(form.fields.filter(([name]) => name !== 'file'));
        expect(sent).toEqual(expectedFields(options as unknown as Record<string, unknown>));

        // The whole options object, `file` and call options included, as a server might pass it.
        const token = await createUploadToken({ privateKey, publicKey, fields: options as unknown as Record<string, unknown> });
        expect(claimsOf(token)).toEqual(sent);
        expect(uploadTokenField(token, form.fields, '`uploadToken` option', TypeError)).toEqual(['token', token]);
      }),
      { numRuns: 300 },
    );
  });

  it('the check refuses the JWT once any sent field is changed, dropped or added, naming that field', async () => {
    const change = fc.constantFrom('change', 'drop', 'add');
    await fc.assert(
      fc.asyncProperty(uploadOptions, change, fc.nat(), async (options, how, pick) => {
        const token = await createUploadToken({ privateKey, publicKey, fields: options as unknown as Record<string, unknown> });
        const fields = buildUploadForm(options).fields.map(([name, value]) => [name, value] as [string, string]);
        const signed = fields.filter(([name]) => name !== 'file');
        let name: string;
        if (how === 'add') {
          name = 'checks' in options ? 'extraField' : 'checks';
          fields.push([name, '']);
        } else {
          const field = signed[pick % signed.length]!;
          name = field[0];
          if (how === 'drop') fields.splice(fields.indexOf(field), 1);
          else field[1] = `${field[1]}x`;
        }
        expect(() => uploadTokenField(token, fields, '`uploadToken` option', TypeError)).toThrow(
          new TypeError(`The \`uploadToken\` option does not sign \`${name}\` as sent`),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('what upload() really sends (parsed by the platform) is what the JWT signs', async () => {
    await fc.assert(
      fc.asyncProperty(uploadOptions, async (options) => {
        const uploadToken = await createUploadToken({ privateKey, publicKey, fields: options as unknown as Record<string, unknown> });
        const sent: FormData[] = [];
        const fetch = async (input: Request | string | URL, init?: RequestInit): Promise<Response> => {
          sent.push(await new Request(input, init).formData());
          return Response.json({ fileId: 'f', name: 'a', filePath: '/a', url: 'https://ik.imagekit.io/x/a' });
        };
        await upload({ ...options, uploadToken, fetch });
        expect(sent).toHaveLength(1);
        const textFields = Object.fromEntries([...sent[0]!.entries()].filter(([name, value]) => typeof value === 'string' && name !== 'file'));
        const { token, ...fields } = textFields;
        expect(token).toBe(uploadToken);
        expect(claimsOf(uploadToken)).toEqual(fields);
      }),
      { numRuns: 60 },
    );
  });
});
