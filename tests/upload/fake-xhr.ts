/** A scripted `XMLHttpRequest` for the XHR transport's tests in Node (not a test file). */

type Handler = ((event: { loaded: number }) => void) | null;

export class FakeXhr {
  static instances: FakeXhr[] = [];
  /** Called when `send` runs; the test drives the exchange from there. */
  static onSend: (xhr: FakeXhr) => void = () => undefined;

  readonly upload: { onprogress: Handler; onload: (() => void) | null } = { onprogress: null, onload: null };
  onprogress: Handler = null;
  onloadend: (() => void) | null = null;
  status = 0;
  responseText = '';
  responseURL = '';
  url = '';
  aborted = false;
  responseHeaders = 'content-type: application/json\r\n';

  constructor() {
    FakeXhr.instances.push(this);
  }
  open(_method: string, url: string): void {
    this.url = url;
  }
  setRequestHeader(): void {}
  getAllResponseHeaders(): string {
    return this.responseHeaders;
  }
  send(): void {
    FakeXhr.onSend(this);
  }
  abort(): void {
    this.aborted = true;
  }

  /** The browser reports `loaded` body bytes sent. */
  sendProgress(loaded: number): void {
    this.upload.onprogress?.({ loaded });
  }
  /** The browser reports `loaded` response bytes received. */
  receiveProgress(loaded: number): void {
    this.onprogress?.({ loaded });
  }
  /** The whole exchange ends with an answer (from `responseURL`, the request URL unless a redirect was followed). */
  respond(status: number, text: string, responseURL = this.url): void {
    this.upload.onload?.();
    this.status = status;
    this.responseText = text;
    this.responseURL = new URL(responseURL).href;
    this.onloadend?.();
  }
  /** The exchange ends without an answer (network error). */
  fail(): void {
    this.status = 0;
    this.onloadend?.();
  }
}
