/**
 * SM2 throughput: hcard's GB/T 32918.2 signatures (@noble/curves point arithmetic) against
 * sm-crypto 0.5.8 (jsbn), same machine, same run. Not a test: run with
 * `pnpm tsx tests/bench/sm2.bench.ts`. `benchSm2()` is exported for a combined benchmark.
 */
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  fromHex,
  sm2Digest,
  sm2GenerateKeyPair,
  sm2Sign,
  sm2SignDigest,
  sm2Verify,
  sm2VerifyDigest,
  toHex,
} from '@hcard/card-core';

/** The part of sm-crypto used here (the package ships no type declarations). */
interface SmCryptoSm2 {
  doSignature(
    message: ArrayLike<number>,
    privateKeyHex: string,
    options: { hash: boolean; der: boolean },
  ): string;
  doVerifySignature(
    message: ArrayLike<number>,
    signatureHex: string,
    publicKeyHex: string,
    options: { hash: boolean; der: boolean },
  ): boolean;
}
const smCrypto = createRequire(import.meta.url)('sm-crypto') as { sm2: SmCryptoSm2 };

export interface Row {
  /** What is measured. */
  name: string;
  /** hcard, operations per second. */
  hcard: number;
  /** sm-crypto 0.5.8, operations per second. */
  smCrypto: number;
  /** hcard / sm-crypto. */
  ratio: number;
}

const MEASURE_MS = 1500;
const MAX_ITERATIONS = 1_000_000;

/** Operations per second of `operation`, run for about `durationMs` after a short warm-up. */
function opsPerSecond(operation: () => unknown, durationMs = MEASURE_MS): number {
  for (let i = 0; i < 5; i++) operation();
  const start = performance.now();
  let iterations = 0;
  let elapsed = 0;
  while (elapsed < durationMs && iterations < MAX_ITERATIONS) {
    operation();
    iterations++;
    elapsed = performance.now() - start;
  }
  return (iterations * 1000) / elapsed;
}

function check(ok: boolean, what: string): void {
  if (!ok) throw new Error(`benchmark self-check failed: ${what}`);
}

/** Measures sign and verify, over a message (with Z_A) and over a precomputed digest (the PSAM form). */
export async function benchSm2(durationMs = MEASURE_MS): Promise<Row[]> {
  const { privateKey, publicKey } = sm2GenerateKeyPair();
  const privateHex = toHex(privateKey);
  const publicHex = toHex(publicKey);
  // An encounter-record-sized message.
  const message = new Uint8Array(1639).map((_, i) => (i * 31) & 0xff);
  const e = sm2Digest(publicKey, message);

  const ourSignature = sm2Sign(privateKey, message);
  const theirSignature = smCrypto.sm2.doSignature(message, privateHex, { hash: true, der: false });
  const ourDigestSignature = sm2SignDigest(privateKey, e);
  const theirDigestSignature = smCrypto.sm2.doSignature(e, privateHex, { hash: false, der: false });
  // Each implementation checks the other's signature, so both measure the same work.
  check(sm2Verify(publicKey, message, fromHex(theirSignature)), 'hcard verify');
  check(
    smCrypto.sm2.doVerifySignature(message, toHex(ourSignature), publicHex, { hash: true, der: false }),
    'sm-crypto verify',
  );
  check(sm2VerifyDigest(publicKey, e, fromHex(theirDigestSignature)), 'hcard verify digest');

  const cases: [string, () => unknown, () => unknown][] = [
    [
      'SM2 sign (message, Z_A, key derivation)',
      () => sm2Sign(privateKey, message),
      () => smCrypto.sm2.doSignature(message, privateHex, { hash: true, der: false }),
    ],
    [
      'SM2 verify (message, Z_A)',
      () => sm2Verify(publicKey, message, ourSignature),
      () => smCrypto.sm2.doVerifySignature(message, theirSignature, publicHex, { hash: true, der: false }),
    ],
    [
      'SM2 sign digest e (PSAM form)',
      () => sm2SignDigest(privateKey, e),
      () => smCrypto.sm2.doSignature(e, privateHex, { hash: false, der: false }),
    ],
    [
      'SM2 verify digest e',
      () => sm2VerifyDigest(publicKey, e, ourDigestSignature),
      () => smCrypto.sm2.doVerifySignature(e, theirDigestSignature, publicHex, { hash: false, der: false }),
    ],
  ];

  const rows: Row[] = [];
  for (const [name, ours, theirs] of cases) {
    const hcard = opsPerSecond(ours, durationMs);
    // Yield between measurements so a combined benchmark stays responsive.
    await new Promise((done) => setImmediate(done));
    const smCryptoOps = opsPerSecond(theirs, durationMs);
    await new Promise((done) => setImmediate(done));
    rows.push({ name, hcard, smCrypto: smCryptoOps, ratio: hcard / smCryptoOps });
  }
  return rows;
}

function printRows(rows: readonly Row[]): void {
  const nameWidth = Math.max(...rows.map((r) => r.name.length), 'operation'.length);
  const line = (a: string, b: string, c: string, d: string) =>
    `${a.padEnd(nameWidth)}  ${b.padStart(10)}  ${c.padStart(12)}  ${d.padStart(8)}`;
  console.log(line('operation', 'hcard/s', 'sm-crypto/s', 'ratio'));
  console.log('-'.repeat(nameWidth + 38));
  for (const r of rows) {
    console.log(line(r.name, r.hcard.toFixed(0), r.smCrypto.toFixed(0), `${r.ratio.toFixed(1)}x`));
  }
}

async function main(): Promise<void> {
  console.log(`SM2 benchmark, Node ${process.version}, ~${MEASURE_MS} ms per measurement`);
  printRows(await benchSm2());
}

const executedDirectly =
  process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (executedDirectly) await main();
