/**
 * A V8 CPU profile (`node --cpu-prof`) as microseconds per request: for each function whose
 * name or file matches PATTERN, its time with what it calls (inclusive) and alone (self),
 * divided by the number of requests served while profiling. Used with gateway-profile.ts:
 *
 *   node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx tests/bench/gateway-profile.ts 10 gateway-only
 *   pnpm exec tsx tests/bench/cpuprofile-per-request.ts /tmp/prof/CPU.…cpuprofile REQUESTS [PATTERN]
 *
 * (REQUESTS: the printed req/s × the seconds.) A function that recurses counts once per sample.
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
  readonly children?: readonly number[];
}
interface Profile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

const [file, requestsText, pattern = '.'] = process.argv.slice(2);
if (!file || !Number(requestsText)) {
  console.error('usage: cpuprofile-per-request.ts PROFILE REQUESTS [PATTERN]');
  process.exit(2);
}
const requests = Number(requestsText);
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;

const parentOf = new Map<number, number>();
for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
const nodeById = new Map(profile.nodes.map((n) => [n.id, n]));
const nameOf = (node: ProfileNode) => {
  const where = node.callFrame.url
    .replace(/.*node_modules\/\.pnpm\//, '')
    .replace(/^file:\/\/.*?\/(packages|tests)\//, '$1/');
  return `${node.callFrame.functionName || '(anonymous)'} ${where}:${node.callFrame.lineNumber + 1}`;
};

// Sample time (µs) by the node it was taken in.
const timeByNode = new Map<number, number>();
for (const [i, id] of profile.samples.entries())
  timeByNode.set(id, (timeByNode.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));

const inclusive = new Map<string, number>();
const self = new Map<string, number>();
for (const [id, time] of timeByNode) {
  const own = nameOf(nodeById.get(id)!);
  self.set(own, (self.get(own) ?? 0) + time);
  const seen = new Set<string>();
  for (let at: number | undefined = id; at !== undefined; at = parentOf.get(at)) {
    const name = nameOf(nodeById.get(at)!);
    if (seen.has(name)) continue;
    seen.add(name);
    inclusive.set(name, (inclusive.get(name) ?? 0) + time);
  }
}

const matching = new RegExp(pattern);
console.log('| µs per request, inclusive | self | function |\n|---:|---:|---|');
for (const [name, time] of [...inclusive]
  .filter(([n]) => matching.test(n))
  .sort((a, b) => b[1] - a[1])
  .slice(0, 40))
  console.log(
    `| ${(time / requests).toFixed(2)} | ${((self.get(name) ?? 0) / requests).toFixed(2)} | ${name} |`,
  );
