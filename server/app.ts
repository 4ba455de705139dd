import fs from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance } from 'fastify';
import { counselRoutes } from './modules/counsel/counsel.routes.ts';
import { enforcementRoutes, publicEnforcementRoutes } from './modules/enforcement/enforcement.routes.ts';
import { learningRoutes } from './modules/learning/learning.routes.ts';
import { mediationRoutes } from './modules/mediation/mediation.routes.ts';
import { leadingGroupRoutes } from './modules/org/leading-group.routes.ts';
import { orgRoutes } from './modules/org/org.routes.ts';
import { publicityRoutes } from './modules/publicity/publicity.routes.ts';
import { reportsRoutes } from './modules/reports/reports.routes.ts';
import { villagesRoutes } from './modules/villages/villages.routes.ts';
import type { Platform } from './platform/context.ts';
import { ledgerRoutes } from './platform/ledger/ledger.routes.ts';
import { platformRoutes } from './platform/platform.routes.ts';
import { registerAuth, registerRateLimits } from './plugins/auth.ts';
import { registerErrorHandling } from './plugins/errors.ts';

export type RouteEntry = { method: string; url: string; public: boolean; schema?: { body?: unknown; querystring?: unknown; params?: unknown } };
declare module 'fastify' {
  interface FastifyInstance {
    routeTable: RouteEntry[];
  }
}

export const webDist = path.resolve(import.meta.dirname, '..', 'dist', 'web');

/** Builds the one Fastify app: API, OpenAPI docs and the built web app. Tests build it the same way. */
export async function buildApp(platform: Platform, options: { logStream?: NodeJS.WritableStream } = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger:
      platform.config.logLevel === 'silent'
        ? false
        : {
            level: platform.config.logLevel,
            ...(options.logStream ? { stream: options.logStream } : {}),
            // A query string may carry a phone or ID number someone searched for: logs get the path only.
            serializers: {
              req: (req: { method: string; url: string; ip?: string }) => ({ method: req.method, url: req.url.split('?')[0], remoteAddress: req.ip }),
            },
          },
    bodyLimit: 1024 * 1024,
    trustProxy: platform.config.trustProxy,
    // verbose: validation errors carry the failing schema, whose `title` names the field in Chinese.
    ajv: { customOptions: { verbose: true, allErrors: false } },
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.decorate('platform', platform);
  // Every route as registered (the security tests walk this table: each route × role × scope).
  const routeTable: RouteEntry[] = [];
  app.decorate('routeTable', routeTable);
  app.addHook('onRoute', (r) => {
    for (const method of [r.method].flat()) if (method !== 'HEAD') routeTable.push({ method, url: r.url, public: r.config?.public === true, schema: r.schema });
  });
  // A cross-site form can post text/plain without a CORS preflight; only JSON and multipart (with CSRF token) are taken.
  app.removeContentTypeParser('text/plain');
  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        upgradeInsecureRequests: null,
        frameAncestors: ["'none'"],
      },
    },
    // Sent by the auth plugin only when served over HTTPS: on plain HTTP it would pin a site that has no certificate.
    strictTransportSecurity: false,
  });
  await app.register(multipart, { limits: { fileSize: platform.config.maxUploadBytes, files: 1, fields: 10 } });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'fazhi 法治乡镇工作平台 API',
        version: '0.1.0',
        description: '会话 Cookie 认证；写操作须带 X-CSRF-Token（见 GET /api/auth/me）。错误统一为 {error:{code,message,details}}。',
      },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  app.get('/api/openapi.json', { config: { public: true }, schema: { hide: true } }, async () => app.swagger());

  const hasWeb = fs.existsSync(path.join(webDist, 'index.html'));
  registerErrorHandling(app, platform, hasWeb);
  registerAuth(app, platform);
  await registerRateLimits(app, platform);

  await app.register(platformRoutes, { prefix: '/api' });
  await app.register(orgRoutes, { prefix: '/api/org' });
  await app.register(leadingGroupRoutes, { prefix: '/api/org' });
  await app.register(enforcementRoutes, { prefix: '/api/enforcement' });
  await app.register(publicEnforcementRoutes, { prefix: '/api/public/enforcement' });
  await app.register(reportsRoutes, { prefix: '/api/reports' });
  await app.register(mediationRoutes, { prefix: '/api/mediation' });
  await app.register(learningRoutes, { prefix: '/api/learning' });
  await app.register(villagesRoutes, { prefix: '/api/villages' });
  await app.register(publicityRoutes, { prefix: '/api/publicity' });
  await app.register(ledgerRoutes, { prefix: '/api/ledgers' });
  await app.register(counselRoutes, { prefix: '/api/counsel' });

  if (hasWeb) {
    await app.register(fastifyStatic, { root: webDist, wildcard: false, index: ['index.html'] });
  }
  return app;
}
