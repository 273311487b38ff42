import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BenchResults, compareResults } from './bench-results';

describe('benchmark results: spread of the runs, JSON, comparison of two runs', () => {
  const run = (figures: [string, string, 'lower' | 'higher', number[]][]) => {
    const r = new BenchResults();
    for (const [name, unit, better, values] of figures) for (const v of values) r.add(name, unit, better, v);
    return r;
  };
  it('prints min / median / max over the runs, and a single value as it is', () => {
    const r = run([
      ['referral.steady.p99', 'ms', 'lower', [90, 40, 60, 50, 70]],
      ['relay.broker', 'msg/s', 'higher', [7452.9]],
    ]);
    expect(r.spread('referral.steady.p99')).toBe('40.0 / 60.0 / 90.0 ms (min / median / max of 5)');
    expect(r.spread('relay.broker')).toBe('7453 msg/s');
    expect(r.spread('nothing')).toBe('n/a');
  });
  it('compares the medians of two files, knowing which way each figure improves', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bench-results-'));
    const save = (name: string, r: BenchResults, commit: string) => {
      const p = join(dir, name);
      writeFileSync(
        p,
        JSON.stringify(r.toFile({ commit, machine: 'm', startedAt: '2026-11-30T00:00:00Z', settings: {} })),
      );
      return p;
    };
    const a = save(
      'a.json',
      run([
        ['p99', 'ms', 'lower', [100, 120, 110]],
        ['rps', 'req/s', 'higher', [100]],
        ['mem', 'MB', 'lower', [1000]],
        ['old', 'ms', 'lower', [1]],
      ]),
      'aaaa',
    );
    const b = save(
      'b.json',
      run([
        ['p99', 'ms', 'lower', [55, 50, 60]],
        ['rps', 'req/s', 'higher', [80]],
        ['mem', 'MB', 'lower', [1020]],
        ['new', 'ms', 'lower', [1]],
      ]),
      'bbbb',
    );
    const lines = compareResults(a, b);
    expect(lines[0]).toContain('A aaaa');
    expect(lines.find((l) => l.startsWith('p99'))).toMatch(/110 → +55\.0 ms +B\/A ×0\.50 +better/);
    expect(lines.find((l) => l.startsWith('rps'))).toMatch(/×0\.80 +worse/);
    expect(lines.find((l) => l.startsWith('mem'))).toMatch(/×1\.02 +same/);
    expect(lines.find((l) => l.startsWith('old'))).toMatch(/only in A/);
    expect(lines.find((l) => l.startsWith('new'))).toMatch(/only in B/);
  });
});
