import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { respond } from './oracle-responses.js';

/** One request as the loopback server received it. */
export interface LoggedRequest {
  method: string;
  /** The absolute URL: this server's origin and the request target. */
  url: string;
  headers: IncomingHttpHeaders;
}

/** Where every fixture page is served; a relative URL with no `<base>` resolves under it. */
export const PAGE_DIR = '/__page/';
export const PAGE_PATH = `${PAGE_DIR}index.html`;

/** A loopback HTTP server on a random port that logs every request and serves the fixture page. */
export class OracleServer {
  readonly log: LoggedRequest[] = [];
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();
  origin = '';

  constructor(private readonly page: () => string) {}

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', this.origin);
      this.log.push({ method: req.method ?? '', url: url.href, headers: req.headers });
      if (url.pathname === PAGE_PATH) {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
        res.end(this.page());
        return;
      }
      const r = respond(url.pathname);
      res.writeHead(r.status, r.headers);
      res.end(r.body);
    });
    this.server.on('connection', (s) => {
      this.sockets.add(s);
      s.on('close', () => this.sockets.delete(s));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.origin = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    // Keep-alive connections from Chromium would hold close() open.
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

/**
 * The last line of defence: Chromium's proxy. Loopback addresses bypass a proxy in Chromium, so
 * only what would have left the machine arrives here as a proxy request (an absolute URL or a
 * CONNECT): a page request the route let through, or Chromium's own background traffic. It is
 * logged in `escaped` and refused, never forwarded. The same server is the address Chromium's
 * Google service endpoints are pointed at (sign-in's ListAccounts and GCM check-in, which the
 * Debian build starts on its own): those arrive as plain requests and are logged in `service`.
 */
export class GuardProxy {
  /** Requests that tried to leave the machine: must stay empty. */
  readonly escaped: string[] = [];
  /** Chromium's own service calls, redirected here instead of Google. */
  readonly service: string[] = [];
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();
  address = '';

  get origin(): string {
    return `http://${this.address}`;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      (req.url?.startsWith('/') ? this.service : this.escaped).push(`${req.method} ${req.url}`);
      res.writeHead(403, { 'content-type': 'text/plain' });
      res.end('blocked by the oracle guard');
    });
    this.server.on('connect', (req, socket) => {
      this.escaped.push(`CONNECT ${req.url}`);
      socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
    });
    this.server.on('connection', (s) => {
      this.sockets.add(s);
      s.on('close', () => this.sockets.delete(s));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.address = `127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
