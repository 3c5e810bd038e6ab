#!/usr/bin/env node
// The workspace has no build step: tsx compiles the TypeScript sources as they load.
import { register } from 'tsx/esm/api';

register();
try {
  await import('../src/main.ts');
} catch (e) {
  // Only a failure to load the sources gets here (main.ts catches everything else): one line.
  const message = String(e instanceof Error ? e.message : e).split('\n')[0];
  process.stderr.write(`hcard: HCARD_E_INTERNAL: Internal error: cannot load hcard: ${message}\n`);
  process.exitCode = 70;
}
