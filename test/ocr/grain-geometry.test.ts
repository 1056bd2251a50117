import { describe, expect, it } from 'vitest';
import { preparePage } from '../../ocr/page-preparer.js';
import { greyPaper, renderLetter } from './render-test-page.js';

const slow = process.env.MAILROOM_SKIP_SLOW ? describe.skip : describe;

// A letter's last page often holds only the closing and the signature. On grey, grainy paper
// Otsu split the grain itself, and the skew search turned such level pages by up to 10°, after
// which the signature (the sender's name) was not read at all.
slow('a sparse page on grainy grey paper', () => {
  it.each([200, 300])('is left level at %i dpi', async (dpi) => {
    const page = await greyPaper(await renderLetter(['Z poważaniem,', 'Krystyna Nowakowska'], dpi), 60, 190, 30);
    const p = await preparePage(page);
    expect(p.rotation).toBe(0);
    expect(Math.abs(p.skewDegrees)).toBeLessThanOrEqual(0.5);
  });
});
