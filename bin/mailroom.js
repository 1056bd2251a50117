#!/usr/bin/env node
// The `mailroom` command: TypeScript sources run through tsx, so a clone needs no build step.
import { register } from 'tsx/esm/api';

register();
await import('../core/cli.ts');
