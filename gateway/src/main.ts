import { createLogger, onShutdown } from '@sc/runtime';
import { gatewayConfigFromEnv } from './config';
import { rateLimitOf } from './rate-limit-of';
import { createGatewayServer, type GatewayServer } from './server';

async function main(): Promise<void> {
  const cfg = gatewayConfigFromEnv();
  const logger = createLogger('gateway', cfg.logLevel);
  // Before anything listens: a signal during start-up must find its handler (a supervised child ignores Ctrl-C).
  const running: { gw?: GatewayServer } = {};
  onShutdown(async (reason) => {
    logger.info({ reason }, 'stopping');
    await running.gw?.stop();
  });
  const gw = (running.gw = await createGatewayServer({
    supergraphSdl: cfg.supergraphSdl,
    subgraphUrls: cfg.subgraphUrls,
    auth: cfg.auth,
    logger,
    gatewaySecret: cfg.gatewaySecret,
    rateLimit: rateLimitOf(cfg.rateLimit),
    requestTimeoutMs: cfg.requestTimeoutMs,
    trustProxy: cfg.trustProxy,
    trustedDocuments: cfg.trustedDocuments,
    explorer: cfg.explorer,
    statisticsCacheSeconds: cfg.statisticsCacheSeconds,
    statisticsStaleSeconds: cfg.statisticsStaleSeconds,
  }));
  if (!cfg.rateLimit.databaseUrl)
    logger.warn('GATEWAY_DATABASE_URL not set: rate limits are counted per replica, not shared');
  const url = await gw.start(cfg.port);
  logger.info({ url }, 'gateway ready');
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
