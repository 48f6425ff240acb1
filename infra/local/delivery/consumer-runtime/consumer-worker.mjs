// The consumer runtime's thread (see consumer-runtime.ts). Plain JavaScript on purpose: a worker
// thread does not inherit a TypeScript loader under every runner (vitest has none to give), so
// this registers tsx before loading the TypeScript that serves invocations and the consumers.
import { register } from 'tsx/esm/api';

register();
await import('./serve-invocations.ts');
