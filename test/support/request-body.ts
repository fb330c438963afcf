import type { IncomingMessage } from 'node:http';

/** The whole body of a request a test's receiver got (a webhook delivery), as text. */
export function requestBody(req: IncomingMessage): Promise<string> {
  return new Promise((done) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => done(body));
  });
}
