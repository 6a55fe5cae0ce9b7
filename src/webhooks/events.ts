/**
 * @module webhooks/events
 * Types of the webhook event payloads: a union discriminated on
 * `type`, plus an open fallback for event types ImageKit adds later. Types only, except
 * the tiny {@link isWebhookEvent} guard. File events carry the same {@link FileObject} the
 * media methods return, and `upload.pre-transform.success` the upload answer's fields.
 */
import type { FileObject, UploadedFile } from '../objects.js';

/** Fields every event has. */
interface EventEnvelope<TType extends string> {
  /** Unique id of the event. */
  id: string;
  /** The event type. */
  type: TType;
  /** When the event happened, ISO 8601. */
  created_at: string;
}

/** Options of a video transformation. */
export interface VideoTransformationOptions {
  audio_codec?: 'aac' | 'opus';
  video_codec?: 'h264' | 'vp9' | 'av1';
  auto_rotate?: boolean;
  format?: 'mp4' | 'webm' | 'jpg' | 'png' | 'webp';
  quality?: number;
  stream_protocol?: 'HLS' | 'DASH';
  variants?: string[];
}

/** The request that started a video transformation. */
export interface VideoTransformationRequest {
  url: string;
  x_request_id: string;
  user_agent?: string;
}

/** The `data` of the video transformation events. */
export interface VideoTransformationData {
  asset: { url: string };
  transformation: {
    type: 'video-transformation' | 'gif-to-video' | 'video-thumbnail';
    options?: VideoTransformationOptions;
  };
}

/** A video transformation was accepted and queued. */
export interface VideoTransformationAcceptedEvent extends EventEnvelope<'video.transformation.accepted'> {
  data: VideoTransformationData;
  request: VideoTransformationRequest;
}

/** A video transformation finished; `data.transformation.output` has the result. */
export interface VideoTransformationReadyEvent extends EventEnvelope<'video.transformation.ready'> {
  data: VideoTransformationData & {
    transformation: {
      output?: {
        url: string;
        video_metadata?: { bitrate: number; duration: number; width: number; height: number };
      };
    };
  };
  request: VideoTransformationRequest;
  /** Milliseconds. */
  timings?: { download_duration?: number; encoding_duration?: number };
}

/** A video transformation failed. */
export interface VideoTransformationErrorEvent extends EventEnvelope<'video.transformation.error'> {
  data: VideoTransformationData & {
    transformation: { error?: { reason: 'encoding_failed' | 'download_failed' | 'internal_server_error' } };
  };
  request: VideoTransformationRequest;
}

/** The request of the pre-transformation events: the `pre` transformation string. */
export interface PreTransformRequest {
  transformation: string;
  x_request_id: string;
}

/** A `pre` upload transformation succeeded; `data` is the upload response. */
export interface UploadPreTransformSuccessEvent extends EventEnvelope<'upload.pre-transform.success'> {
  data: UploadedFile;
  request: PreTransformRequest;
}

/** A `pre` upload transformation failed; the file was not stored. */
export interface UploadPreTransformErrorEvent extends EventEnvelope<'upload.pre-transform.error'> {
  data: { name: string; path: string; transformation: { error: { reason: string } } };
  request: PreTransformRequest;
}

/** The request of the post-transformation events. */
export interface PostTransformRequest {
  transformation: { type: 'transformation' | 'abs' | 'gif-to-video' | 'thumbnail'; value?: string; protocol?: 'hls' | 'dash' };
  x_request_id: string;
}

/** A `post` upload transformation is ready. */
export interface UploadPostTransformSuccessEvent extends EventEnvelope<'upload.post-transform.success'> {
  data: { fileId: string; name: string; url: string };
  request: PostTransformRequest;
}

/** A `post` upload transformation failed. */
export interface UploadPostTransformErrorEvent extends EventEnvelope<'upload.post-transform.error'> {
  data: { fileId: string; name: string; path: string; url: string; transformation: { error: { reason: string } } };
  request: PostTransformRequest;
}

/** A file was created. */
export interface FileCreatedEvent extends EventEnvelope<'file.created'> {
  data: FileObject;
}

/** A file's details were updated. */
export interface FileUpdatedEvent extends EventEnvelope<'file.updated'> {
  data: FileObject;
}

/** A file was deleted. */
export interface FileDeletedEvent extends EventEnvelope<'file.deleted'> {
  data: { fileId: string };
}

/** A new version of a file was created. */
export interface FileVersionCreatedEvent extends EventEnvelope<'file-version.created'> {
  data: FileObject;
}

/** A file version was deleted. */
export interface FileVersionDeletedEvent extends EventEnvelope<'file-version.deleted'> {
  data: { fileId: string; versionId: string };
}

/** Every event type this SDK knows, discriminated on `type`. */
export type KnownWebhookEvent =
  | VideoTransformationAcceptedEvent
  | VideoTransformationReadyEvent
  | VideoTransformationErrorEvent
  | UploadPreTransformSuccessEvent
  | UploadPreTransformErrorEvent
  | UploadPostTransformSuccessEvent
  | UploadPostTransformErrorEvent
  | FileCreatedEvent
  | FileUpdatedEvent
  | FileDeletedEvent
  | FileVersionCreatedEvent
  | FileVersionDeletedEvent;

/** The `type` of a known event. */
export type WebhookEventType = KnownWebhookEvent['type'];

/**
 * An event of a type this SDK does not know yet (ImageKit may add types). Its `type` is a
 * plain string and the rest is unchecked.
 */
export interface UnknownWebhookEvent {
  id?: string;
  type: string;
  created_at?: string;
  data?: unknown;
  [field: string]: unknown;
}

/**
 * What {@link verifyWebhook} returns: a known event or an unknown one. Because `type` may
 * be any string, `switch (event.type)` does not narrow `data`; use {@link isWebhookEvent}.
 */
export type WebhookEvent = KnownWebhookEvent | UnknownWebhookEvent;

/**
 * Narrows an event to the known event of `type`.
 * @example
 * if (isWebhookEvent(event, 'file.deleted')) forget(event.data.fileId);
 */
export function isWebhookEvent<TType extends WebhookEventType>(
  event: WebhookEvent,
  type: TType,
): event is Extract<KnownWebhookEvent, { type: TType }> {
  return typeof event === 'object' && event !== null && event.type === type;
}
