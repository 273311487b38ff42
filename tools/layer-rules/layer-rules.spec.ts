import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * The layer rules of .dependency-cruiser.cjs (run over the real tree by
 * `npm run depcheck` in `npm test`) must each catch what they name: the
 * fixture breaks every rule once, in a file named for it, and keeps one
 * clean domain file that must not be reported.
 */
const ROOT = join(__dirname, '..', '..');
const FIXTURE = join(__dirname, 'fixture');

interface Violation {
  rule: { name: string };
  from: string;
}

function cruiseFixture(): string[] {
  const out = execFileSync(
    join(ROOT, 'node_modules', '.bin', 'depcruise'),
    ['--config', join(ROOT, '.dependency-cruiser.cjs'), '--output-type', 'json', 'packages', 'services'],
    { cwd: FIXTURE, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 },
  );
  const violations = (JSON.parse(out) as { summary: { violations: Violation[] } }).summary.violations;
  return violations.map((v) => `${v.rule.name} ${v.from}`).sort();
}

describe('layer rules', () => {
  it('report each deliberate violation of the fixture, and nothing else', () => {
    expect(cruiseFixture()).toEqual([
      'application-not-adapters services/alpha/src/orders/application/place-order.ts',
      'domain-is-plain services/alpha/src/orders/domain/order.ts',
      'kernel-is-plain packages/kernel/src/index.ts',
      'no-cycles services/beta/src/stock/domain/cycle-a.ts',
      'no-foreign-adapters services/alpha/src/billing/adapters/invoice.consumer.ts',
      'not-to-unresolvable services/beta/src/stock/application/broken.ts',
      'packages-not-services packages/shared/src/helper.ts',
      'services-apart services/alpha/src/billing/application/bill.ts',
    ]);
  }, 60_000);
});
