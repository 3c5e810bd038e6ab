/**
 * `hcard emulate`: serves a card image (or, with --blank, a blank card in the reference COS's
 * factory state), and the test PSAM, to pcscd's vpcd readers until
 * stopped, taking `remove` / `insert` / `reset` / `quit` / `help` from stdin, one per line.
 * Turns on loopback quick-ACK while it serves, when it may (as `hcard demo` does), so that a
 * reader through pcscd does not wait ~40 ms per APDU; turns it off again on stop.
 */
import { toHex } from '@hcard/card-core';
import {
  buildBlankCardImage,
  buildPsamImage,
  EmulatedChip,
  EmulatedHealthCard,
  EmulatedPsam,
  enableLoopbackQuickAck,
  TEST_PSAM_PIN,
  VPCD_DEFAULT_PORT,
  VpcdCard,
} from '@hcard/emulator';
import { imageHolder, loadCardImage } from '../card/image-file.js';
import { quickAckLine } from '../card/vpcd.js';
import { defineCommand } from '../shared/command.js';
import { usageError } from '../shared/errors.js';
import { maskIdNumber, maskName } from '../shared/privacy.js';
import { parseSeed } from '../shared/seed.js';
import { stdinCommands } from '../shared/stdin-commands.js';
import { stopSignal } from '../shared/stop-signal.js';

