import { issueToken, type AuthConfig } from '@sc/auth';

/**
 * A КЦСОН specialist's token for trying the embedded default at once —
 * never in production, where a printed token in a terminal or a log is a
 * credential anyone who reads it can use.
 */
export async function sampleTokenFor(auth: AuthConfig, nodeEnv: string | undefined): Promise<string | null> {
  if (nodeEnv === 'production' || !auth.secret) return null;
  return issueToken(auth, {
    subject: 'demo-kcson-specialist',
    agency: 'SOCIAL_SERVICE',
    roles: ['SPECIALIST'],
    territory: '25701000',
  });
}

/** What `npm start` prints once everything listens: where, how to get a token, how to stop. */
export function banner(o: {
  gatewayPort: number;
  services: Record<string, string>;
  messaging: string;
  sampleToken: string | null;
  /** Each supervised process's pid (absent when everything runs in this one process). */
  pids?: Record<string, number>;
}): string {
  const line = '─'.repeat(72);
  return [
    '',
    line,
    `  Gateway:    http://localhost:${o.gatewayPort}/graphql`,
    ...Object.entries(o.services).map(([name, url]) => `  ${name.padEnd(18)}${url}`),
    `  Messaging:  ${o.messaging}`,
    o.pids
      ? `  Processes:  ${Object.entries(o.pids)
          .map(([n, pid]) => `${n} ${pid}`)
          .join(', ')} (supervised: restarted if one exits)`
      : `  Processes:  one (the in-process bus links the services only inside one process)`,
    ...(o.sampleToken
      ? [
          `  Token:      npm run token -- --agency SOCIAL_SERVICE --role SPECIALIST`,
          `              (agencies: SOCIAL_PROTECTION EMPLOYMENT SOCIAL_SERVICE MINISTRY)`,
          `  Sample КЦСОН specialist token (8 h):`,
          `  ${o.sampleToken}`,
        ]
      : [`  Tokens:     from the region's identity provider (none printed in production)`]),
    `  Stop:       Ctrl-C`,
    line,
    '',
  ].join('\n');
}
