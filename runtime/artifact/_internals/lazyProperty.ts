// Getters that compute once: on first read the property becomes a plain value property, so
// later reads cost nothing and deep-equality helpers see ordinary data.

/** Defines enumerable `key` on `obj` as `compute()`, computed on first read and then kept. */
export function lazyProperty<T>(obj: object, key: string, compute: () => T): void {
  Object.defineProperty(obj, key, {
    enumerable: true,
    configurable: true,
    get(): T {
      const value = compute();
      Object.defineProperty(obj, key, { value, enumerable: true, configurable: false, writable: false });
      return value;
    },
  });
}

/** `f` called until it first returns, its result kept (a throw is not: the next call tries again). */
export function once<T>(f: () => T): () => T {
  let done = false;
  let value: T;
  return () => {
    if (!done) {
      value = f();
      done = true;
    }
    return value;
  };
}
