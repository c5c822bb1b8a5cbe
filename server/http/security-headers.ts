import helmet from 'helmet';
import type { Config } from '../config';
import type { App } from './types';

/**
 * Helmet's headers, each variant built once (@fastify/helmet would rebuild the middleware, parsing
 * every directive, on each request). `upgrade-insecure-requests` goes only with HTTPS: a phone
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
    const headers = configuredHttps || request.protocol === 'https' ? secure : plain;
    headers(request.raw, reply.raw, (error) => done(error as Error | undefined));
  });
}
