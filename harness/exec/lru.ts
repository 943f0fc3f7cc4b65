// A least-recently-used cache on a Map (which keeps insertion order): the harness's in-memory
// caches are bounded with it, so a worker that runs for days does not grow with them.

/**
 * `cache`'s value for `key`, made by `make` on a miss. A hit moves the entry to the back; a
 * miss on a full cache (`limit` entries) first drops the front one, the least recently used.
 */
export function lruGet<K, V>(cache: Map<K, V>, key: K, limit: number, make: () => V): V {
  let value = cache.get(key);
  if (value !== undefined) {
    cache.delete(key);
  } else {
    value = make();
    if (cache.size >= limit) cache.delete(cache.keys().next().value!);
  }
  cache.set(key, value);
  return value;
}
