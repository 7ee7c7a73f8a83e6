import { describe, expect, it } from 'vitest';
import { packValueText } from './pack-document.js';

describe('the provider pack PDF', () => {
  it('writes a wait with its unit as the screen does, and other figures as the quarterly report does', () => {
    expect(packValueText(40, 'days')).toBe('40 dagen');
    expect(packValueText(null, 'days')).toBe('–');
    expect(packValueText(12.5, 'percent')).toBe('12,5 %');
  });
});
