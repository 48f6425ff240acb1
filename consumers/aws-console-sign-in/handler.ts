import { createHandler, defineConsumer } from '../pipeline/index.js';
import type { AwsConsoleSignInDetail } from './detail.generated.js';
import * as validator from './validate-event.generated.js';

export type { AwsConsoleSignInDetail };

/**
 * An AWS console sign-in on the identity's login timeline, beside the application's own logins
 * (`user-logged-in`, whose item fields it shares where they mean the same). CloudTrail's detail is
 * AWS's: the idempotency key is its `eventID`, the time its `eventTime`. The timeline is the
 * identity's ARN, else its principal id (a failed sign-in of an unknown user may carry no ARN).
 */
export const awsConsoleSignIn = defineConsumer<AwsConsoleSignInDetail>({
  name: 'aws-console-sign-in',
  validator,
  conventions: (detail) => ({ eventId: detail.eventID, occurredAt: detail.eventTime }),
  subject: (detail) => ({
    kind: 'user',
    id: detail.userIdentity.arn ?? detail.userIdentity.principalId ?? detail.userIdentity.type,
  }),
  normalize: (detail) => ({
    method: 'aws-console',
    success: detail.responseElements?.ConsoleLogin === 'Success',
    failureReason: detail.errorMessage,
    mfa: detail.additionalEventData?.MFAUsed === 'Yes',
    ip: detail.sourceIPAddress.toLowerCase(),
    userAgent: detail.userAgent,
    identityType: detail.userIdentity.type,
    userName: detail.userIdentity.userName,
    accountId: detail.userIdentity.accountId,
    awsRegion: detail.awsRegion,
    eventName: detail.eventName,
    loginTo: detail.additionalEventData?.LoginTo,
  }),
});

export const handler = createHandler(awsConsoleSignIn);
