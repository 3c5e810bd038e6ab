import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  enableLoopbackQuickAck,
  type IpCommand,
  IpCommandError,
  loopbackRoutes,
  parseLocalRoutes,
  quickAckCommands,
  routeChangeArgs,
  runIp,
} from './loopback-quickack.js';

// `ip route show table local` on a Debian 12 machine (the trailing spaces are ip's).
const OFF = [
  'local 127.0.0.0/8 dev lo proto kernel scope host src 127.0.0.1 ',
  'local 127.0.0.1 dev lo proto kernel scope host src 127.0.0.1 ',
  'broadcast 127.255.255.255 dev lo proto kernel scope link src 127.0.0.1 ',
  'local 192.0.2.2 dev eth0 proto kernel scope host src 192.0.2.2 ',
  'broadcast 192.0.2.255 dev eth0 proto kernel scope link src 192.0.2.2 ',
];
const withQuickAck = (line: string) => `${line}quickack 1 `;
const ON = OFF.map((l, i) => (i < 2 ? withQuickAck(l) : l));

// The commands of testing/virtual-pcsc.md.
const DOC_COMMANDS = [
  'ip route change local 127.0.0.0/8 dev lo table local proto kernel scope host src 127.0.0.1 quickack 1',
  'ip route change local 127.0.0.1 dev lo table local proto kernel scope host src 127.0.0.1 quickack 1',
];

/**
 * A fake `ip` over a local table: `route show table local` prints it; `route change` replaces
 * the route of the same type and destination with the words given (as the kernel does, the
 * attributes given are all the route keeps). It can refuse changes, or be missing.
 */
function fakeIp(lines: readonly string[], behaviour: { refuse?: number[]; missing?: boolean } = {}) {
  const table = [...lines];
  const calls: string[] = [];
  let changes = 0;
  const ip: IpCommand = (args) => {
    calls.push(args.join(' '));
    if (behaviour.missing) throw new IpCommandError('the ip command (iproute2) is not installed', 'ENOENT');
    if (args.join(' ') === 'route show table local') return `${table.join('\n')}\n`;
    if (args[0] === 'route' && args[1] === 'change') {
      changes++;
      if (behaviour.refuse?.includes(changes))
        throw new IpCommandError('RTNETLINK answers: Operation not permitted');
      const words = [...args.slice(2)];
      const t = words.indexOf('table');
      expect(words.slice(t, t + 2)).toEqual(['table', 'local']);
      words.splice(t, 2);
      const i = table.findIndex((l) => l.startsWith(`${words[0]} ${words[1]} `));
      if (i < 0) throw new IpCommandError('RTNETLINK answers: No such file or directory');
      table[i] = `${words.join(' ')} `;
      return '';
    }
    throw new Error(`unexpected ip ${args.join(' ')}`);
  };
  return {
    ip,
    calls,
    table: () => [...table],
    changes: () => calls.filter((c) => c.startsWith('route change')),
  };
}

describe('parsing ip route show table local', () => {
  it('reads type, destination, device and quick-ACK of every route', () => {
    const routes = parseLocalRoutes(
      `${[...ON.slice(0, 2), OFF[2], 'local 10.0.0.1 dev lo quickack 0 '].join('\n')}\n`,
    );
    expect(routes.map(({ type, dst, dev, quickAck }) => ({ type, dst, dev, quickAck }))).toEqual([
      { type: 'local', dst: '127.0.0.0/8', dev: 'lo', quickAck: true },
      { type: 'local', dst: '127.0.0.1', dev: 'lo', quickAck: true },
      { type: 'broadcast', dst: '127.255.255.255', dev: 'lo', quickAck: false },
      { type: 'local', dst: '10.0.0.1', dev: 'lo', quickAck: false },
    ]);
  });

  it('keeps only the local routes of lo for 127.0.0.0/8 and 127.0.0.1', () => {
    expect(loopbackRoutes(parseLocalRoutes(OFF.join('\n'))).map((r) => r.dst)).toEqual([
      '127.0.0.0/8',
      '127.0.0.1',
    ]);
  });

  it('turns a route back into ip route change arguments: with quick-ACK, without, or as it was', () => {
    const [net, host] = loopbackRoutes(parseLocalRoutes(ON.join('\n')));
    expect(['ip', ...routeChangeArgs(host!, true)].join(' ')).toBe(DOC_COMMANDS[1]);
    expect(routeChangeArgs(net!, false).join(' ')).toBe(
      'route change local 127.0.0.0/8 dev lo table local proto kernel scope host src 127.0.0.1',
    );
    expect(routeChangeArgs(net!, 'as-is').join(' ')).toBe(`${DOC_COMMANDS[0]!.slice(3)}`);
    const [flagged] = parseLocalRoutes(
      'local 127.0.0.1 dev lo proto kernel scope host src 127.0.0.1 linkdown',
    );
    expect(routeChangeArgs(flagged!, true).join(' ')).toBe(DOC_COMMANDS[1]!.slice(3));
  });

  it('gives the documented commands as the hint', () => {
    expect(quickAckCommands()).toEqual(DOC_COMMANDS);
    expect(quickAckCommands(loopbackRoutes(parseLocalRoutes(OFF.join('\n'))))).toEqual(DOC_COMMANDS);
  });
});

