import { createHandler, defineConsumer } from '../pipeline/index.js';
import type { UserLoggedInDetail } from './detail.generated.js';
import * as validator from './validate-event.generated.js';

export type { UserLoggedInDetail };

/** A login attempt on the user's timeline; IPv6 addresses lower-cased so equal addresses compare equal. */
export const userLoggedIn = defineConsumer<UserLoggedInDetail>({
  name: 'user-logged-in',
  validator,
  subject: (detail) => ({ kind: 'user', id: detail.userId }),
  normalize: (detail) => ({
    method: detail.method,
    success: detail.success,
    failureReason: detail.failureReason,
    mfa: detail.mfa ?? false,
    ip: detail.ip.toLowerCase(),
    userAgent: detail.userAgent,
    sessionId: detail.sessionId,
  }),
});

export const handler = createHandler(userLoggedIn);
