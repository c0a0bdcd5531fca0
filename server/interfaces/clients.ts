// API clients: other systems that call the interface with a bearer token. The token is shown
// once when the client is made; only its SHA-256 is kept (tokens are long random strings, so a
// plain hash is enough — there is nothing to guess).
import { createHash, randomBytes } from 'node:crypto';
import type { Transaction } from 'sequelize';
import { ApiClient } from '../models';

export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function createApiClient(t: Transaction, name: string, permitSystem: string): Promise<{ client: ApiClient; token: string }> {
  const token = `cims_${randomBytes(32).toString('base64url')}`;
  const client = await ApiClient.create({ name, permitSystem, tokenHash: tokenHash(token), revokedAt: null, lastUsedAt: null }, { transaction: t });
  return { client, token };
}

export async function clientForToken(token: string): Promise<ApiClient | null> {
  return ApiClient.findOne({ where: { tokenHash: tokenHash(token), active: true } });
}

/** A token bucket per client: `perMinute` calls a minute on average, bursts up to the same. */
export class RateLimiter {
  private readonly buckets = new Map<number, { tokens: number; at: number }>();

  constructor(private readonly perMinute: number, private readonly now: () => number = Date.now) {}

  /** 0 when the call may go ahead, else the seconds to wait. */
  take(clientId: number): number {
    const now = this.now();
    const rate = this.perMinute / 60_000;
    const b = this.buckets.get(clientId) ?? { tokens: this.perMinute, at: now };
    b.tokens = Math.min(this.perMinute, b.tokens + (now - b.at) * rate);
    b.at = now;
    this.buckets.set(clientId, b);
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - b.tokens) / rate / 1000));
  }
}
