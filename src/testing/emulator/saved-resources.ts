/**
 * @module testing/emulator/saved-resources
 * Saved extensions (max 100) and named transformations (max 250).
 */
import type { ResourceKind } from './resources.js';
import { badRequest } from './responses.js';
import { extensionNames } from './upload/fields.js';

/** Saved extensions: `{ name, description, config }`; `config` is one base extension. */
export const savedExtensionKind: ResourceKind = {
  label: 'saved extension',
  map: (context) => context.core.state.savedExtensions,
  max: 100,
  timestamps: 'both',
  validate(_context, body) {
    for (const key of ['name', 'description']) {
      if (typeof body[key] !== 'string' || (key === 'name' && body[key] === '')) badRequest(`Missing or invalid \`${key}\` parameter.`);
    }
    const config = body['config'];
    const name = (config as Record<string, unknown> | null | undefined)?.['name'];
    if (
      config === null ||
      typeof config !== 'object' ||
      Array.isArray(config) ||
      typeof name !== 'string' ||
      !extensionNames.includes(name) ||
      name === 'saved-extension'
    ) {
      badRequest('`config` must be one base extension (not a saved-extension reference).');
    }
    return { name: body['name'], description: body['description'], config };
  },
};

/** Named transformations: `{ name, transformation, enabled? }`, names unique. */
export const namedTransformationKind: ResourceKind = {
  label: 'named transformation',
  map: (context) => context.core.state.namedTransformations,
  max: 250,
  timestamps: 'created',
  validate(context, body, existing) {
    const { name, transformation, enabled } = body;
    if (typeof name !== 'string' || !/^[A-Za-z0-9_-]+$/.test(name)) badRequest('`name` must contain only letters, digits, `-` and `_`.');
    if (typeof transformation !== 'string' || transformation === '') badRequest('Missing or invalid `transformation` parameter.');
    if (enabled !== undefined && typeof enabled !== 'boolean') badRequest('`enabled` must be a boolean.');
    for (const other of context.core.state.namedTransformations.values()) {
      if (other !== existing && other['name'] === name) badRequest('A named transformation with this name already exists.');
    }
    return { name, transformation, enabled: enabled ?? true };
  },
};
