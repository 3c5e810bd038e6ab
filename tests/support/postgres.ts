/**
 * For tests: a private, throwaway PostgreSQL cluster (Debian's `postgresql` package, found under
 * /usr/lib/postgresql/<version>/bin). `initdb` into a temporary directory (as the `postgres` OS
 * user when the tests run as root: initdb refuses root), `pg_ctl start` listening on a free port
 * of 127.0.0.1 only with its unix socket in that directory, a password-protected superuser, one
 * database per `createDatabase()`. `stop()` stops the server and deletes the directory. A
 * cluster left behind by a test process that died is stopped and deleted by the next start.
 * Tests never touch a system cluster.
 */
import { execFile as execFileCb } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  chownSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const execFile = promisify(execFileCb);

const DIR_PREFIX = 'hcard-pg-';
/** Upper bound on every server start or stop (pg_ctl -t) and every client program. */
const WAIT_SECONDS = 30;

export interface PostgresServer {
  /** The `postgres` database's URL (superuser): for creating databases. */
  readonly adminUrl: string;
  /** Creates an empty database and returns its URL. */
  createDatabase(name?: string): Promise<string>;
  stop(): Promise<void>;
}

export interface PostgresOptions {
  /** fsync off by default: the cluster is thrown away, and crash tests kill clients, not the server. */
  readonly fsync?: boolean;
}

/** The newest installed server's bin directory, or undefined. */
export function postgresBinDir(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, 'bin', 'initdb')) && existsSync(join(root, v, 'bin', 'postgres')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] === undefined ? undefined : join(root, versions[0], 'bin');
}

/** Why the rig cannot run here, or undefined when it can. */
export function postgresUnavailable(): string | undefined {
  return postgresBinDir()
    ? undefined
    : 'PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin: install Debian package postgresql (scripts/setup.sh does)';
}

type Owner = { uid: number; gid: number } | undefined;

/** The OS account the cluster runs as: ourselves, or `postgres` when we are root. */
function clusterOwner(): Owner {
  if (process.getuid?.() !== 0) return undefined;
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((l) => l.startsWith('postgres:'));
  if (!line) throw new Error('running as root but there is no postgres OS user to run initdb as');
  const [, , uid, gid] = line.split(':');
  return { uid: Number(uid), gid: Number(gid) };
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

const pidAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * Stops the cluster in `dir` and deletes the folder, even when the stop fails. Immediate: the
 * data is deleted next, so a clean shutdown buys nothing ("fast" once took over 10 s in CI).
 */
async function discardCluster(bin: string, dir: string, owner: Owner): Promise<void> {
  try {
    await execFile(
      join(bin, 'pg_ctl'),
      ['stop', '-D', join(dir, 'data'), '-m', 'immediate', '-w', '-t', String(WAIT_SECONDS)],
      { ...(owner ?? {}), timeout: (WAIT_SECONDS + 5) * 1000 },
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Stops and deletes clusters whose test process (its pid is in the directory's name) is gone. */
async function sweepOrphans(bin: string, owner: Owner): Promise<void> {
  for (const name of readdirSync(tmpdir())) {
    const match = new RegExp(`^${DIR_PREFIX}(\\d+)-`).exec(name);
    if (!match || pidAlive(Number(match[1]))) continue;
    await discardCluster(bin, join(tmpdir(), name), owner).catch(() => undefined);
  }
}

export async function startPostgres(options: PostgresOptions = {}): Promise<PostgresServer> {
  const bin = postgresBinDir();
  if (!bin) throw new Error(postgresUnavailable());
  const owner = clusterOwner();
  await sweepOrphans(bin, owner);

  const dir = mkdtempSync(join(tmpdir(), `${DIR_PREFIX}${process.pid}-`));
  if (owner) chownSync(dir, owner.uid, owner.gid);
  const run = async (program: string, args: readonly string[]) => {
    try {
      return await execFile(join(bin, program), args, {
        ...(owner ?? {}),
        cwd: dir,
        env: { ...process.env, LC_ALL: 'C.UTF-8', PGTZ: 'UTC' },
        timeout: (WAIT_SECONDS + 5) * 1000,
      });
    } catch (e) {
      const { stderr, stdout } = e as { stderr?: string; stdout?: string };
      const log = existsSync(join(dir, 'server.log')) ? readFileSync(join(dir, 'server.log'), 'utf8') : '';
      throw new Error(`${program} failed: ${stderr || stdout || String(e)}\n${log.slice(-2000)}`);
    }
  };

  const password = randomBytes(18).toString('base64url');
  const pwfile = join(dir, 'pwfile');
  writeFileSync(pwfile, `${password}\n`, { mode: 0o600 });
  if (owner) chownSync(pwfile, owner.uid, owner.gid);
  const data = join(dir, 'data');
  try {
    await run('initdb', [
      '-D',
      data,
      '-U',
      'postgres',
      '--pwfile',
      pwfile,
      '--auth',
      'scram-sha-256',
      '-E',
      'UTF8',
      '--no-sync',
    ]);
    const port = await freePort();
    const serverOptions = [
      `-p ${port}`,
      '-h 127.0.0.1',
      `-k ${dir}`,
      `-c fsync=${options.fsync ? 'on' : 'off'}`,
      '-c max_connections=100',
    ].join(' ');
    await run('pg_ctl', [
      'start',
      '-D',
      data,
      '-w',
      '-t',
      String(WAIT_SECONDS),
      '-l',
      join(dir, 'server.log'),
      '-o',
      serverOptions,
    ]);
    const base = `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}`;
    let databases = 0;
    return {
      adminUrl: `${base}/postgres`,
      async createDatabase(name = `t${process.pid}_${++databases}`) {
        // psql from the same bin directory: the rig needs no client library of its own.
        await run('psql', [
          '-X',
          '-q',
          '-v',
          'ON_ERROR_STOP=1',
          '-d',
          `${base}/postgres`,
          '-c',
          `CREATE DATABASE "${name.replaceAll('"', '""')}"`,
        ]);
        return `${base}/${encodeURIComponent(name)}`;
      },
      stop: () => discardCluster(bin, dir, owner),
    };
  } catch (e) {
    await discardCluster(bin, dir, owner).catch(() => undefined);
    throw e;
  }
}
