/**
 * @module testing/emulator/upload/upload
 * `POST /api/v1/files/upload` and `POST /api/v2/files/upload`. The `checks`
 * expression and `transformation` are validated for shape but not applied; `webhookUrl`
 * is accepted and never called.
 */
import { isoNow, nextId, nextSeq, type RequestContext } from '../context.js';
import type { FileRecord, VersionRecord } from '../types.js';
import { readBasicAuth, verifyClientSignature, verifyUploadJwt } from '../auth.js';
import { EmulatorHttpError, badRequest, json } from '../responses.js';
import { normalizeFolder, sanitizeFileName } from '../paths.js';
import { randomAlnum } from '../random.js';
import { ensureFolder, fileAt, nextVersionNumber } from '../store.js';
import { contentInfo } from '../image-info.js';
import { defaultValues, validateCustomMetadata } from '../custom-metadata.js';
import { uploadResponse } from '../serialize.js';
import { metadataOf } from '../metadata.js';
import { readFileField } from './file-source.js';
import { runExtensions } from './extensions.js';
import {
  bool,
  jsonField,
  parseResponseFields,
  parseTags,
  text,
  uploadFieldNames,
  validateCoordinates,
  validateExtensions,
  validateTransformation,
} from './fields.js';

async function readForm(context: RequestContext): Promise<FormData> {
  const type = context.request.headers.get('content-type') ?? '';
  if (!/multipart\/form-data|application\/x-www-form-urlencoded/i.test(type)) {
    badRequest('The upload request must be multipart/form-data.');
  }
  try {
    return await context.request.formData();
  } catch {
    badRequest('The multipart body could not be parsed.');
  }
}

async function authenticate(context: RequestContext, form: FormData, v2: boolean): Promise<void> {
  if (readBasicAuth(context) === 'valid') return;
  if (!v2) return verifyClientSignature(context, form);
  for (const name of ['publicKey', 'signature', 'expire']) {
    if (form.has(name)) badRequest(`\`${name}\` is not accepted by the v2 upload API; send a JWT in \`token\`.`);
  }
  const token = form.get('token');
  if (typeof token !== 'string' || token === '') throw new EmulatorHttpError(401, 'Your request does not contain private API key.');
  return verifyUploadJwt(context, form, token);
}

function uniqueName(context: RequestContext, name: string): string {
  const dot = name.lastIndexOf('.');
  const suffix = '_' + randomAlnum(context.core.random, 9);
  return dot > 0 ? name.slice(0, dot) + suffix + name.slice(dot) : name + suffix;
}

