import { createHandler, defineConsumer } from '../pipeline/index.js';
import * as validator from './validate-event.generated.js';

/** One line of an order. */
export interface OrderLine {
  readonly sku: string;
  readonly quantity: number;
  readonly unitPrice: number;
}

/** `detail` of `Order Placed` (schemas/order-placed.json). */
export interface OrderPlacedDetail {
  readonly eventId: string;
  readonly occurredAt: string;
  readonly orderId: string;
  readonly userId: string;
  readonly amount: number;
  readonly currency: string;
  readonly items: readonly OrderLine[];
}

/** An order on the customer's timeline, with its unit count for quick totals. */
export const orderPlaced = defineConsumer<OrderPlacedDetail>({
  name: 'order-placed',
  validator,
  subject: (detail) => ({ kind: 'user', id: detail.userId }),
  normalize: (detail) => ({
    orderId: detail.orderId,
    amount: detail.amount,
    currency: detail.currency,
    itemCount: detail.items.reduce((count, line) => count + line.quantity, 0),
    items: detail.items.map(({ sku, quantity, unitPrice }) => ({ sku, quantity, unitPrice })),
  }),
});

export const handler = createHandler(orderPlaced);
