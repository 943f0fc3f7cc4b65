// The generator's entry point: a fast-check arbitrary of valid WebAssembly 2.0 modules, drawn
// swarm first (families, features, sizes), then a shape under that swarm, then built. Shrinking
// works on the swarm and the shape's choice lists; every shrunk value builds a valid module.

import fc from 'fast-check';
import { buildModule, type GeneratedModule } from './buildModule.js';
import { shapeArbitrary } from './shape.js';
import { swarmArbitrary, type Swarm } from './swarm.js';

/**
 * Valid modules as `{ bytes, info }`. With `swarm`, every module uses that one configuration;
 * without, each module draws its own (swarm testing).
 */
export function moduleArbitrary(swarm?: Swarm): fc.Arbitrary<GeneratedModule> {
  if (swarm !== undefined) return shapeArbitrary(swarm).map((shape) => buildModule(swarm, shape));
  return swarmArbitrary().chain((s) => shapeArbitrary(s).map((shape) => buildModule(s, shape)));
}
