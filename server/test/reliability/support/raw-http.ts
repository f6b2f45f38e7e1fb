import { Agent, IncomingHttpHeaders, request } from 'node:http';

export interface RawRequest {
  method: string;
  /** Sent on the wire exactly as given: no URL normalisation, so `..` and `%2e%2e` reach the server. */
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  signal?: AbortSignal;
}

export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
  /** The parsed body when it is JSON, else undefined. */
  json: unknown;
}

/** A keep-alive HTTP/1.1 client for loopback tests that sends paths verbatim (fetch would normalise them). */
export class RawHttpClient {
  readonly agent: Agent;

  constructor(
    private readonly origin: string,
    maxSockets = 16,
  ) {
    this.agent = new Agent({ keepAlive: true, maxSockets });
  }

  send({ method, path, headers = {}, body, signal }: RawRequest): Promise<RawResponse> {
    const url = new URL(this.origin);
    return new Promise((resolve, reject) => {
      const outgoing = request(
        { host: url.hostname, port: url.port, method, path, headers, agent: this.agent, signal },
        (incoming) => {
          const chunks: Buffer[] = [];
          incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
          incoming.on('error', reject);
          incoming.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            let json: unknown;
            if (String(incoming.headers['content-type'] ?? '').includes('json')) {
              try {
                json = JSON.parse(text);
              } catch {
                json = undefined;
              }
            }
            resolve({ status: incoming.statusCode ?? 0, headers: incoming.headers, text, json });
          });
        },
      );
      outgoing.on('error', reject);
      outgoing.end(body);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

/** The contract's error shape: exactly `{ statusCode, error, message }`, strings, statusCode = the HTTP status. Returns a problem or undefined. */
export function errorShapeProblem(response: RawResponse): string | undefined {
  const body = response.json as Record<string, unknown> | undefined;
  if (body === undefined || body === null || typeof body !== 'object' || Array.isArray(body)) {
    return `error body is not a JSON object: ${response.text.slice(0, 200)}`;
  }
  const keys = Object.keys(body).sort().join(',');
  if (keys !== 'error,message,statusCode') return `error body has keys ${keys}`;
  if (body['statusCode'] !== response.status) return `statusCode ${String(body['statusCode'])} differs from HTTP ${response.status}`;
  if (typeof body['error'] !== 'string' || typeof body['message'] !== 'string') return 'error or message is not a string';
  return undefined;
}
