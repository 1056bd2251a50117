import { describe, expect, it } from 'vitest';
import { fitTemperature } from '../../classifier/calibration.js';

describe('fitTemperature', () => {
  it('keeps 1 when every held-out letter is ranked right: nothing to sharpen by, instead of the search floor', () => {
    const logits = [[3, 0, 0], [0, 2, 0], [0, 0, 1], [1, 0, 0]];
    expect(fitTemperature(logits, [0, 1, 2, 0])).toBe(1);
  });

  it('softens an overconfident model that gets letters wrong, and sharpens an underconfident one', () => {
    // Confident and right 7 times, confident and wrong 3 times: a temperature above 1.
    const over = [...Array(7).fill([6, 0, 0]), ...Array(3).fill([6, 0, 0])];
    const overT = fitTemperature(over, [...Array(7).fill(0), ...Array(3).fill(1)]);
    expect(overT).toBeGreaterThan(1.5);
    // Timid (logit gap 0.2) but right 19 of 20 times: a temperature below 1.
    const timid = [...Array(20).fill([0.2, 0, 0])];
    const timidT = fitTemperature(timid, [...Array(19).fill(0), 1]);
    expect(timidT).toBeLessThan(0.5);
    expect(timidT).toBeGreaterThan(0.05);
  });
});
