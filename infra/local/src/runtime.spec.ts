import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'package.json'), 'utf8')) as {
  devDependencies: Record<string, string>;
};

/**
 * The runtime is a development dependency (the registry's `node` package), so
 * every npm script — tests included — runs on it whatever Node installed it.
 */
describe('the pinned Node.js runtime', () => {
  it('is the one the npm scripts run on', () => {
    expect(process.versions.node).toBe(root.devDependencies.node);
  });

  it('is an LTS line (even major) no older than 24', () => {
    const major = Number(process.versions.node.split('.')[0]);
    expect(major % 2).toBe(0);
    expect(major).toBeGreaterThanOrEqual(24);
  });
});
