import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the receiver got, with its raw body (what the signature covers). */
export interface ReceivedDelivery {
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

/**
 * A stand-in for another system's endpoint on 127.0.0.1: records every POST and answers with the
 * statuses it is told, one per request (the last one for every later request).
 */
export class WebhookReceiver {
  readonly received: ReceivedDelivery[] = [];
  #statuses: number[];
  #server: Server | null = null;
  #port: number;

  private constructor(statuses: number[], port: number) {
    this.#statuses = statuses;
    this.#port = port;
  }

  /** Listens on a free port (or on `port`, to come back where a server expects it). */
  static async start(options: { readonly statuses?: number[]; readonly port?: number } = {}): Promise<WebhookReceiver> {
    const receiver = new WebhookReceiver(options.statuses ?? [200], options.port ?? 0);
    await receiver.#listen();
    return receiver;
  }

  get url(): string {
    return `http://127.0.0.1:${this.#port}/hooks/jianyan`;
  }

  /** The statuses of the next requests. */
  answerWith(statuses: number[]): void {
    this.#statuses = statuses;
  }

  /** Stops listening (the address refuses connections); the port is kept for `restart`. */
  async stop(): Promise<void> {
    const server = this.#server;
    this.#server = null;
    if (server !== null) {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  }

  /** Listens again on the same port. */
  restart(): Promise<void> {
    return this.#listen();
  }

  #listen(): Promise<void> {
    const server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        this.received.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
        const status = this.#statuses.length > 1 ? (this.#statuses.shift() ?? 200) : (this.#statuses[0] ?? 200);
        response.writeHead(status, { 'content-type': 'text/plain' });
        response.end(status < 300 ? 'ok' : `failed with ${status}`);
      });
    });
    this.#server = server;
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.#port, '127.0.0.1', () => {
        this.#port = (server.address() as AddressInfo).port;
        resolve();
      });
    });
  }
}
