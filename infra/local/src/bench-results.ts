import { readFileSync } from 'node:fs';

/** Which way a figure improves: latencies and memory down, throughput up. */
export type Better = 'lower' | 'higher';

interface Figure {
  unit: string;
  better: Better;
  runs: number[];
}

export interface BenchResultFile {
  commit: string;
  machine: string;
  startedAt: string;
  settings: Record<string, string>;
  figures: Record<string, Figure>;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const f1 = (x: number) => (Math.abs(x) >= 100 ? x.toFixed(0) : x.toFixed(1));

/**
 * Every figure of one benchmark run, each with the value of every repetition:
 * printed as min / median / max and written as JSON, so that two commits'
 * runs can be compared (`npm run bench -- --compare A.json B.json`).
 */
export class BenchResults {
  private readonly figures = new Map<string, Figure>();

  add(name: string, unit: string, better: Better, value: number): void {
    const f = this.figures.get(name) ?? { unit, better, runs: [] };
    f.runs.push(value);
    this.figures.set(name, f);
  }

  /** The median of a figure over its runs (NaN when it was not measured). */
  median(name: string): number {
    const f = this.figures.get(name);
    return f ? median(f.runs) : NaN;
  }

  /** `min / median / max` of a figure over its runs (one value when it ran once). */
  spread(name: string): string {
    const f = this.figures.get(name);
    if (!f) return 'n/a';
    if (f.runs.length === 1) return `${f1(f.runs[0]!)} ${f.unit}`;
    return `${f1(Math.min(...f.runs))} / ${f1(median(f.runs))} / ${f1(Math.max(...f.runs))} ${f.unit} (min / median / max of ${f.runs.length})`;
  }

  /** The table of every figure with its spread. */
  summary(): string[] {
    const width = Math.max(...[...this.figures.keys()].map((k) => k.length));
    return [...this.figures.keys()].map((k) => `   ${k.padEnd(width)}  ${this.spread(k)}`);
  }

  toFile(meta: Omit<BenchResultFile, 'figures'>): BenchResultFile {
    return { ...meta, figures: Object.fromEntries(this.figures) };
  }
}

/** Two result files side by side: each figure's median in A and B, and B / A marked better or worse. */
export function compareResults(aPath: string, bPath: string): string[] {
  const read = (p: string) => JSON.parse(readFileSync(p, 'utf8')) as BenchResultFile;
  const a = read(aPath);
  const b = read(bPath);
  const names = [...new Set([...Object.keys(a.figures), ...Object.keys(b.figures)])];
  const width = Math.max(...names.map((n) => n.length));
  const lines = [`A ${a.commit} (${a.startedAt})`, `B ${b.commit} (${b.startedAt})`, ''];
  for (const n of names) {
    const fa = a.figures[n];
    const fb = b.figures[n];
    if (!fa || !fb) {
      lines.push(`${n.padEnd(width)}  only in ${fa ? 'A' : 'B'}`);
      continue;
    }
    const ma = median(fa.runs);
    const mb = median(fb.runs);
    const ratio = ma === 0 ? NaN : mb / ma;
    const better = fa.better === 'lower' ? ratio < 1 : ratio > 1;
    const verdict = !Number.isFinite(ratio) || Math.abs(ratio - 1) < 0.05 ? 'same' : better ? 'better' : 'worse';
    lines.push(
      `${n.padEnd(width)}  ${f1(ma).padStart(9)} → ${f1(mb).padStart(9)} ${fa.unit.padEnd(6)} B/A ×${Number.isFinite(ratio) ? ratio.toFixed(2) : '—'}  ${verdict}`,
    );
  }
  return lines;
}
