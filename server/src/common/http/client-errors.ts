import { maxHeaderSize, STATUS_CODES, type Server } from 'node:http';
import type { Duplex } from 'node:stream';

/** What Node's parser refused, and what to say about it. */
function answerFor(code: string | undefined): { status: number; message: string } {
  switch (code) {
    case 'HPE_HEADER_OVERFLOW':
      return { status: 431, message: `Request line and headers are larger than ${maxHeaderSize / 1024} kB` };
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return { status: 408, message: 'Request took too long to arrive' };
    default:
      return { status: 400, message: 'Request is not valid HTTP' };
  }
}

/**
 * Answers requests that Node refuses before they reach the app (headers or URL over Node's limit,
 * malformed HTTP, too slow to arrive) in the contract's JSON error shape with the app's security
 * headers, where Node alone sends a bare status line. The connection is closed after: what follows
 * on it cannot be trusted to start a request.
 */
export function answerClientErrorsAsJson(server: Server, securityHeaders: Record<string, string>): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    // Nothing can be said on a connection the client has reset, or once a response has begun on it.
    const responding = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage?.headersSent === true;
    if (error.code === 'ECONNRESET' || !socket.writable || responding) {
      socket.destroy();
      return;
    }
    const { status, message } = answerFor(error.code);
    const body = JSON.stringify({ statusCode: status, error: STATUS_CODES[status], message });
    const headers: Record<string, string | number> = {
      ...securityHeaders,
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Length': Buffer.byteLength(body),
      'Cache-Control': 'no-store',
      Connection: 'close',
    };
    const head = [`HTTP/1.1 ${status} ${STATUS_CODES[status]}`, ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`)].join('\r\n');
    socket.end(`${head}\r\n\r\n${body}`);
  });
}
