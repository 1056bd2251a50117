import { describe, expect, it } from 'vitest';
import { emailRepairs } from '../../router/email-repair.js';

describe("e-mail repairs (lookup keys for addresses the OCR damaged)", () => {
  it("puts the '@' back where the OCR read a letter, a symbol or a space", () => {
    expect(emailRepairs(['jan.kowalskiqexample.pl'])).toContain('jan.kowalski@example.pl');
    expect(emailRepairs(['jan.kowalski example.pl'])).toContain('jan.kowalski@example.pl');
  });

  it("drops one speck beside a surviving '@' and reads look-alike letters touching digits as digits", () => {
    expect(emailRepairs(['market.groszek969@rexample.com'])).toContain('market.groszek969@example.com');
    expect(emailRepairs(['kazimierz.maciejewskis57@poczta.example.pl'])).toContain('kazimierz.maciejewski557@poczta.example.pl');
    // Letters away from digits stay letters: "basia" is not "8a5ia".
    expect(emailRepairs(['basia.nowak@example.pl']).some((e) => /[58]/.test(e))).toBe(false);
  });

  it("reads a leading 0 of the domain back as o ('@o2.pl' read as '002.pl' or '@o02.pl')", () => {
    expect(emailRepairs(['natalia.kowalczyk95002.pl'])).toContain('natalia.kowalczyk95@o2.pl');
    expect(emailRepairs(['m.jablonska84@o02.pl'])).toContain('m.jablonska84@o2.pl');
  });

  it('never returns something that is not an address', () => {
    for (const e of emailRepairs(['ab', 'no-domain-here', 'x@y@z.pl'])) expect(e).toMatch(/^[^@\s]+@[^@\s]+\.[a-z]{2,6}$/);
  });
});
