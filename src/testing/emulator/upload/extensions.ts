/**
 * @module testing/emulator/upload/extensions
 * What the emulator does for requested extensions: auto-tagging completes at once with
 * one deterministic AI tag (`Emulated`, confidence 99); `remove-bg`, `ai-auto-description`
 * and `ai-tasks` stay `pending` forever (no background processing, no webhook calls).
 */
import type { EmulatorCore } from '../context.js';
import type { AITag } from '../types.js';

/** Result of applying extensions to a version. */
export interface ExtensionOutcome {
  status: Record<string, string>;
  aiTags: AITag[];
}

/** Applies extensions (saved-extension references resolved to their config). */
export function runExtensions(core: EmulatorCore, extensions: ReadonlyArray<Record<string, unknown>>): ExtensionOutcome {
  const status: Record<string, string> = {};
  const aiTags: AITag[] = [];
  for (const requested of extensions) {
    let extension = requested;
    if (requested['name'] === 'saved-extension') {
      const saved = core.state.savedExtensions.get(String(requested['id']));
      extension = (saved?.['config'] as Record<string, unknown> | undefined) ?? {};
    }
    const name = String(extension['name']);
    if (name === 'google-auto-tagging' || name === 'aws-auto-tagging') {
      status[name] = 'success';
      if (typeof extension['maxTags'] !== 'number' || extension['maxTags'] > 0) aiTags.push({ name: 'Emulated', confidence: 99, source: name });
    } else status[name] = 'pending';
  }
  return { status, aiTags };
}
