import { describe, expect, it } from 'vitest';
import { dropUntickedOptions } from '../../classifier/tick-boxes.js';
import { classify, loadDefaultModel } from '../../classifier/model.js';

// An operator's form as the OCR reads it: the empty boxes come out as "OO", "O", "[]", "OJ"; the
// ticked one is lost altogether (blind test AZ).
const FORM = `FORMULARZ DYSPOZYCJI ABONENTA

Imię i nazwisko: Łukasz Szczepański
Numer klienta: 4697011709

2. RODZAJ DYSPOZYCJI (proszę zaznaczyć)
OO zmiana danych abonenta

O zmiana pakietu / taryfy

[] zawieszenie usługi

rezygnacja z usługi

OJ cesja umowy

O inne:

3. USŁUGA, KTÓREJ DOTYCZY DYSPOZYCJA
O telefon komórkowy internet stacjonarny [I telewizja

4. UWAGI
Z końcem okresu rozliczeniowego. Router oddam w salonie.

Data: 15.11.2026 Podpis: Ł. Szczepański`;

describe('a form with boxes to tick', () => {
  it('keeps only the ticked options, also where the OCR lost the tick', () => {
    const kept = dropUntickedOptions(FORM).split('\n').filter((l) => l.trim());
    expect(kept).toContain('rezygnacja z usługi');
    for (const gone of ['zmiana danych', 'zmiana pakietu', 'zawieszenie', 'cesja', 'inne:']) expect(kept.join('\n')).not.toContain(gone);
    // A numbered heading, a line of several options and the remarks stay.
    expect(kept).toEqual(expect.arrayContaining(['3. USŁUGA, KTÓREJ DOTYCZY DYSPOZYCJA', 'O telefon komórkowy internet stacjonarny [I telewizja',
      'Z końcem okresu rozliczeniowego. Router oddam w salonie.']));
    // Printed boxes read as glyphs.
    expect(dropUntickedOptions('Proszę o:\n☒ zwrot nadpłaty przelewem\n☐ przekazanie nadpłaty na poczet\n☐ przekaz pocztowy\nNr rachunku: 88'))
      .toBe('Proszę o:\n☒ zwrot nadpłaty przelewem\n\n\nNr rachunku: 88');
    expect(dropUntickedOptions('[ ] wymiana na nowy\n[X] naprawa\n[ ] odstąpienie od umowy')).toBe('\n[X] naprawa\n');
  });

  it('keeps only the ticked option of a grid of several options a line (blind test BA)', () => {
    const grid = 'Rodzaj sprawy (zaznacz X):\n\n[] Reklamacja [X] Wypowiedzenie umowy\n[] Zamówienie usługi [] Awaria / usterka\n\n' +
      '[] Płatności i faktury [] Zmiana danych\n\nOpis sprawy:\nPrzeprowadzam się do córki.';
    expect(dropUntickedOptions(grid).split('\n').filter((l) => l.trim())).toEqual(['Rodzaj sprawy (zaznacz X):', '[X] Wypowiedzenie umowy',
      'Opis sprawy:', 'Przeprowadzam się do córki.']);
    expect(dropUntickedOptions('☐ telefon komórkowy   ☒ internet stacjonarny   ☐ telewizja')).toBe('☒ internet stacjonarny');
    // A grid with nothing ticked stays.
    expect(dropUntickedOptions('[] Reklamacja [] Wypowiedzenie umowy')).toBe('[] Reklamacja [] Wypowiedzenie umowy');
  });

  it('leaves prose and boxes without a choice as they are', () => {
    const prose = 'O czym mowa?\nO tym, że nie działa.\nO wszystkim pisałem wcześniej.';
    expect(dropUntickedOptions(prose)).toBe(prose);
    // Nothing ticked: which option was meant is not for the text to guess.
    const none = '☐ zmiana danych\n☐ rezygnacja z usługi\n☐ cesja umowy';
    expect(dropUntickedOptions(none)).toBe(none);
  });

  it('does not read the empty boxes as second intents', () => {
    const c = classify(loadDefaultModel(), FORM);
    expect(c.category).toBe('CANCELLATION');
    expect(c.secondary).not.toContain('DATA_CHANGE');
    expect(c.secondary).not.toContain('ORDER');
  });
});
