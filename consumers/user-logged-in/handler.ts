import { createHandler, defineConsumer } from '../pipeline/index.js';
import * as validator from './validate-event.generated.js';

/** `detail` of `User Logged In` (schemas/user-logged-in.json). */
export interface UserLoggedInDetail {
  readonly eventId: string;
  readonly occurredAt: string;
  readonly userId: string;
  readonly method: 'password' | 'sso' | 'oauth' | 'passkey';
  readonly success: boolean;
  readonly failureReason?: string;
  readonly mfa?: boolean;
  readonly ip: string;
  readonly userAgent: string;
  readonly sessionId?: string;
}

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
