export { tableDefinition } from './table-definition.js';
export { TABLE_SCHEMA } from './table-schema.js';
