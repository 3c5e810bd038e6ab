import { fromHex, hcardError } from '@hcard/card-core';
import { describe, expect, it } from 'vitest';
import { FrameReceiver } from './transport.js';

const STATUS_OK = fromHex('AA AA AA 96 69 00 04 00 00 90 94');

describe('FrameReceiver', () => {
  it('serves frames in order, whether they came before or after the receive', async () => {
    const r = new FrameReceiver('test');
    r.push(STATUS_OK);
    expect(await r.receive(50)).toMatchObject({ sw3: 0x90 });
    const waiting = r.receive(1000);
    r.push(STATUS_OK.subarray(0, 4));
    r.push(STATUS_OK.subarray(4));
    expect(await waiting).toMatchObject({ sw3: 0x90 });
  });

  it('times out with HCARD_E_IDCARD_TIMEOUT naming the port and the limit', async () => {
    const r = new FrameReceiver('/dev/ttyUSB9');
    await expect(r.receive(20)).rejects.toMatchObject({
      code: 'HCARD_E_IDCARD_TIMEOUT',
      details: { timeoutMs: 20, port: '/dev/ttyUSB9' },
    });
  });

  it('passes a checksum error to the waiting receive', async () => {
    const r = new FrameReceiver('test');
    const waiting = r.receive(1000);
    r.push(fromHex('AA AA AA 96 69 00 04 00 00 90 95'));
    await expect(waiting).rejects.toMatchObject({ code: 'HCARD_E_IDCARD_FRAME_CHECKSUM' });
  });

  it('drops stale frames and half frames on discardPending', async () => {
    const r = new FrameReceiver('test');
    r.push(STATUS_OK);
    r.push(STATUS_OK.subarray(0, 6));
    r.discardPending();
    await expect(r.receive(20)).rejects.toMatchObject({ code: 'HCARD_E_IDCARD_TIMEOUT' });
  });

  it('fails every receive once the connection is gone', async () => {
    const r = new FrameReceiver('test');
    const waiting = r.receive(1000);
    r.fail(hcardError('HCARD_E_IDCARD_PORT_FAILED', 'gone'));
    await expect(waiting).rejects.toMatchObject({ code: 'HCARD_E_IDCARD_PORT_FAILED' });
    await expect(r.receive(1000)).rejects.toMatchObject({ code: 'HCARD_E_IDCARD_PORT_FAILED' });
  });
});