describe('enableLoopbackQuickAck', () => {
  it('turns it on where it is off, and restore() puts the routes back exactly as they were', () => {
    const ip = fakeIp(OFF);
    const quickAck = enableLoopbackQuickAck(ip.ip);
    expect(quickAck.state).toBe('turned-on');
    expect(quickAck.changed).toEqual(['127.0.0.0/8', '127.0.0.1']);
    expect(ip.changes().map((c) => `ip ${c}`)).toEqual(DOC_COMMANDS);
    expect(ip.table()).toEqual(ON);

    expect(quickAck.restore()).toEqual({ restored: ['127.0.0.0/8', '127.0.0.1'], skipped: [] });
    expect(ip.table()).toEqual(OFF);
    // A second restore() changes nothing.
    const calls = ip.calls.length;
    quickAck.restore();
    expect(ip.calls.length).toBe(calls);
  });

  it('changes nothing, and restores nothing, when it is already on', () => {
    const ip = fakeIp(ON);
    const quickAck = enableLoopbackQuickAck(ip.ip);
    expect(quickAck.state).toBe('already-on');
    expect(quickAck.restore()).toEqual({ restored: [], skipped: [] });
    expect(ip.changes()).toEqual([]);
    expect(ip.table()).toEqual(ON);
  });

  it('is not "already on" while the 127.0.0.1 route (the one vpcd uses) lacks it', () => {
    const half = [ON[0]!, ...OFF.slice(1)];
    const ip = fakeIp(half);
    const quickAck = enableLoopbackQuickAck(ip.ip);
    expect(quickAck.state).toBe('turned-on');
    expect(quickAck.changed).toEqual(['127.0.0.1']);
    expect(ip.table()).toEqual(ON);
    quickAck.restore();
    expect(ip.table()).toEqual(half);
  });

  it('restores a route that had quickack 0 with quickack 0', () => {
    const zero = OFF.map((l, i) => (i < 2 ? `${l}quickack 0 ` : l));
    const ip = fakeIp(zero);
    const quickAck = enableLoopbackQuickAck(ip.ip);
    expect(quickAck.state).toBe('turned-on');
    quickAck.restore();
    expect(ip.table()).toEqual(zero);
  });

  it('leaves alone a route someone else turned off again before restore()', () => {
    const ip = fakeIp(OFF);
    const quickAck = enableLoopbackQuickAck(ip.ip);
    const [net] = loopbackRoutes(parseLocalRoutes(ip.ip(['route', 'show', 'table', 'local'])));
    ip.ip(routeChangeArgs(net!, false)); // someone else
    const before = ip.changes().length;
    expect(quickAck.restore()).toEqual({ restored: ['127.0.0.1'], skipped: ['127.0.0.0/8'] });
    expect(ip.changes().length).toBe(before + 1);
    expect(ip.table()).toEqual(OFF);
  });

  it('is unavailable without permission: says why and what to run, and changes nothing', () => {
    const ip = fakeIp(OFF, { refuse: [1, 2, 3, 4] });
    const quickAck = enableLoopbackQuickAck(ip.ip);
    expect(quickAck).toMatchObject({
      state: 'unavailable',
      reason: 'not permitted to change routes: needs root or CAP_NET_ADMIN',
      commands: DOC_COMMANDS,
      changed: [],
    });
    expect(ip.table()).toEqual(OFF);
    expect(quickAck.restore()).toEqual({ restored: [], skipped: [] });
  });

  it('puts back the first route when the second cannot be changed', () => {
    const ip = fakeIp(OFF, { refuse: [2] });
    const quickAck = enableLoopbackQuickAck(ip.ip);
    expect(quickAck.state).toBe('unavailable');
    expect(ip.changes()).toHaveLength(3); // on, refused, back
    expect(ip.table()).toEqual(OFF);
  });

  it('is unavailable without the ip command, and still gives the commands to run', () => {
    const quickAck = enableLoopbackQuickAck(fakeIp(OFF, { missing: true }).ip);
    expect(quickAck).toMatchObject({
      state: 'unavailable',
      reason: 'the ip command (iproute2) is not installed',
      commands: DOC_COMMANDS,
    });
  });

  it('is unavailable when there is no loopback route', () => {
    const quickAck = enableLoopbackQuickAck(fakeIp(OFF.slice(3)).ip);
    expect(quickAck.state).toBe('unavailable');
    expect(quickAck.reason).toMatch(/no loopback route/);
  });
});

describe.skipIf(!existsSync('/usr/sbin/ip') && !existsSync('/sbin/ip'))(
  'runIp (the real ip, read-only)',
  () => {
    it('returns what ip prints, and throws ip’s own message when it fails', () => {
      expect(
        loopbackRoutes(parseLocalRoutes(runIp(['route', 'show', 'table', 'local']))).length,
      ).toBeGreaterThan(0);
      expect(() => runIp(['route', 'show', 'table', 'no-such-table'])).toThrow(
        /^Error: argument "no-such-table" is wrong: table id value is invalid$/,
      );
    });

    it('says so when there is no ip command', () => {
      const path = process.env.PATH;
      process.env.PATH = '/nonexistent';
      try {
        expect(() => runIp(['route', 'show', 'table', 'local'])).toThrow(
          expect.objectContaining({ code: 'ENOENT', message: 'the ip command (iproute2) is not installed' }),
        );
      } finally {
        process.env.PATH = path;
      }
    });
  },
);
