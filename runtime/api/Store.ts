// A Store owns execution state shared by its instances: call depth and fuel.

import type { StoreState } from '../instance/objects.js';
import type { Engine } from './Engine.js';
import { ConfigError } from '../errors.js';

/** Execution state for a group of instances of one engine. */
export class Store {
  readonly state: StoreState;

  constructor(readonly engine: Engine) {
    this.state = {
      depth: 0,
      maxDepth: engine.config.maxCallDepth,
      fuel: engine.config.consumeFuel ? 0 : undefined,
      epoch: engine.epoch,
      epochDeadline: Number.MAX_SAFE_INTEGER,
    };
  }

  /** Sets the epoch deadline `ticks` epochs from now (requires the epochInterruption knob). */
  setEpochDeadline(ticks: number): void {
    if (!this.engine.config.epochInterruption) throw new ConfigError('epoch interruption is off: enable the epochInterruption knob');
    this.state.epochDeadline = Atomics.load(this.state.epoch, 0) + ticks;
  }

  /** Sets the remaining fuel (requires the consumeFuel knob). */
  setFuel(fuel: number): void {
    if (!this.engine.config.consumeFuel) throw new ConfigError('fuel is off: enable the consumeFuel knob');
    this.state.fuel = fuel;
  }

  /** Remaining fuel, or undefined when fuel is off. */
  getFuel(): number | undefined {
    return this.state.fuel;
  }
}
