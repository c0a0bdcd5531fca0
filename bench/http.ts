// A small keep-alive HTTP client on node:http (lighter than fetch, so that the load generator,
// which shares the machine with the server, takes as little CPU as it can).
import http from 'node:http';

export interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  ms: number;
}

export class Client {
  readonly agent: http.Agent;
  cookie = '';

  constructor(readonly port: number, sockets = 64) {
    this.agent = new http.Agent({ keepAlive: true, maxSockets: sockets });
  }

  request(method: string, path: string, body?: unknown): Promise<Reply> {
    const started = performance.now();
    const payload = body === undefined ? undefined : JSON.stringify(body);
    return new Promise((ok, fail) => {
      const req = http.request(
        {
          host: '127.0.0.1', port: this.port, method, path, agent: this.agent,
          headers: {
            ...(this.cookie ? { cookie: this.cookie } : {}),
            ...(payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {}),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => ok({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8'), ms: performance.now() - started }));
          res.on('error', fail);
        },
      );
      req.on('error', fail);
      if (payload) req.write(payload);
      req.end();
    });
  }

  get(path: string): Promise<Reply> {
    return this.request('GET', path);
  }

  async login(username: string, password: string): Promise<void> {
    const res = await this.request('POST', '/api/auth/login', { username, password });
    if (res.status !== 200) throw new Error(`Login of ${username} answered ${res.status}: ${res.body}`);
    const set = res.headers['set-cookie'] ?? [];
    this.cookie = set.map((c) => c.split(';')[0]).join('; ');
  }

  /** Streams a response, counting its lines, without keeping it. */
  stream(path: string): Promise<{ status: number; lines: number; bytes: number; ms: number; firstByteMs: number }> {
    const started = performance.now();
    return new Promise((ok, fail) => {
      const req = http.request({ host: '127.0.0.1', port: this.port, method: 'GET', path, agent: this.agent, headers: { cookie: this.cookie } }, (res) => {
        let lines = 0;
        let bytes = 0;
        let firstByteMs = -1;
        res.on('data', (c: Buffer) => {
          if (firstByteMs < 0) firstByteMs = performance.now() - started;
          bytes += c.length;
          let i = -1;
          while ((i = c.indexOf(10, i + 1)) !== -1) lines++;
        });
        res.on('end', () => ok({ status: res.statusCode ?? 0, lines, bytes, ms: performance.now() - started, firstByteMs }));
        res.on('error', fail);
      });
      req.on('error', fail);
      req.end();
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

export const q = (value: unknown) => encodeURIComponent(JSON.stringify(value));

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

export function stats(samples: number[]): { p50: number; p95: number; p99: number } {
  const s = [...samples].sort((a, b) => a - b);
  return { p50: percentile(s, 50), p95: percentile(s, 95), p99: percentile(s, 99) };
}
