// Runtime settings, read from the environment once and validated, so that a bad value stops the
// server at start with a message that names it instead of failing on the first request.
// Server only.
import { z } from 'zod';

export interface Settings {
  readonly databaseUrl: string;
  readonly port: number;
  readonly production: boolean;
  readonly sessionSecret: string;
  readonly uploadLimitMb: number;
  /** Calls a minute each API client may make to the interface for permit systems. */
  readonly interfaceRatePerMinute: number;
  /** Origins other than the server's own from which state-changing requests are accepted. */
  readonly allowedOrigins: readonly string[];
  /** How long a list's total may be reused (server/db/count-cache.ts); 0 counts every time. */
  readonly countCacheSeconds: number;
}

const DEFAULT_DATABASE_URL = 'sqlite:data/cims.sqlite';
const DEV_SESSION_SECRET = 'cims-development-secret-not-for-production';

const schema = z.object({
  NODE_ENV: z.string().optional(),
  DATABASE_URL: z
    .string()
    .regex(/^(sqlite:.+|postgres(ql)?:\/\/.+)$/, 'must be sqlite:PATH or postgres://…')
    .optional(),
  PORT: z.coerce.number().int().min(1).max(65535).optional(),
  SESSION_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
  CIMS_UPLOAD_LIMIT_MB: z.coerce.number().positive().max(1024).optional(),
  CIMS_ALLOWED_ORIGINS: z.string().optional(),
  CIMS_INTERFACE_RATE_PER_MINUTE: z.coerce.number().int().positive().max(1_000_000).optional(),
  CIMS_COUNT_CACHE_SECONDS: z.coerce.number().min(0).max(3600).optional(),
});

export class SettingsError extends Error {}

export function loadSettings(env: NodeJS.ProcessEnv = process.env): Settings {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new SettingsError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  if (production && !e.SESSION_SECRET) {
    throw new SettingsError('Invalid configuration:\n  SESSION_SECRET: required when NODE_ENV=production');
  }
  return {
    databaseUrl: e.DATABASE_URL ?? DEFAULT_DATABASE_URL,
    port: e.PORT ?? 3000,
    production,
    sessionSecret: e.SESSION_SECRET ?? DEV_SESSION_SECRET,
    uploadLimitMb: e.CIMS_UPLOAD_LIMIT_MB ?? 25,
    interfaceRatePerMinute: e.CIMS_INTERFACE_RATE_PER_MINUTE ?? 600,
    allowedOrigins: (e.CIMS_ALLOWED_ORIGINS ?? '').split(',').map((s) => s.trim()).filter(Boolean),
    countCacheSeconds: e.CIMS_COUNT_CACHE_SECONDS ?? 5,
  };
}
