import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { MessageBus } from '@sc/messaging';
import { ProcessMetrics, registerServiceMetrics } from '@sc/subgraph-kit';

const DIR = join(__dirname, '..', '..', 'observability');
const PROMQL_FUNCTIONS = new Set(['histogram_quantile']);

/** The series our processes export: a subgraph's set (a superset of the gateway's), histograms expanded. */
function exportedSeries(): Set<string> {
  const m = new ProcessMetrics('test');
  const bus = { lag: () => [] } as unknown as MessageBus;
  const stats = { handled: 0, duplicates: 0, ignored: 0, deadLettered: 0 };
  registerServiceMetrics(m, {
    orm: {} as never,
    relay: { stats: { published: 0, batches: 0, failures: 0 } },
    consumer: { stats },
    bus,
    poolMax: 1,
    scheduler: true,
  });
  const names = new Set<string>();
  for (const metric of m.registry.getMetricsAsArray()) {
    const n = (metric as unknown as { name: string }).name;
    names.add(n);
    for (const suffix of ['_bucket', '_count', '_sum']) names.add(n + suffix);
  }
  return names;
}

/** Metric names in a PromQL expression: identifiers with an underscore, outside label matchers and strings. */
function seriesIn(expr: string): string[] {
  const bare = expr.replace(/\{[^}]*\}/g, ' ').replace(/"[^"]*"/g, ' ');
  return [...bare.matchAll(/[a-z_:][a-z0-9_:]*/g)]
    .map((m) => m[0])
    .filter((t) => t.includes('_') && !PROMQL_FUNCTIONS.has(t));
}

describe('alert rules and the dashboard ask only for series the processes export', () => {
  const exported = exportedSeries();

  it('every alert expression', () => {
    const rules = parse(readFileSync(join(DIR, 'prometheus-alerts.yml'), 'utf8')) as {
      groups: Array<{ rules: Array<{ alert: string; expr: string }> }>;
    };
    const all = rules.groups.flatMap((g) => g.rules);
    expect(all.map((r) => r.alert)).toEqual(
      expect.arrayContaining(['OutboxBacklogOld', 'ConsumerLagHigh', 'DeadLettersRising', 'ReadinessFailing']),
    );
    for (const r of all) {
      const missing = seriesIn(r.expr).filter((s) => !exported.has(s));
      expect({ alert: r.alert, missing }).toEqual({ alert: r.alert, missing: [] });
      expect(seriesIn(r.expr).length).toBeGreaterThan(0);
    }
  });

  it('every dashboard panel', () => {
    const d = JSON.parse(readFileSync(join(DIR, 'grafana-dashboard.json'), 'utf8')) as {
      panels: Array<{ title: string; targets: Array<{ expr: string }> }>;
    };
    expect(d.panels.length).toBeGreaterThanOrEqual(10);
    for (const p of d.panels)
      for (const t of p.targets) {
        const missing = seriesIn(t.expr).filter((s) => !exported.has(s));
        expect({ panel: p.title, missing }).toEqual({ panel: p.title, missing: [] });
      }
  });
});
