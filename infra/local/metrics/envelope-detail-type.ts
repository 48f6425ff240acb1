const head = '{"version":"0","id":"';

/**
 * The `detail-type` of an envelope written by `buildEnvelope` (`version, id, detail-type, …` in
 * that order), read from its head without parsing the whole event, which may be 256 KB.
 */
export function envelopeDetailType(envelope: string): string {
  const idEnd = envelope.indexOf('"', head.length);
  const keyStart = idEnd + 1;
  const key = ',"detail-type":"';
  if (idEnd < 0 || !envelope.startsWith(key, keyStart)) return detailTypeByParsing(envelope);
  let index = keyStart + key.length;
  while (index < envelope.length) {
    const char = envelope.charCodeAt(index);
    if (char === 0x5c) index += 2;
    else if (char === 0x22) return JSON.parse(envelope.slice(keyStart + key.length - 1, index + 1)) as string;
    else index++;
  }
  return detailTypeByParsing(envelope);
}

function detailTypeByParsing(envelope: string): string {
  try {
    const value = (JSON.parse(envelope) as Record<string, unknown>)['detail-type'];
    return typeof value === 'string' ? value : '';
  } catch {
    return '';
  }
}
