#!/usr/bin/env node
// The workspace runs TypeScript sources through tsx (docs/decisions/001); register it, then
// hand over to the TypeScript entry point.
import { register } from 'tsx/esm/api';

register();
await import('../src/bin.ts');
