import { murmur2, partitionFor } from './partition';

describe('murmur2 partitioner', () => {
  it('matches Kafka reference values', () => {
    // Reference values from the Java client's Utils.murmur2 test vectors.
    expect(murmur2('21')).toBe(-973932308);
    expect(murmur2('foobar')).toBe(-790332482);
    expect(murmur2('a-little-bit-long-string')).toBe(-985981536);
    expect(murmur2('a-little-bit-longer-string')).toBe(-1486304829);
    expect(murmur2('lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8')).toBe(-58897971);
    expect(murmur2('abc')).toBe(479470107);
  });
  it('keeps a key on one partition', () => {
    expect(partitionFor('citizen-1', 4)).toBe(partitionFor('citizen-1', 4));
    expect(partitionFor('citizen-1', 4)).toBeLessThan(4);
  });
});
