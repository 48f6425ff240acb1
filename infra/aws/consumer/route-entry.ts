import type { CatalogEntry } from '../../../rules/catalog/catalog-entry.js';

/**
 * What the stack needs to route events to a consumer: a catalog entry's rule, consumer and delivery
 * settings, or the same for a route the stack adds itself (the unrouted catch-all).
 */
export type RouteEntry = Pick<
  CatalogEntry,
  'ruleName' | 'busName' | 'eventPattern' | 'consumer' | 'retryPolicy' | 'deadLetter'
> & {
  /** The rule's description (PutRule `Description`, at most 512 characters). */
  readonly description: string;
};

/** The route of one catalog entry. */
export function routeEntryOf(entry: CatalogEntry): RouteEntry {
  return {
    ...entry,
    description: `${entry.detailType} from ${entry.source} to ${entry.consumer.name}`.slice(0, 512),
  };
}
