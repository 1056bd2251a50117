import { describe, expect, it } from 'vitest';
import { parseStatedDueDate } from '../../classifier/legal-date.js';
import { classify, loadDefaultModel } from '../../classifier/model.js';
import { decideRouting, resolveStatedDueDate } from '../../router/worklist-rules.js';

describe('a deadline stated as a date', () => {
  it.each([
    ['Wzywam do przekazania informacji w terminie do dnia 19 listopada 2026 r.', '2026-11-19'],
    ['Proszę o udzielenie odpowiedzi najpóźniej do 27.11.2026.', '2026-11-27'],
    ['Prosze o odpowiedz nie pozniej niz do dnia 2026-11-25', '2026-11-25'],
    ['Wzywam do zapłaty do dnia 5 XII 2026 r.', '2026-12-05'],
    ['Please reply no later than 19 November 2026.', '2026-11-19'],
    // An abbreviation's dot inside the clause (blind test AW): "art. 896 k.p.c.", "ds. wdrożenia".
    ['Wzywam do złożenia oświadczenia, o którym mowa w art.\n896 k.p.c., do dnia 30 listopada 2026 r.', '2026-11-30'],
    ['Przedsiębiorców prosi się o\nzgłoszenie osoby kontaktowej ds. wdrożenia do dnia 15 grudnia 2026 r.', '2026-12-15'],
    ['Proszę o przesłanie danych do dnia 27 listopada.', '--11-27'],
    // A sentence the OCR broke across a blank line (blind test N's bailiff).
    ['Dotyczy: wezwanie do udzielenia informacji\nwzywam do udzielenia informacji o rachunkach dłużnika\n\ndo dnia 20 listopada br.', '--11-20'],
    // Several: the earliest, so a wrong pick is early.
    ['Proszę o dane do dnia 30.11.2026, a o oświadczenie do dnia 23.11.2026.', '2026-11-23'],
    // An ombudsman "zwraca się o" (blind test AC).
    ['Rzecznik zwraca się o ponowne rozpatrzenie reklamacji, a\ntakże o zajęcie stanowiska w sprawie do dnia 5 grudnia 2026 r.', '2026-12-05'],
    // A period named a sentence earlier does not make the authority's own date its end (blind test AG).
    ['3) zapisu rozmów z infolinią z okresu od 10 do 15 sierpnia 2026 r.\n\nInformacje należy przekazać do dnia 4 grudnia 2026 r.', '2026-12-04'],
    ['Proszę o zestawienie z okresu 1-15 sierpnia. Odpowiedź proszę przesłać do 4.12.2026.', '2026-12-04'],
    // A speck OCR read as a quote mark (blind test AL: the police letter fell to the 7-day default).
    ['Odpowiedź proszę przesłać do’ dnia 3 kwietnia br.', '--04-03'],
    ['Odpowiedź proszę przesłać do dnia 3 kwie’tnia 2026 r.', '2026-04-03'],
  ])('%s', (text, date) => {
    expect(parseStatedDueDate(text)).toBe(date);
  });

  it.each([
    'Proszę o wykaz połączeń za okres od 01.10.2026 do 31.10.2026 w terminie 7 dni.',
    'Proszę o billing za okres od 1 października 2026 r. do 31 października 2026 r.',
    'Proszę o wykaz połączeń od 10 do 15 sierpnia 2026 r.',
    // The period's first day read by a fax's OCR as a stroke (blind test AU).
    'Telekomunikację Nadwishanskg S.A. do udzielenia informacji, ile linii telefonicznych i fgezy\ninternetowych pozwana spółka posiadała w okresie od | stycznia do 30 czerwca 2026 r., pod jakimi\n\nadresami',
    'Dane za okres rozliczeniowy do 31.10.2026 zostały przekazane.',
    'Zażalenie przysługuje do dnia 30.11.2026.',
    'Umowa obowiązuje do 31.12.2027.',
    'Pismo z dnia 12.11.2026 r. w sprawie abonenta.',
    'Proszę o odpowiedź do dnia 31.02.2026.',
    // A past event under a subject line that demands something (blind test N).
    'Dotyczy: wezwanie\n\nDłużnik Marian Cieślak do dnia 2 listopada 2026 r.\nnie uregulował należności.',
  ])('is not read from %s', (text) => {
    expect(parseStatedDueDate(text)).toBeNull();
  });

  it('is placed next to the day the letter arrived, and a slow post makes it due at once', () => {
    expect(resolveStatedDueDate('2026-11-27', '2026-11-16')).toBe('2026-11-27');
    expect(resolveStatedDueDate('--11-27', '2026-11-16')).toBe('2026-11-27');
    expect(resolveStatedDueDate('--01-05', '2026-12-28')).toBe('2027-01-05');
    expect(resolveStatedDueDate('2026-11-12', '2026-11-16')).toBe('2026-11-16');
    // The end of a described period, or a date too far ahead, is no reply term.
    expect(resolveStatedDueDate('2026-09-30', '2026-11-16')).toBeNull();
    expect(resolveStatedDueDate('2027-12-31', '2026-11-16')).toBeNull();
    expect(resolveStatedDueDate('--02-29', '2027-02-10')).toBeNull();
    expect(resolveStatedDueDate('--02-29', '2028-02-10')).toBe('2028-02-29');
  });

  it("dates an authority's letter from its own date, not the 7-day default", () => {
    const text = `Komenda Miejska Policji w Radomiu\nSygn. akt RSD-123/26\nTelekomunikacja Nadwiślańska S.A.\n
W związku z prowadzonym postępowaniem w sprawie o przestępstwo z art. 286 § 1 k.k. proszę o przekazanie
danych abonenta numeru 601 234 567 oraz wykazu połączeń, w terminie do dnia 19 listopada 2026 r.\n
Z poważaniem\nasp. szt. Jan Kowalczyk`;
    const c = classify(loadDefaultModel(), text);
    expect(c.category).toBe('LEGAL');
    expect(c.statedDueDate).toBe('2026-11-19');
    const routed = decideRouting(
      { classification: { ...c, confidence: 0.99 }, match: { kind: 'matched', customerId: '1', confidence: 1, evidence: [], candidates: [] }, segment: 'individual', receivedAt: '2026-11-16' },
      { categoryThreshold: 0.6, dueDays: {} },
    );
    expect(routed.dueAt).toBe('2026-11-19');
  });
});
