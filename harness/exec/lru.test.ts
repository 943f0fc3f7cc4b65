// The bounded caches' policy: hits are served without making, the least recently used entry
// is the one dropped, and the cache never passes its limit.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { lruGet } from './lru.js';

test('a hit returns the cached value without making a new one', () => {
  const cache = new Map<string, number[]>();
  let made = 0;
  const make = () => [++made];
  const first = lruGet(cache, 'a', 2, make);
  assert.is(lruGet(cache, 'a', 2, make), first);
  assert.is(made, 1);
});

test('a miss on a full cache drops the least recently used entry', () => {
  const cache = new Map<string, string>();
  const get = (k: string) => lruGet(cache, k, 3, () => k.toUpperCase());
  get('a');
  get('b');
  get('c');
  get('a'); // a is now the most recent; b the least
  assert.is(get('d'), 'D');
  assert.equal([...cache.keys()], ['c', 'a', 'd']);
});

test('the cache never holds more than its limit', () => {
  const cache = new Map<number, number>();
  for (let i = 0; i < 1000; i++) lruGet(cache, i % 37, 8, () => i);
  assert.is(cache.size, 8);
});

test.run();
