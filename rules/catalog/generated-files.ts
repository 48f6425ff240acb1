import type { CatalogEntry } from './catalog-entry.js';

/**
 * A kind of file generated from each catalog entry's schema and committed beside its consumer.
 * Declared here, where the catalog is checked, so that `loadCatalog()` knows every file that must
 * be fresh; the generator writes the same paths with the same `generator` in their header.
 */
export interface GeneratedFileKind {
  /** `<name>@<version>`; bump the version when the generator's output changes. */
  readonly generator: string;
  /** The command that (re)writes every file of this kind. */
  readonly command: string;
  /** Where an entry's file lives, relative to the repository root. */
  readonly path: (entry: CatalogEntry) => string;
}

const validatorBase = (entry: CatalogEntry): string =>
  `consumers/${entry.consumer.name}/validate-event.generated`;

/** The ajv standalone validator a consumer imports, and its declaration file. */
export const EVENT_VALIDATOR_FILES = {
  js: {
    generator: 'event-validator@1',
    command: 'npm run generate:validators',
    path: (entry) => `${validatorBase(entry)}.js`,
  },
  dts: {
    generator: 'event-validator@1',
    command: 'npm run generate:validators',
    path: (entry) => `${validatorBase(entry)}.d.ts`,
  },
} as const satisfies Record<string, GeneratedFileKind>;

/** The TypeScript types of a consumer's `detail` and delivered event (json-schema-to-typescript). */
export const DETAIL_TYPES_FILE = {
  generator: 'detail-types@1',
  command: 'npm run generate:validators',
  path: (entry) => `consumers/${entry.consumer.name}/detail.generated.d.ts`,
} as const satisfies GeneratedFileKind;

/** Every generated file kind; a new generator adds its kinds here. */
export const GENERATED_FILE_KINDS: readonly GeneratedFileKind[] = [
  ...Object.values(EVENT_VALIDATOR_FILES),
  DETAIL_TYPES_FILE,
];
