import { CountCache } from '../../../server/db/count-cache';

describe('CountCache', () => {
  const counter = (values: number[]) => {
    let calls = 0;
    return { compute: async () => values[Math.min(calls++, values.length - 1)], calls: () => calls };
  };

  it('reuses a total within its time-to-live, per key', async () => {
    const cache = new CountCache(60_000);
    const a = counter([10, 11]);
    expect(await cache.count('a', a.compute)).toBe(10);
    expect(await cache.count('a', a.compute)).toBe(10);
    expect(a.calls()).toBe(1);
    const b = counter([3]);
    expect(await cache.count('b', b.compute)).toBe(3);
    expect(b.calls()).toBe(1);
  });

  it('forgets every total when invalidated', async () => {
    const cache = new CountCache(60_000);
    const a = counter([10, 11]);
    await cache.count('a', a.compute);
    cache.invalidate();
    expect(await cache.count('a', a.compute)).toBe(11);
  });

  it('does not keep a total counted while a write happened', async () => {
    const cache = new CountCache(60_000);
    let calls = 0;
    const racing = async () => {
      calls++;
      if (calls === 1) cache.invalidate();
      return calls;
    };
    expect(await cache.count('a', racing)).toBe(1);
    expect(await cache.count('a', racing)).toBe(2);
    expect(await cache.count('a', racing)).toBe(2);
  });

  it('counts every time with a time-to-live of 0, and after the time-to-live', async () => {
    const off = new CountCache(0);
    const a = counter([1, 2]);
    await off.count('a', a.compute);
    expect(await off.count('a', a.compute)).toBe(2);
    const short = new CountCache(20);
    const b = counter([1, 2]);
    await short.count('b', b.compute);
    await new Promise((r) => setTimeout(r, 40));
    expect(await short.count('b', b.compute)).toBe(2);
  });
});
