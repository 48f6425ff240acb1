const namespace = 'https://sts.amazonaws.com/doc/2011-06-15/';

function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** GetCallerIdentity's answer for the account's root user, in STS's XML shape. */
export function callerIdentityXml(options: { accountId: string; requestId: string }): string {
  const account = escapeXml(options.accountId);
  return (
    `<GetCallerIdentityResponse xmlns="${namespace}"><GetCallerIdentityResult>` +
    `<Arn>arn:aws:iam::${account}:root</Arn><UserId>${account}</UserId><Account>${account}</Account>` +
    `</GetCallerIdentityResult><ResponseMetadata><RequestId>${escapeXml(options.requestId)}</RequestId>` +
    '</ResponseMetadata></GetCallerIdentityResponse>'
  );
}

/** A Query-protocol error body, which SDKs read `Code` and `Message` from. */
export function stsErrorXml(options: { code: string; message: string; requestId: string }): string {
  return (
    `<ErrorResponse xmlns="${namespace}"><Error><Type>Sender</Type><Code>${escapeXml(options.code)}</Code>` +
    `<Message>${escapeXml(options.message)}</Message></Error>` +
    `<RequestId>${escapeXml(options.requestId)}</RequestId></ErrorResponse>`
  );
}
