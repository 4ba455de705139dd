import '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config.ts';
import { AppError } from '../errors.ts';
import { actorOf } from '../platform/auth.service.ts';
import type { Actor, Ctx, Platform } from '../platform/context.ts';
import { sessionIdOf } from '../platform/crypto.ts';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
  interface FastifyInstance {
    platform: Platform;
  }
  interface FastifyContextConfig {
    /** No login needed (health, login, public portal). */
    public?: boolean;
    /** Reachable while the initial password is still to be changed. */
    beforePasswordChange?: boolean;
  }
}

export const SESSION_COOKIE = 'fazhi_sid';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Served over HTTPS: FAZHI_SECURE_COOKIES says so, or a trusted proxy's X-Forwarded-Proto does (FAZHI_TRUST_PROXY). */
export const behindTls = (req: FastifyRequest, config: Config): boolean => config.secureCookies || (config.trustProxy && req.protocol === 'https');

export function setSessionCookie(reply: FastifyReply, token: string, secure: boolean): void {
  reply.setCookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'strict', secure, path: '/' });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

/**
 * A browser names the page a request comes from (Origin, Sec-Fetch-Site): a state change started by another site is
 * refused before anything else, login included (login CSRF), whatever cookie or token it carries.
 */
function crossOrigin(req: FastifyRequest): boolean {
  if (req.headers['sec-fetch-site'] === 'cross-site') return true;
  const origin = req.headers.origin;
  if (!origin) return false;
  try {
    return new URL(origin).host !== new URL(`${req.protocol}://${req.host}`).host;
  } catch {
    return true;
  }
}

/**
 * Every /api route needs a live session unless it says `public`. State-changing requests must carry the
 * session's CSRF token in X-CSRF-Token (SameSite=Strict is the first guard, the token the second); login itself
 * only accepts a JSON body, which a cross-site form cannot send.
 */
export function registerAuth(app: FastifyInstance, platform: Platform): void {
  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (req: FastifyRequest) => {
    const config = req.routeOptions.config;
    if (!SAFE_METHODS.has(req.method) && req.url.startsWith('/api/') && crossOrigin(req)) throw new AppError('CSRF_REJECTED');
    if (!req.url.startsWith('/api/') || req.url.startsWith('/api/docs') || config.public || !req.routeOptions.url) return;
    const token = req.cookies[SESSION_COOKIE];
    if (!token) throw new AppError('UNAUTHENTICATED');
    const actor = await actorOf(platform, sessionIdOf(token));
    req.actor = actor;
    if (!SAFE_METHODS.has(req.method) && req.headers['x-csrf-token'] !== actor.csrfToken) throw new AppError('CSRF_REJECTED');
    if (actor.mustChangePassword && !config.beforePasswordChange) throw new AppError('PASSWORD_CHANGE_REQUIRED');
    if (actor.mustEnrolTotp && !config.beforePasswordChange) throw new AppError('TOTP_ENROL_REQUIRED');
  });
  app.addHook('onRequest', async (req, reply) => {
    if (behindTls(req, platform.config)) reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
  });
}

/**
 * Request budgets per minute (in memory, per process): each signed-in user has their own, so one busy or hostile
 * client gets 429 + Retry-After while everyone else is served; without a session the client IP is the key. Runs after
 * the session check (route-level hooks follow the global ones), which is what lets it key by user.
 */
export async function registerRateLimits(app: FastifyInstance, platform: Platform): Promise<void> {
  await app.register(rateLimit, {
    max: platform.config.apiPerMinute,
    timeWindow: 60_000,
    keyGenerator: (req) => (req.actor ? `user:${req.actor.userId}` : `ip:${req.ip}`),
    allowList: (req) => !req.url.startsWith('/api/'),
  });
}

/** The service context of an authenticated request. */
export function ctxOf(req: FastifyRequest): Ctx {
  if (!req.actor) throw new AppError('UNAUTHENTICATED');
  return { ...req.server.platform, actor: req.actor, ip: req.ip };
}
