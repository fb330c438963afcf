import { ApiProblem, networkProblem } from './problem';

export interface SendFileOptions {
  readonly contentType: string;
  readonly headers?: Readonly<Record<string, string>>;
  /** Bytes sent so far and in all, as the browser reports them. */
  readonly onProgress?: (sent: number, total: number) => void;
  readonly signal?: AbortSignal;
}

/**
 * POSTs a file as the request's body through XMLHttpRequest, not the typed
 * client: that sends no raw bodies, and fetch reports no upload progress.
 * Resolves with the answer, whatever its status; rejects with an ApiProblem
 * of status 0 when there was none (the network failed) or it was aborted.
 */
export function sendFile(url: string, file: Blob, options: SendFileOptions): Promise<Response> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', url);
    request.withCredentials = true;
    request.setRequestHeader('Content-Type', options.contentType);
    request.setRequestHeader('Accept', 'application/json, application/problem+json');
    for (const [name, value] of Object.entries(options.headers ?? {})) request.setRequestHeader(name, value);
    request.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable) options.onProgress?.(event.loaded, event.total);
    });
    request.addEventListener('error', () => reject(networkProblem(new Error(request.statusText || 'network error'))));
    request.addEventListener('abort', () => reject(new ApiProblem(0, 'aborted', { zh: '已取消', en: 'Cancelled' }, [], null)));
    request.addEventListener('load', () =>
      resolve(
        new Response(request.responseText === '' ? null : request.responseText, {
          status: request.status,
          headers: { 'content-type': request.getResponseHeader('content-type') ?? 'application/json' },
        }),
      ),
    );
    options.signal?.addEventListener('abort', () => request.abort());
    request.send(file);
  });
}
