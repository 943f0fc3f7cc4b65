// TEST-ONLY helpers for the artifact tests: the one rule they all check is that a refused
// artifact throws an ArtifactError and nothing else.

import { ArtifactError } from '../ArtifactError.js';

/**
 * Runs `f`, which may throw only an ArtifactError: returns it, or undefined when `f` returned.
 * Anything else thrown fails the test, labelled with `what`.
 */
export function artifactErrorOf(f: () => unknown, what = 'expected an ArtifactError'): ArtifactError | undefined {
  try {
    f();
    return undefined;
  } catch (e) {
    if (e instanceof ArtifactError) return e;
    throw new Error(`${what}: got ${String(e)}`);
  }
}

/** The ArtifactError `f` throws; fails the test when it throws anything else, or nothing. */
export function rejects(f: () => unknown): ArtifactError {
  const e = artifactErrorOf(f);
  if (e === undefined) throw new Error('expected an ArtifactError, got none');
  return e;
}
