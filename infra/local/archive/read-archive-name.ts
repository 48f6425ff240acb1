import { assertConstraints } from '../events/constraints.js';
import { InputReader } from '../events/input-reader.js';
import { modelConstraints, required } from '../events/model-constraints.js';

/** Reads and checks the required `ArchiveName` of Describe/Update/DeleteArchive. */
export function readArchiveName(body: unknown): { input: InputReader; name: string } {
  const input = InputReader.of(body);
  const name = input.string('ArchiveName');
  assertConstraints([
    { path: 'archiveName', value: name, constraint: required(modelConstraints.ArchiveName) },
  ]);
  return { input, name: name ?? '' };
}
