// createApp(deps) → the Express app, without listening, so that tests drive it directly.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { type Express } from 'express';
import type { Settings } from '../config/settings';
import { RESOURCES } from '../config/resources';
import { authOf } from './auth/context';
import { originCheck } from './auth/origin';
import { authRouter } from './auth/routes';
import { sessionMiddleware } from './auth/sessions';
import type { Database } from './db';
import { attachmentRoutes } from './domain/attachments';
import { importRoutes } from './domain/import-routes';
import { accountRoutes } from './domain/routes';
import { errorHandler, HttpError, notFound } from './errors';
import { initModels } from './models';
import { apiClientRoutes } from './interfaces/admin-routes';
import { interfaceRouter } from './interfaces/routes';
import { REGISTRY } from './resources';
import { resourceRouter } from './rest/router';

export interface AppDeps {
  readonly db: Database;
  readonly settings: Settings;
  /** The built admin UI; served at / when present. */
  readonly adminDir?: string;
}

export const DEFAULT_ADMIN_DIR = join(__dirname, '..', 'admin', 'dist');

export function createApp({ db, settings, adminDir = DEFAULT_ADMIN_DIR }: AppDeps): Express {
  initModels(db.sequelize);
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use((_req, res, next) => {
    res.set({ 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'same-origin', 'X-Frame-Options': 'DENY' });
    next();
  });

  app.get('/healthz', async (_req, res) => {
    try {
      await db.sequelize.query('SELECT 1');
      res.json({ status: 'ok' });
    } catch {
      res.status(503).json({ status: 'unavailable' });
    }
  });
  // A known path asked with another method says which one it takes, as JSON like every error.
  app.all('/healthz', () => {
    throw new HttpError(405, 'The health check answers GET only.', undefined, { Allow: 'GET, HEAD' });
  });

  const session = { secret: settings.sessionSecret };
  const api = express.Router();
  api.use(express.json({ limit: '1mb' }));
  api.use(originCheck(settings.allowedOrigins));
  api.use(sessionMiddleware(session));
  api.use('/auth', authRouter(session));
  // Everything below needs a signed-in user.
  api.use((req, _res, next) => {
    authOf(req);
    next();
  });
  api.use(accountRoutes(db));
  api.use(attachmentRoutes(db, settings.uploadLimitMb));
  api.use(importRoutes(db, settings.uploadLimitMb));
  api.use(apiClientRoutes(db));
  for (const name of RESOURCES) api.use(`/${name}`, resourceRouter(REGISTRY[name], db));
  api.use(() => {
    throw notFound('API route');
  });
  app.use('/api', api);
  app.use('/interfaces/v1', interfaceRouter(db, { ratePerMinute: settings.interfaceRatePerMinute }));
  // Other versions, and the bare prefix: programs calling here read JSON, never the admin's page.
  app.use('/interfaces', () => {
    throw notFound('interface route');
  });

  if (existsSync(join(adminDir, 'index.html'))) {
    app.use(express.static(adminDir, { index: false, maxAge: '1h' }));
    // The admin's own routes (/customers/1/show …) are the browser's: every other GET gets the app's page.
    app.get(/^\/(?!healthz(\/|$)).*/, (_req, res) => res.sendFile(join(adminDir, 'index.html')));
  }
  // Whatever is left (another method, /healthz/…, no admin built) is a 404 in the one JSON shape.
  app.use(() => {
    throw notFound('page or route');
  });
  app.use(errorHandler);
  return app;
}
