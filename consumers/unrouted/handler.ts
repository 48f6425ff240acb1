import { UNROUTED_ROUTE } from '../../rules/catalog/unrouted-route.js';
import { createEventHandler } from '../pipeline/create-event-handler.js';
import { quarantineUnrouted } from './quarantine-unrouted.js';

/** The consumer of the catch-all rule: every event it receives is quarantined as `unrouted`. */
export const handler = createEventHandler(UNROUTED_ROUTE.consumer.name, quarantineUnrouted);
