import { createHandler, defineConsumer } from '../pipeline/index.js';
import type { UserLoggedOutDetail } from './detail.generated.js';
import * as validator from './validate-event.generated.js';

export type { UserLoggedOutDetail };

/** A session end on the user's timeline; an absent reason means the user logged out. */
export const userLoggedOut = defineConsumer<UserLoggedOutDetail>({
  name: 'user-logged-out',
  validator,
  subject: (detail) => ({ kind: 'user', id: detail.userId }),
  normalize: (detail) => ({ sessionId: detail.sessionId, reason: detail.reason ?? 'user' }),
});

export const handler = createHandler(userLoggedOut);
