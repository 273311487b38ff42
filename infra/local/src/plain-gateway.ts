/**
 * The benchmark's reference (issue 15, item 3): Apollo Gateway exactly as its
 * documentation starts it — `new ApolloGateway({ supergraphSdl })` in an
 * `ApolloServer` with default settings, served by `startStandaloneServer` —
 * with only what the subgraphs need to answer at all: their URLs (the
 * composed ones are placeholders), the caller's token and purpose of
 * reading (X-Purpose) passed on, and the gateway's assertion when the
 * subgraphs require one (GATEWAY_SECRET, as in production). No
 * keep-alive agent, no query limits, no metrics, no statistics cache.
 * Configured by PLAIN_GATEWAY_PORT and the services' *_URL variables.
 */
import { readFileSync } from 'node:fs';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { GATEWAY_ASSERTION_HEADER, gatewayAssertionSigner } from '@sc/auth';
import { SUPERGRAPH_PATH } from '@sc/gateway';

type Ctx = { authorization?: string; purpose?: string };

const urls: Record<string, string | undefined> = {
  'social-protection': process.env.SOCIAL_PROTECTION_URL,
  employment: process.env.EMPLOYMENT_URL,
  'social-service': process.env.SOCIAL_SERVICE_URL,
};

async function main(): Promise<void> {
  const secret = process.env.GATEWAY_SECRET;
  const assert = secret ? gatewayAssertionSigner(secret) : undefined;
  const gateway = new ApolloGateway({
    supergraphSdl: readFileSync(SUPERGRAPH_PATH, 'utf8'),
    buildService: ({ name, url }) =>
      new (class extends RemoteGraphQLDataSource<Ctx> {
        override async willSendRequest({ request, context }: { request: any; context: Partial<Ctx> }) {
          if (context.authorization) request.http?.headers.set('authorization', context.authorization);
          if (context.purpose) request.http?.headers.set('x-purpose', context.purpose);
          if (assert && context.authorization)
            request.http?.headers.set(GATEWAY_ASSERTION_HEADER, await assert(name, context.authorization));
        }
      })({ url: urls[name] ?? url }),
  });
  const server = new ApolloServer<Ctx>({ gateway });
  const { url } = await startStandaloneServer(server, {
    listen: { port: Number(process.env.PLAIN_GATEWAY_PORT ?? 4100) },
    context: async ({ req }) => ({
      authorization: req.headers.authorization,
      purpose: req.headers['x-purpose'] as string | undefined,
    }),
  });
  process.stdout.write(`plain Apollo Gateway at ${url}\n`);
  process.on('SIGTERM', () => void server.stop().then(() => process.exit(0)));
}

void main();
