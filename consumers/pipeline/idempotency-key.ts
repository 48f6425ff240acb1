/**
 * The key that makes a write happen once: the producer's `detail.eventId` when present, because
 * it survives producer retries and replays (AWS does not document whether a replayed event keeps
 * its `id`, and the local stack gives it a new one); else the EventBridge `id`.
 */
export function idempotencyKey(event: {
  readonly id: string;
  readonly detail: { readonly eventId?: string };
}): string {
  const { eventId } = event.detail;
  return typeof eventId === 'string' && eventId !== '' ? eventId : event.id;
}
