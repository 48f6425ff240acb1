import { createHandler, defineConsumer } from '../pipeline/index.js';
import * as validator from './validate-event.generated.js';

/** `detail` of `User Logged Out` (schemas/user-logged-out.json). */
export interface UserLoggedOutDetail {
  readonly eventId: string;
  readonly occurredAt: string;
  readonly userId: string;
  readonly sessionId: string;
  readonly reason?: 'user' | 'timeout' | 'revoked';
}

/** A session end on the user's timeline; an absent reason means the user logged out. */
export const userLoggedOut = defineConsumer<UserLoggedOutDetail>({
  name: 'user-logged-out',
  validator,
  subject: (detail) => ({ kind: 'user', id: detail.userId }),
  normalize: (detail) => ({ sessionId: detail.sessionId, reason: detail.reason ?? 'user' }),
});

export const handler = createHandler(userLoggedOut);
