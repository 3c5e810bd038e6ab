// Worker threads start without the parent's loaders: register tsx (the workspace has no build
// step), then run the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./commit-worker.ts');
