import { describe, expect, it } from 'vitest';
import { pairSlots } from './slots.js';

describe('pairSlots', () => {
  const desk = ['ACS ACR39U 00 00', 'ACS ACR39U 00 01', 'Virtual PCD 00 00', 'Virtual PCD 00 01'];

  it('pairs the first user slot (00) with the SAM slot (01) of the same reader', () => {
    expect(pairSlots(desk)).toEqual({ user: 'ACS ACR39U 00 00', psam: 'ACS ACR39U 00 01' });
  });

  it('takes explicit names, and derives the PSAM slot from an explicit user slot', () => {
    expect(pairSlots(desk, { user: 'Virtual PCD 00 00' })).toEqual({
      user: 'Virtual PCD 00 00',
      psam: 'Virtual PCD 00 01',
    });
    expect(pairSlots(desk, { user: 'ACS ACR39U 00 00', psam: 'Virtual PCD 00 01' })).toEqual({
      user: 'ACS ACR39U 00 00',
      psam: 'Virtual PCD 00 01',
    });
  });

  it('finds no pair when the PSAM slot or the user slot is missing', () => {
    expect(pairSlots(['Reader 00 00'])).toBeUndefined();
    expect(pairSlots(['Reader 00 01'])).toBeUndefined();
    expect(pairSlots(desk, { user: 'Missing 00 00' })).toBeUndefined();
  });
});
