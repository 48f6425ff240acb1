#!/usr/bin/env node
// The `trackbridge` command: runs the TypeScript entry through tsx's loader (no build step; tsx is
// a runtime dependency, so this works after `npm ci --omit=dev` too).
import { register } from 'tsx/esm/api';

register();
await import('../infra/local/main.ts');