/** Handles both upload versions. */
export async function handleUpload(context: RequestContext, v2: boolean): Promise<Response> {
  const form = await readForm(context);
  for (const key of form.keys()) {
    if (!(uploadFieldNames as readonly string[]).includes(key)) badRequest(`Your request contains an unknown parameter \`${key}\`.`);
  }
  await authenticate(context, form, v2);
  const core = context.core;
  const rawName = text(form, 'fileName');
  if (rawName === undefined || rawName === '') badRequest('Missing fileName parameter for upload');
  const bytes = await readFileField(context, form.get('file'));
  const useUniqueFileName = bool(form, 'useUniqueFileName', true);
  const overwriteFile = bool(form, 'overwriteFile', true);
  const overwriteTags = bool(form, 'overwriteTags', true);
  const overwriteAITags = bool(form, 'overwriteAITags', true);
  const overwriteCustomMetadata = bool(form, 'overwriteCustomMetadata', true);
  const isPrivateFile = bool(form, 'isPrivateFile', false);
  const isPublished = bool(form, 'isPublished', true);
  const tagsText = text(form, 'tags');
  const tags = tagsText === undefined ? undefined : parseTags(tagsText);
  const coordinates = text(form, 'customCoordinates');
  if (coordinates !== undefined && coordinates !== '') validateCoordinates(coordinates);
  const responseFields = parseResponseFields(text(form, 'responseFields'));
  const extensionsValue = jsonField(form, 'extensions');
  const extensions = extensionsValue === undefined ? [] : validateExtensions(extensionsValue, (id) => core.state.savedExtensions.has(id));
  const transformation = jsonField(form, 'transformation');
  if (transformation !== undefined) validateTransformation(transformation);
  const customMetadataValue = jsonField(form, 'customMetadata');
  if (
    customMetadataValue !== undefined &&
    (customMetadataValue === null || typeof customMetadataValue !== 'object' || Array.isArray(customMetadataValue))
  ) {
    badRequest('`customMetadata` must be a JSON object.');
  }
  const customMetadata = customMetadataValue as Record<string, unknown> | undefined;
  if (customMetadata !== undefined) validateCustomMetadata(core.state.customMetadataFields, customMetadata, false);
  const webhookUrl = text(form, 'webhookUrl');
  if (webhookUrl !== undefined && !/^https?:\/\//.test(webhookUrl)) badRequest('`webhookUrl` must be an http(s) URL.');
  const description = text(form, 'description');

  const folder = normalizeFolder(text(form, 'folder'));
  const baseName = sanitizeFileName(rawName);
  let name = useUniqueFileName ? uniqueName(context, baseName) : baseName;
  while (useUniqueFileName && fileAt(core, folder, name) !== undefined) name = uniqueName(context, baseName);
  const existing = fileAt(core, folder, name);
  if (existing !== undefined && !overwriteFile) {
    badRequest(
      'A file with the same name already exists at the exact location. We could not overwrite it because both overwriteFile and useUniqueFileName are set to false.',
      { reason: 'FILE_ALREADY_EXISTS' },
    );
  }
  if (existing !== undefined && existing.history.length + 1 >= 100) badRequest('A file can have at most 100 versions.');
  ensureFolder(core, folder);
  const info = contentInfo(bytes, name);
  const outcome = runExtensions(core, extensions);
  const previous = existing?.current;
  const now = isoNow(core);
  const versionId = nextId(core);
  const keptAITags = previous !== undefined && !overwriteAITags ? (previous.AITags ?? []) : [];
  const aiTags = [...keptAITags, ...outcome.aiTags];
  const version: VersionRecord = {
    versionId,
    versionNumber: existing === undefined ? 1 : nextVersionNumber(existing),
    blobKey: versionId,
    size: bytes.length,
    format: info.format,
    mime: info.mime,
    fileType: info.fileType,
    hasAlpha: info.hasAlpha,
    tags: tags ?? (previous !== undefined && !overwriteTags ? previous.tags : null),
    AITags: aiTags.length > 0 ? aiTags : null,
    customCoordinates: coordinates !== undefined && coordinates !== '' ? coordinates : null,
    customMetadata:
      customMetadata !== undefined
        ? { ...defaultValues(core.state.customMetadataFields), ...customMetadata }
        : previous !== undefined && !overwriteCustomMetadata
          ? previous.customMetadata
          : defaultValues(core.state.customMetadataFields),
    isPrivateFile,
    isPublished,
    createdAt: now,
    updatedAt: now,
  };
  if (tags !== undefined && tags.length === 0) version.tags = null;
  if (info.width !== undefined) version.width = info.width;
  if (info.height !== undefined) version.height = info.height;
  if (description !== undefined) version.description = description;
  if (extensions.length > 0) version.extensionStatus = outcome.status;
  core.blobs.set(version.blobKey, bytes);
  let file: FileRecord;
  if (existing !== undefined) {
    existing.history.push(existing.current);
    existing.current = version;
    file = existing;
  } else {
    file = { fileId: nextId(core), name, folder, createdAt: now, seq: nextSeq(core), current: version, history: [] };
    core.state.files.set(file.fileId, file);
  }
  const metadata = responseFields.has('metadata') ? await metadataOf(core, version) : undefined;
  return json(200, uploadResponse(core, file, responseFields, metadata));
}
