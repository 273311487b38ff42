/**
 * Prints a token for the embedded default:
 *   npm run token -- --agency SOCIAL_SERVICE --role SPECIALIST [--role HEAD] [--territory 25701000] [--subject ivanova] [--ttl 28800]
 */
import { parseArgs } from 'node:util';
import { PRINCIPAL_AGENCIES, ROLES, type PrincipalAgency, type Role } from '@sc/kernel';
import { authConfigFrom, authEnvSchema } from './auth-config';
import { issueToken } from './tokens';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      agency: { type: 'string' },
      role: { type: 'string', multiple: true },
      territory: { type: 'string', default: '25701000' },
      subject: { type: 'string' },
      ttl: { type: 'string', default: String(8 * 3600) },
    },
  });
  const agency = values.agency as PrincipalAgency;
  const roles = (values.role ?? []) as Role[];
  if (!PRINCIPAL_AGENCIES.includes(agency)) fail(`--agency must be one of ${PRINCIPAL_AGENCIES.join(', ')}`);
  if (roles.length === 0 || roles.some((r) => !ROLES.includes(r)))
    fail(`--role (repeatable) must be one of ${ROLES.join(', ')}`);
  const cfg = authConfigFrom(authEnvSchema.parse(process.env));
  const token = await issueToken(cfg, {
    subject: values.subject ?? `${agency.toLowerCase()}-${roles[0]!.toLowerCase()}`,
    agency,
    roles,
    territory: values.territory!,
    ttlSeconds: Number(values.ttl),
  });
  process.stdout.write(`${token}\n`);
}

function fail(msg: string): never {
  process.stderr.write(`${msg}\n`);
  process.exit(2);
}

void main();
