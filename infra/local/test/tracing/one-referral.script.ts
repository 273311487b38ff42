/**
 * One КЦСОН → ЦСПН referral through the gateway, traced (run by
 * tracing.e2e.test.ts under in-memory.preload.ts): prints every finished
 * span as one JSON line per span, once ЦСПН's acceptance has been consumed
 * back in КЦСОН.
 */
import type { InMemorySpanExporter } from '@sc/runtime/tracing-sdk';
import { gql, TEST_NEEDS, tokenFor, validSnils } from '@sc/testing';
import { startTestStack } from '../test-stack';

const exporter = (globalThis as { spanExporter?: InMemorySpanExporter }).spanExporter!;

async function main(): Promise<void> {
  const s = await startTestStack();
  const token = await tokenFor('SOCIAL_SERVICE', ['SPECIALIST']);
  const reg = await gql(
    s.gatewayUrl,
    `mutation R($input: RegisterSocialServiceApplicationInput!) { registerSocialServiceApplication(input: $input) { citizen { id } } }`,
    {
      input: {
        citizen: { snils: validSnils(777), lastName: 'Трассова', firstName: 'Ирина', birthDate: '1990-02-03' },
        needs: TEST_NEEDS,
        circumstances: ['NO_WORK_NO_INCOME'],
      },
    },
    token,
  );
  if (reg.errors) throw new Error(JSON.stringify(reg.errors));
  exporter.reset(); // the trace under test is the referral's alone
  const citizenId = reg.data.registerSocialServiceApplication.citizen.id;
  const ref = await gql(
    s.gatewayUrl,
    `mutation ReferForContract($input: ReferCitizenForSocialContractInput!) { referCitizenForSocialContract(input: $input) { id } }`,
    { input: { citizenId, basis: 'LOW_INCOME' } },
    token,
  );
  if (ref.errors) throw new Error(JSON.stringify(ref.errors));
  const done = () => exporter.getFinishedSpans().some((sp) => sp.name === 'process referral.accepted.v1');
  for (let i = 0; i < 300 && !done(); i++) await new Promise((r) => setTimeout(r, 100));
  await new Promise((r) => setTimeout(r, 300)); // the last spans of the handler end
  for (const sp of exporter.getFinishedSpans())
    process.stdout.write(
      `SPAN ${JSON.stringify({
        name: sp.name,
        kind: sp.kind,
        traceId: sp.spanContext().traceId,
        spanId: sp.spanContext().spanId,
        parentSpanId: sp.parentSpanContext?.spanId,
        attributes: sp.attributes,
      })}\n`,
    );
  await s.stop();
}

main().then(
  () => process.exit(0),
  (e) => {
    process.stderr.write(`${(e as Error).stack}\n`);
    process.exit(1);
  },
);
