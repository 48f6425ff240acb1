/** A `major.minor.patch` version, as `x-trackbridge-schema-version` carries it (SemVer 2.0.0 core). */
export interface SemanticVersion {
  readonly major: number;
  readonly minor: number;
  readonly patch: number;
}

/** The part of a version a release raised, or `lower` when it went down. */
export type VersionBump = 'major' | 'minor' | 'patch' | 'none' | 'lower';

const CORE = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;

/** Parses `1.2.3`; undefined for anything else (pre-release and build suffixes are not used). */
export function parseSemanticVersion(text: string): SemanticVersion | undefined {
  const match = CORE.exec(text);
  if (match === null) return undefined;
  return { major: Number(match[1]), minor: Number(match[2]), patch: Number(match[3]) };
}

/** Which part went up from `from` to `to` (the highest that changed), as SemVer orders versions. */
export function versionBump(from: SemanticVersion, to: SemanticVersion): VersionBump {
  for (const part of ['major', 'minor', 'patch'] as const) {
    if (to[part] > from[part]) return part;
    if (to[part] < from[part]) return 'lower';
  }
  return 'none';
}
