import { describe, expect, it } from 'vitest';
import {
  checkSchemaVersion,
  parseSemanticVersion,
  versionBump,
} from '../../../rules/schema-evolution/index.js';

const v1 = {
  'x-trackbridge-schema-version': '1.0.0',
  type: 'object',
  additionalProperties: false,
  required: ['id'],
  properties: { id: { type: 'string' } },
};
const at = (version: string, extra: object = {}) => ({
  ...v1,
  'x-trackbridge-schema-version': version,
  ...extra,
});
const withOptional = (version: string) =>
  at(version, { properties: { ...v1.properties, note: { type: 'string' } } });
const withRequired = (version: string) =>
  at(version, { required: ['id', 'note'], properties: { ...v1.properties, note: { type: 'string' } } });

describe('semantic versions', () => {
  it('parses major.minor.patch only and names the part that rose', () => {
    expect(parseSemanticVersion('1.10.0')).toEqual({ major: 1, minor: 10, patch: 0 });
    for (const text of ['1.0', '01.0.0', '1.0.0-rc.1', 'v1.0.0'])
      expect(parseSemanticVersion(text)).toBeUndefined();
    const of = (text: string) => parseSemanticVersion(text) ?? { major: 0, minor: 0, patch: 0 };
    expect(versionBump(of('1.2.3'), of('2.0.0'))).toBe('major');
    expect(versionBump(of('1.2.3'), of('1.3.0'))).toBe('minor');
    expect(versionBump(of('1.2.3'), of('1.2.4'))).toBe('patch');
    expect(versionBump(of('1.2.3'), of('1.2.3'))).toBe('none');
    expect(versionBump(of('1.2.3'), of('1.1.9'))).toBe('lower');
  });
});

describe('checkSchemaVersion', () => {
  it('accepts an unchanged schema and a new one', () => {
    expect(checkSchemaVersion('a.json', v1, v1).problems).toEqual([]);
    expect(checkSchemaVersion('a.json', undefined, v1)).toMatchObject({ problems: [], changes: [] });
  });

  it('needs a minor bump for a new optional property, and accepts a larger one', () => {
    expect(checkSchemaVersion('a.json', v1, withOptional('1.0.0'))).toMatchObject({
      needed: 'minor',
      bump: 'none',
      changes: [{ kind: 'compatible', description: 'new optional property "note"' }],
      problems: ['the changes need a minor version bump from 1.0.0, but the version is 1.0.0'],
    });
    expect(checkSchemaVersion('a.json', v1, withOptional('1.0.1')).problems).toHaveLength(1);
    expect(checkSchemaVersion('a.json', v1, withOptional('1.1.0')).problems).toEqual([]);
    expect(checkSchemaVersion('a.json', v1, withOptional('2.0.0')).problems).toEqual([]);
  });

  it('needs a major bump for a new required property', () => {
    expect(checkSchemaVersion('a.json', v1, withRequired('1.1.0')).problems).toEqual([
      'the changes need a major version bump from 1.0.0, but the version is 1.1.0',
    ]);
    expect(checkSchemaVersion('a.json', v1, withRequired('2.0.0')).problems).toEqual([]);
  });

  it('needs a patch bump for a description, and refuses a version that went down or is not semver', () => {
    expect(checkSchemaVersion('a.json', v1, at('1.0.0', { description: 'x' })).needed).toBe('patch');
    expect(checkSchemaVersion('a.json', v1, at('1.0.1', { description: 'x' })).problems).toEqual([]);
    expect(checkSchemaVersion('a.json', at('1.2.0'), at('1.1.0')).problems).toEqual([
      'version went down from 1.2.0 to 1.1.0',
    ]);
    expect(checkSchemaVersion('a.json', v1, at('1.1')).problems).toEqual([
      'x-trackbridge-schema-version "1.1" is not a version such as 1.0.0',
    ]);
  });
});
