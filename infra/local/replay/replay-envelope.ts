const idPrefix = '{"version":"0","id":"';
const resourcesKey = ',"resources":';

/**
 * The archived envelope as replayed: a new `id` (DESIGN.md §4: AWS does not document whether a
 * replayed event keeps its id, so locally it never does) and `replay-name` inserted just before
 * `resources`, AWS's key order (§1.6). Text surgery keeps `detail` byte for byte; it is exact
 * because `buildEnvelope` writes the head with JSON.stringify, where a string value can never
 * contain an unescaped `"`, so the first `,"resources":` is the key itself.
 */
export function replayEnvelope(envelope: string, replay: { id: string; replayName: string }): string {
  const resourcesAt = envelope.indexOf(resourcesKey);
  if (!envelope.startsWith(idPrefix) || resourcesAt < 0) {
    throw new Error(`Not an envelope written by buildEnvelope: ${envelope.slice(0, 80)}`);
  }
  const idEnd = envelope.indexOf('"', idPrefix.length);
  return (
    idPrefix +
    replay.id +
    envelope.slice(idEnd, resourcesAt) +
    `,"replay-name":${JSON.stringify(replay.replayName)}` +
    envelope.slice(resourcesAt)
  );
}
