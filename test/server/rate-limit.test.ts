import { describe, expect, test } from 'vitest';
import { createRateLimiter } from '../../src/server/rate-limit.js';
import { TokenBucket } from '../../src/server/token-bucket.js';

describe('TokenBucket', () => {
  test('allows a burst of capacity, then refuses until time refills it', () => {
    let now = 0;
    const bucket = new TokenBucket(3, 2, () => now);
    expect([bucket.take(), bucket.take(), bucket.take(), bucket.take()]).toEqual([true, true, true, false]);
    now = 499;
    expect(bucket.take()).toBe(false);
    now = 500;
    expect(bucket.take()).toBe(true);
  });

  test('never holds more than its capacity however long it idles', () => {
    let now = 0;
    const bucket = new TokenBucket(2, 10, () => now);
    now = 60_000;
    expect([bucket.take(), bucket.take(), bucket.take()]).toEqual([true, true, false]);
  });
});

describe('createRateLimiter', () => {
  test('refuses over the limit, then closes once the strikes run out', () => {
    const now = 0;
    const limit = createRateLimiter({ burst: 2, perSecond: 1, strikes: 2, strikesPerSecond: 0.1 }, () => now);
    expect([limit(), limit(), limit(), limit(), limit()]).toEqual(['allow', 'allow', 'refuse', 'refuse', 'close']);
  });

  test('a buyer who slows down after one refusal is not closed', () => {
    let now = 0;
    const limit = createRateLimiter({ burst: 1, perSecond: 1, strikes: 2, strikesPerSecond: 0.1 }, () => now);
    expect([limit(), limit()]).toEqual(['allow', 'refuse']);
    for (let i = 0; i < 10; i++) {
      now += 1000;
      expect(limit()).toBe('allow');
    }
  });
});
