import { createServer } from 'node:net';

/** A port of 127.0.0.1 that was free a moment ago (bound, then let go): for a process the test starts, or one it expects to find closed. */
export async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => done(port));
    });
  });
}
