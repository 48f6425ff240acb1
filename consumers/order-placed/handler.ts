import { createHandler, defineConsumer } from '../pipeline/index.js';
import type { OrderPlacedDetail } from './detail.generated.js';
import * as validator from './validate-event.generated.js';

export type { OrderPlacedDetail };

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
