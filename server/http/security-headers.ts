import helmet from 'helmet';
import type { Config } from '../config';
import type { App } from './types';

/**
 * Helmet's headers, each variant built once (@fastify/helmet would rebuild the middleware, parsing
 * every directive, on each request); documents and API answers get them all, hashed assets two.
 * `upgrade-insecure-requests` goes only with HTTPS: a phone
 * that follows the check-in QR to `http://192.168.1.10` would otherwise be told to fetch every
 * script and style over https, and show a blank page.
 */
export function securityHeaders(app: App, config: Pick<Config, 'cookieSecure' | 'publicUrl'>) {
  const build = (overHttps: boolean) =>
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          // antd writes its styles at run time.
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:', 'blob:'],
          upgradeInsecureRequests: overHttps ? [] : null,
        },
      },
    });
  const plain = build(false);
  const secure = build(true);
  const configuredHttps = config.cookieSecure || Boolean(config.publicUrl?.startsWith('https:'));
  app.addHook('onRequest', (request, reply, done) => {
    // A hashed script or stylesheet is no document: a policy on it means nothing, and a phone on a
    // weak link would download the dozen headers with every file. It keeps what applies to it.
    if (request.url.startsWith('/assets/')) {
      reply.header('x-content-type-options', 'nosniff').header('cross-origin-resource-policy', 'same-origin');
      return done();
    }
    const headers = configuredHttps || request.protocol === 'https' ? secure : plain;
    headers(request.raw, reply.raw, (error) => done(error as Error | undefined));
  });
}
