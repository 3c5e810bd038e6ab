/**
 * Bearer tokens: 32 random bytes shown once as `hcard_<base64url>`; the config keeps only their
 * SHA-256. `TokenStore` answers "which client, which scopes" for a presented token and re-reads
 * the config file when it changes, so a token created or revoked while the gateway runs takes
 * effect at the next request.
 */
import { hash, randomBytes, timingSafeEqual } from 'node:crypto';
import { hcardError } from '@hcard/card-core';
import {
  type GatewayConfig,
  loadOrCreateConfig,
  readConfigFile,
  type Scope,
  type TokenEntry,
  writeConfigFile,
} from './config.js';
import { FileChange, type FileStamp } from './file-change.js';

const PREFIX = 'hcard_';

/** A token's SHA-256 as hex: what the config keeps, and what a presented token is looked up by. */
const sha256Hex = (text: string): string => hash('sha256', text);

export interface Principal {
  readonly client: string;
  readonly scopes: ReadonlySet<Scope>;
  readonly tokenId: string;
}

/** Adds a token for `client` to the config file (creating the file if needed); returns the token, shown once. */
export function createToken(
  file: string,
  client: string,
  scopes: readonly Scope[],
  now = new Date(),
): { token: string; entry: TokenEntry } {
  const { config } = loadOrCreateConfig(file);
  const token = `${PREFIX}${randomBytes(32).toString('base64url')}`;
  const digest = sha256Hex(token);
  const entry: TokenEntry = {
    id: digest.slice(0, 12),
    client,
    scopes: [...scopes],
    sha256: digest,
    created: now.toISOString(),
  };
  writeConfigFile(file, { ...config, tokens: [...config.tokens, entry] });
  return { token, entry };
}

/** Removes the token with this id, or every token of this client; returns what was removed. */
export function revokeTokens(
  file: string,
  value: string,
  by: 'id' | 'client' | 'either' = 'either',
): TokenEntry[] {
  const config = readConfigFile(file);
  if (!config) throw hcardError('HCARD_E_CONFIG_INVALID', `${file} does not exist`);
  const removed = config.tokens.filter(
    (t) => (by !== 'client' && t.id === value) || (by !== 'id' && t.client === value),
  );
  if (removed.length > 0)
    writeConfigFile(file, { ...config, tokens: config.tokens.filter((t) => !removed.includes(t)) });
  return removed;
}

export function listTokens(file: string): readonly TokenEntry[] {
  return readConfigFile(file)?.tokens ?? [];
}

/**
 * Looks tokens up in the config, re-reading the file whenever it changed on disk. The file is
 * looked at (one `stat`) once per turn of the event loop: every request handled in a turn was
 * received before that turn began, so a token revoked before a request was sent is refused, and
 * a busy gateway does not pay a system call per request.
 */
export class TokenStore {
  #tokens: readonly TokenEntry[];
  #checkedThisTurn = false;
  /** Principals by token hash (hex), for the tokens as last read. */
  #principals = new Map<string, Principal | undefined>();
  /** What each keep-alive connection last presented, and for which tokens as read. */
  #lastOn = new WeakMap<object, { token: string; tokens: readonly TokenEntry[]; principal?: Principal }>();

  readonly #fileChange: FileChange | undefined;

  /** `file` undefined: the tokens given are fixed (tests, embedded use). `stampOf`: see FileChange. */
  constructor(
    readonly file: string | undefined,
    initial: GatewayConfig['tokens'],
    options: { stampOf?: (file: string) => FileStamp | undefined } = {},
  ) {
    // The first look reads the file, in case it changed since `initial` was read.
    this.#fileChange = file === undefined ? undefined : new FileChange(file, options.stampOf);
    this.#tokens = initial;
  }

  #refresh(): void {
    if (this.#fileChange === undefined || this.#checkedThisTurn) return;
    this.#checkedThisTurn = true;
    setImmediate(() => {
      this.#checkedThisTurn = false;
    });
    if (!this.#fileChange.changed()) return;
    try {
      this.#tokens = readConfigFile(this.#fileChange.file)?.tokens ?? [];
      this.#principals = new Map();
    } catch {
      // A half-edited file keeps the tokens we had; the next change is read again.
    }
  }

  /**
   * The principal of a presented token, or undefined. The lookup is by the token's SHA-256, so
   * its time tells nothing about the token's characters; a new hash is compared with every
   * entry in constant time.
   */
  authenticate(token: string): Principal | undefined {
    this.#refresh();
    if (!token.startsWith(PREFIX)) return undefined;
    const presented = sha256Hex(token);
    if (this.#principals.has(presented)) return this.#principals.get(presented);
    const principal = this.#lookUp(Buffer.from(presented, 'hex'));
    // Bounded: a client guessing tokens only makes it start again.
    if (this.#principals.size >= 1024) this.#principals.clear();
    this.#principals.set(presented, principal);
    return principal;
  }

  /**
   * `authenticate`, remembered per connection: a client on a keep-alive connection presents the
   * same token on every request, and hashing it each time was the largest single cost of a
   * snapshot read. A token is only ever compared with the one the same connection presented
   * before, so that comparison's time tells a client nothing it did not send itself; anything
   * else takes the hashed way. Reading the tokens again (a token created or revoked) forgets it.
   */
  authenticateOn(connection: object | undefined, token: string): Principal | undefined {
    if (connection === undefined) return this.authenticate(token);
    this.#refresh();
    const last = this.#lastOn.get(connection);
    if (last && last.token === token && last.tokens === this.#tokens) return last.principal;
    const principal = this.authenticate(token);
    this.#lastOn.set(connection, { token, tokens: this.#tokens, ...(principal ? { principal } : {}) });
    return principal;
  }

  #lookUp(presented: Buffer): Principal | undefined {
    let found: TokenEntry | undefined;
    for (const entry of this.#tokens) {
      // Every entry is compared, so the time does not tell which one matched.
      if (timingSafeEqual(presented, Buffer.from(entry.sha256, 'hex')) && !found) found = entry;
    }
    return found && { client: found.client, scopes: new Set(found.scopes), tokenId: found.id };
  }
}
