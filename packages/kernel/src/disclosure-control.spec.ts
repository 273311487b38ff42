import { suppressSmallCounts } from './disclosure-control';

describe('small-count suppression (k = 5)', () => {
  it('hides counts 1..4 and never a zero on its own or a public cell', () => {
    expect(suppressSmallCounts([0, 1, 4, 5, 3], [false, false, false, false, true], [], 5)).toEqual([
      false,
      true,
      true,
      false,
      false,
    ]);
  });

  it('hides a second cell of a line whose sum is published, the smallest non-zero one', () => {
    // region (public) = d1 + d2 + d3: d1 = 3 alone would be 20 - 9 - 8
    const hidden = suppressSmallCounts([20, 3, 9, 8], [true, false, false, false], [[0, 1, 2, 3]], 5);
    expect(hidden).toEqual([false, true, false, true]);
  });

  it('prefers a non-zero cell and takes a zero only when nothing else is left', () => {
    expect(suppressSmallCounts([3, 0, 12], [false, false, false], [[0, 1, 2]], 5)).toEqual([true, false, true]);
    expect(suppressSmallCounts([7, 3, 0], [true, false, false], [[0, 1, 2]], 5)).toEqual([false, true, true]);
  });

  it('propagates across crossing lines until no line has exactly one hidden cell', () => {
    // two districts × (total, A, B); district 1: A = 2 (primary); lines: each district's total = A + B,
    // and per column (total, A, B) the region's public figure = district 1 + district 2
    const v = [10, 2, 8, 30, 15, 15, 40, 17, 23];
    const pub = [false, false, false, false, false, false, true, true, true];
    const lines = [
      [0, 1, 2],
      [3, 4, 5],
      [6, 0, 3],
      [7, 1, 4],
      [8, 2, 5],
    ];
    const hidden = suppressSmallCounts(v, pub, lines, 5);
    expect(hidden[1]).toBe(true);
    for (const line of lines) expect(line.filter((i) => hidden[i]).length).not.toBe(1);
    expect(hidden.slice(6)).toEqual([false, false, false]);
  });
});
