// Cross-site request refusal: a state-changing request whose Origin (or, failing that, Referer)
// names another site than ours or a configured one is refused. The SameSite cookie already keeps
// most of them out; this covers older browsers and same-site subdomains.
import type { RequestHandler } from 'express';
import { forbidden } from '../errors';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

export function originCheck(allowedOrigins: readonly string[]): RequestHandler {
  return (req, _res, next) => {
    if (SAFE.has(req.method)) return next();
    const source = req.headers.origin ?? refererOrigin(req.headers.referer);
    // Programs that keep the cookie themselves send neither header.
    if (!source) return next();
    const own = `${req.protocol}://${req.headers.host}`;
    if (source === own || allowedOrigins.includes(source)) return next();
    next(forbidden('This request came from another site and was refused.'));
  };
}

function refererOrigin(referer: string | undefined): string | undefined {
  if (!referer) return undefined;
  try {
    return new URL(referer).origin;
  } catch {
    return 'null';
  }
}
