import { createLogger } from '@sc/runtime';
import { gatewayConfigFromEnv, rateLimitOf } from './config';
import { createGatewayServer } from './server';

async function main(): Promise<void> {
  const cfg = gatewayConfigFromEnv();
  const logger = createLogger('gateway', cfg.logLevel);
  const gw = await createGatewayServer({
    supergraphSdl: cfg.supergraphSdl,
    subgraphUrls: cfg.subgraphUrls,
    auth: cfg.auth,
    logger,
    gatewaySecret: cfg.gatewaySecret,
    rateLimit: rateLimitOf(cfg.rateLimit),
    requestTimeoutMs: cfg.requestTimeoutMs,
    trustProxy: cfg.trustProxy,
    trustedDocuments: cfg.trustedDocuments,
  });
  if (!cfg.rateLimit.databaseUrl)
    logger.warn('GATEWAY_DATABASE_URL not set: rate limits are counted per replica, not shared');
  const url = await gw.start(cfg.port);
  logger.info({ url }, 'gateway ready');
  const stop = async () => {
    await gw.stop();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop());
  process.once('SIGINT', () => void stop());
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