export const emulateCommand = defineCommand({
  name: 'emulate',
  summary: 'serve a card image (or a blank card) on a vpcd virtual reader',
  description: `
Serves a card image (JSON, e.g. from "hcard card new": the three-in-one chip with its health,
social-security and bank applications, or some of them, or a health card alone as the issuance
hopper writes it) to pcscd through the vpcd virtual reader driver, and the test PSAM on a second port, until Ctrl-C or SIGTERM. With Debian's vpcd
configuration, port 35963 is the reader "Virtual PCD 00 00" and 35964 "Virtual PCD 00 01".

With --blank it serves a blank card instead: the reference COS's factory state (file tree made,
test transport key loaded, no card keys), ready to be personalised; --seed picks its chip serial
and CN. emulator/README.md ("Reference COS: personalisation") describes its commands.

While it runs it reads commands from stdin, one per line:
  remove   take the card out of the reader
  insert   put it back
  reset    power-cycle the card (selection and security state are lost)
  quit     remove the cards and stop
  help     list these commands
Stopping always removes the cards.

vpcd costs ~40 ms per APDU on loopback unless quick-ACK is on for the loopback routes. The
emulator turns it on while it serves when it may (root or CAP_NET_ADMIN) and turns it off again
on stop if it was off; its second line says which, or what to run when it could not.

The test PSAM's PIN is ${TEST_PSAM_PIN} unless --psam-pin gives another; the ready line says
which. A reader then needs that PIN configured (HCARD_PSAM_PIN). The test PSAM blocks after 3
wrong PINs, like a real one; restart the emulator to unblock it.`,
  options: {
    card: { type: 'string', value: 'file', description: 'card image to serve (this or --blank)' },
    blank: { type: 'boolean', description: 'serve a blank card in the factory state instead of an image' },
    seed: {
      type: 'string',
      value: 'seed',
      description: "the blank card's chip serial and CN come from it (with --blank)",
    },
    port: {
      type: 'string',
      value: 'port',
      description: 'vpcd port of the user-card reader',
      default: String(VPCD_DEFAULT_PORT),
    },
    'psam-port': {
      type: 'string',
      value: 'port',
      description: `vpcd port for the test PSAM (default: --port + 1, ${VPCD_DEFAULT_PORT + 1})`,
    },
    'no-psam': { type: 'boolean', description: 'serve no PSAM' },
    'psam-pin': {
      type: 'string',
      value: 'pin',
      description: 'PIN of the test PSAM, an even number (4–16) of digits',
      default: TEST_PSAM_PIN,
    },
  },
  examples: [
    'hcard card new --seed 7 --out card.json && hcard emulate --card card.json',
    'hcard emulate --blank --seed 3',
    'hcard emulate --card card.json --psam-pin 654321',
  ],
  run: async (options, io) => {
    if (options.card === undefined && !options.blank)
      throw usageError('--card <file> or --blank is required', 'hcard emulate');
    if (options.card !== undefined && options.blank)
      throw usageError('--card and --blank exclude each other', 'hcard emulate');
    if (options.seed !== undefined && !options.blank)
      throw usageError('--seed needs --blank (a card image has its chip already)', 'hcard emulate');
    if (options['no-psam'] && options['psam-port'] !== undefined)
      throw usageError('--psam-port and --no-psam exclude each other', 'hcard emulate');
    const port = parsePort(options.port, '--port');
    const psamPort = options['no-psam']
      ? undefined
      : parsePort(options['psam-port'] ?? String(port + 1), '--psam-port');
    if (psamPort === port) throw usageError('--psam-port must differ from --port', 'hcard emulate');
    const psamPin = options['psam-pin'];
    if (!/^(\d\d){2,8}$/.test(psamPin))
      throw usageError('--psam-pin must be an even number (4–16) of digits', 'hcard emulate');
    const { card, health, apps } =
      options.card === undefined ? blankCard(options.seed) : loadCardImage(options.card);

    const served = new VpcdCard(card, { port });
    const psam =
      psamPort === undefined
        ? undefined
        : new VpcdCard(new EmulatedPsam(buildPsamImage({ pin: psamPin })), { port: psamPort });
    const stop = stopSignal();
    let inserted = true;
    const commands = stdinCommands(io, {
      remove: {
        help: 'take the card out',
        run: () => {
          if (!inserted) return io.out('remove: the card is already out');
          inserted = false;
          served.remove();
          io.out(`removed: the card is out of vpcd port ${port}`);
        },
      },
      insert: {
        help: 'put it back',
        run: () => {
          if (inserted) return io.out('insert: the card is already in');
          inserted = true;
          // Resolves once vpcd has accepted the card again.
          void served.insert().then(() => io.out(`inserted: the card is in vpcd port ${port}`));
        },
      },
      reset: {
        help: 'power-cycle the card',
        run: () => {
          card.reset();
          io.out('reset: the card lost its selection and security state');
        },
      },
    });
    // Serve until stopped, even with no card connected and stdin at its end.
    const keepAlive = setInterval(() => undefined, 2 ** 30);

    const holder =
      health && (health.lifecycle === undefined || health.lifecycle === 'issued')
        ? imageHolder(health)
        : undefined;
    const who = holder
      ? `${maskName(holder.name)} ${maskIdNumber(holder.idNumber)}, `
      : health?.lifecycle === 'factory'
        ? `blank (factory state, chip ${health.chipSerial}), `
        : '';
    const onChip = apps.length === 1 && apps[0] === 'health' ? '' : `, applications ${apps.join(', ')}`;
    io.out(`card: ${who}ATR ${toHex(card.atr)}${onChip}`);
    // Before the cards connect to vpcd (a connection takes the route's setting when it opens).
    const quickAck = enableLoopbackQuickAck();
    io.out(quickAckLine(quickAck, 'turned off again on stop'));
    const waiting = setTimeout(
      () => io.err(`hcard: waiting for vpcd on port ${port}; is pcscd running with the vpcd driver?`),
      2000,
    );
    try {
      const connected = Promise.all([served.insert(), psam?.insert()]).then(() => 'ready' as const);
      let reason = await Promise.race([connected, stop.stopped, commands.quit]);
      clearTimeout(waiting);
      if (reason === 'ready') {
        // The emulated PSAM's PIN is a test value, so saying it is what a tester needs.
        const psamText = psam ? `the test PSAM (PIN ${psamPin}) on port ${psamPort}` : 'no PSAM';
        io.out(`ready: the card on vpcd port ${port}, ${psamText}; stdin commands: ${commands.names}`);
        reason = await Promise.race([stop.stopped, commands.quit]);
      }
      served.remove();
      psam?.remove();
      io.out(`stopped (${reason}): cards removed`);
      if (quickAck.state === 'turned-on') {
        const { error } = quickAck.restore();
        io.out(
          error === undefined
            ? 'loopback quick-ACK turned off again'
            : `loopback quick-ACK could not be turned off again: ${error}`,
        );
      }
      return 0;
    } finally {
      clearTimeout(waiting);
      served.remove();
      psam?.remove();
      quickAck.restore();
      clearInterval(keepAlive);
      commands.close();
      stop.dispose();
    }
  },
});

function blankCard(seed: string | undefined) {
  const health = buildBlankCardImage(seed === undefined ? {} : { seed: parseSeed(seed) });
  return { card: new EmulatedChip({ health: new EmulatedHealthCard(health) }), health, apps: ['health'] };
}

function parsePort(text: string, option: string): number {
  const port = Number(text);
  if (!/^\d+$/.test(text) || port < 1 || port > 65535)
    throw usageError(`${option} must be a TCP port (1–65535), not "${text}"`, 'hcard emulate');
  return port;
}
