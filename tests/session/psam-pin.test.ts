/**
 * A desk PSAM must never be blocked by hcard: no default PIN, nothing sent without one, and a
 * PIN the PSAM refused is never presented to it again in the same process.
 */
import {
  type CardChannel,
  forwardChannel,
  HealthCardSession,
  PsamClient,
  PsamPinGuard,
} from '@hcard/card-core';
import {
  buildPsamImage,
  EmulatedHealthCard,
  EmulatedPsam,
  generateCard,
  TEST_PSAM_PIN,
} from '@hcard/emulator';
import { describe, expect, it } from 'vitest';

/** Counts what reaches the PSAM: every APDU, and VERIFY (INS 20) apart. */
function counted(inner: CardChannel) {
  const sent = { apdus: 0, verifies: 0 };
  const channel = forwardChannel(inner, (command) => {
    sent.apdus++;
    if (command[1] === 0x20) sent.verifies++;
    return inner.transmit(command);
  });
  return { channel, sent };
}

function rig(pin = '654321') {
  const psam = new EmulatedPsam(buildPsamImage({ pin }));
  const { channel, sent } = counted(psam);
  const card = new EmulatedHealthCard(generateCard(3).image);
  return { psam, channel, sent, card };
}

const open = (card: CardChannel, client: PsamClient, psamPin?: string) =>
  HealthCardSession.open(card, client, psamPin === undefined ? {} : { settings: { psamPin } });

describe('the PSAM PIN', () => {
  it('has no default: without one, opening fails before any APDU reaches the PSAM or the card', async () => {
    const { channel, sent, card } = rig();
    await expect(open(card, new PsamClient(channel, { pinGuard: new PsamPinGuard() }))).rejects.toMatchObject(
      {
        code: 'HCARD_E_PSAM_PIN_MISSING',
      },
    );
    expect(sent.apdus).toBe(0);
    expect(card.commandCount).toBe(0);
    await expect(new PsamClient(channel).open(undefined)).rejects.toMatchObject({
      code: 'HCARD_E_PSAM_PIN_MISSING',
    });
    expect(sent.apdus).toBe(0);
  });

  it('says how many tries are left after a wrong PIN, and never presents that PIN again', async () => {
    const { channel, sent, card } = rig('654321');
    const guard = new PsamPinGuard();
    const first = open(card, new PsamClient(channel, { pinGuard: guard }), '111111');
    await expect(first).rejects.toMatchObject({
      code: 'HCARD_E_PSAM_PIN_WRONG',
      details: { retriesLeft: 2 },
    });
    await expect(first).rejects.toThrow(/2 tries left/);
    expect(sent.verifies).toBe(1);

    // A new client and a new session in the same process: the refused PIN is not sent.
    const again = open(card, new PsamClient(channel, { pinGuard: guard }), '111111');
    await expect(again).rejects.toMatchObject({
      code: 'HCARD_E_PSAM_PIN_WRONG',
      details: { retriesLeft: 2 },
    });
    await expect(again).rejects.toThrow(/refused earlier \(2 tries left\)/);
    expect(sent.verifies).toBe(1);

    // The right PIN still works, and the PSAM's counter shows only one try was used.
    const opened = await open(card, new PsamClient(channel, { pinGuard: guard }), '654321');
    expect(opened.ok).toBe(true);
    expect(sent.verifies).toBe(2);
  });

  it('remembers a refusal per PSAM: another PSAM (another ATR) still gets the PIN', async () => {
    const guard = new PsamPinGuard();
    const a = rig('654321');
    await expect(
      open(a.card, new PsamClient(a.channel, { pinGuard: guard }), '123456'),
    ).rejects.toMatchObject({
      code: 'HCARD_E_PSAM_PIN_WRONG',
    });
    const otherImage = { ...buildPsamImage({ pin: '123456' }), atr: '3B6900004843534D303032' };
    const other = counted(new EmulatedPsam(otherImage));
    const opened = await open(a.card, new PsamClient(other.channel, { pinGuard: guard }), '123456');
    expect(opened.ok).toBe(true);
    expect(other.sent.verifies).toBe(1);
  });

  it('reports a blocked PSAM as blocked after the last try, and sends nothing more for that PIN', async () => {
    const { channel, sent, card } = rig('654321');
    for (const pin of ['111111', '222222']) {
      await expect(
        open(card, new PsamClient(channel, { pinGuard: new PsamPinGuard() }), pin),
      ).rejects.toMatchObject({ code: 'HCARD_E_PSAM_PIN_WRONG' });
    }
    const guard = new PsamPinGuard();
    await expect(open(card, new PsamClient(channel, { pinGuard: guard }), '333333')).rejects.toMatchObject({
      code: 'HCARD_E_PSAM_BLOCKED',
    });
    expect(sent.verifies).toBe(3);
    await expect(open(card, new PsamClient(channel, { pinGuard: guard }), '333333')).rejects.toMatchObject({
      code: 'HCARD_E_PSAM_PIN_WRONG',
      details: { retriesLeft: 0 },
    });
    expect(sent.verifies).toBe(3);
  });

  it('shares one guard per process by default', async () => {
    const { channel, sent, card } = rig('654321');
    await expect(open(card, new PsamClient(channel), '999999')).rejects.toMatchObject({
      code: 'HCARD_E_PSAM_PIN_WRONG',
    });
    await expect(open(card, new PsamClient(channel), '999999')).rejects.toThrow(/refused earlier/);
    expect(sent.verifies).toBe(1);
  });

  it('never puts the PIN into an error', async () => {
    const { channel, card } = rig('654321');
    const error = await open(card, new PsamClient(channel, { pinGuard: new PsamPinGuard() }), '246810').then(
      () => undefined,
      (e: unknown) => e as Error & { details: unknown },
    );
    expect(error?.message).toMatch(/2 tries left/);
    expect(`${error?.message} ${JSON.stringify(error?.details)}`).not.toContain('246810');
  });

  it('opens with the test PIN against the test PSAM', async () => {
    const psam = new EmulatedPsam(buildPsamImage());
    const card = new EmulatedHealthCard(generateCard(3).image);
    expect((await open(card, new PsamClient(psam), TEST_PSAM_PIN)).ok).toBe(true);
  });
});
