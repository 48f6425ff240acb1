import type { BusForwarder } from '../delivery/deliver-to-bus.js';
import { busTargetOf } from '../events/bus-target.js';
import { InvalidSignatureException } from '../events/errors.js';
import { forwardToBus } from '../events/forward-to-bus.js';
import { isAwsPartitionRegion } from '../events/served-region.js';
import type { RegionalRuntime } from './create-regional-runtime.js';

/** Builds the runtime of a Region; `forward` puts events on a bus of any Region. */
export type OpenRegion = (region: string, forward: BusForwarder) => RegionalRuntime;

/**
 * The stack's Regions: the home Region, built at once, and every other Region of the `aws`
 * partition, built on first use (a request signed for it, or an event bus target in it) and
 * started at once if the stack is running. State is per Region, so the same name may exist in two.
 */
export class RegionalRuntimes {
  readonly home: RegionalRuntime;
  private readonly others = new Map<string, RegionalRuntime>();
  private started = false;

  constructor(
    private readonly homeRegion: string,
    private readonly open: OpenRegion,
  ) {
    this.home = open(homeRegion, this.forward);
  }

  /** Whether `region` is served: the home Region, or one of the `aws` partition. */
  serves(region: string): boolean {
    return region === this.homeRegion || isAwsPartitionRegion(region);
  }

  /**
   * The runtime of `region` (undefined: the home Region), opened on first use. A Region the stack
   * does not serve is refused as AWS refuses a credential scoped to a Region it is not in.
   */
  get(region: string | undefined): RegionalRuntime {
    if (region === undefined || region === this.homeRegion) return this.home;
    if (!this.serves(region)) throw new InvalidSignatureException(region);
    const known = this.others.get(region);
    if (known !== undefined) return known;
    const runtime = this.open(region, this.forward);
    this.others.set(region, runtime);
    if (this.started) runtime.start();
    return runtime;
  }

  /** The Regions other than home opened so far. */
  regions(): string[] {
    return [...this.others.keys()].sort();
  }

  /** Puts an event delivered to an event bus target on that bus, in the Region its ARN names. */
  readonly forward: BusForwarder = (targetArn, envelope) => {
    const target = busTargetOf(targetArn);
    if (target === undefined || !this.serves(target.region)) return Promise.resolve('no-bus');
    return forwardToBus(this.get(target.region).events, targetArn, envelope);
  };

  start(): void {
    this.started = true;
    for (const runtime of this.all()) runtime.start();
  }

  /** Stops every Region, including one an attempt under way opens while the others stop. */
  async stop(): Promise<void> {
    this.started = false;
    let stopped = 0;
    while (stopped < this.all().length) {
      const batch = this.all().slice(stopped);
      stopped += batch.length;
      await Promise.all(batch.map((runtime) => runtime.stop()));
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.all().map((runtime) => runtime.close()));
  }

  private all(): RegionalRuntime[] {
    return [this.home, ...this.others.values()];
  }
}
