import { describe, expect, it } from 'vitest';
import { explicitIntents } from '../../classifier/explicit-intent.js';
import { classify, loadDefaultModel } from '../../classifier/model.js';
import { tokenize } from '../../classifier/normalize.js';

const stated = (text: string) => explicitIntents(tokenize(text));

describe('an intent stated outright', () => {
  it('reads a notice or a complaint given in so many words, in Polish and English', () => {
    expect(stated('Jednocześnie rozwiązuję umowę z końcem miesiąca.')).toEqual(['CANCELLATION']);
    expect(stated('Wypowiadam umowe o swiadczenie uslug.')).toEqual(['CANCELLATION']);
    expect(stated('Niniejszym składam reklamację faktury.')).toEqual(['COMPLAINT']);
    expect(stated('I want to cancel my broadband.')).toEqual(['CANCELLATION']);
    expect(stated('I would like to complain about my last bill.')).toEqual(['COMPLAINT']);
    expect(stated('Składam skargę na przedstawiciela handlowego, który mnie okłamał.')).toEqual(['COMPLAINT']);
    expect(stated('Dekoder nie działa. Proszę to potraktować jako reklamację.')).toEqual(['COMPLAINT']);
    // A change of one's own data in one sentence (blind test Q).
    expect(stated('Proszę o zmianę mojego numeru telefonu kontaktowego, stary już nie działa.')).toEqual(['DATA_CHANGE']);
  });

  it('does not read a negated or merely mentioned one', () => {
    expect(stated('Nie wypowiadam umowy, chcę tylko tańszy pakiet.')).toEqual([]);
    expect(stated('Nie chcę składać reklamacji, tylko zapytać.')).toEqual([]);
    expect(stated('Moja reklamacja z października nadal czeka.')).toEqual([]);
  });

  it("adds the notice a data request gives in one sentence as a second intent (blind test K)", () => {
    const c = classify(loadDefaultModel(), 'Proszę o kopię moich danych osobowych zgodnie z art. 15 RODO. ' +
      'Jednocześnie rozwiązuję umowę z końcem miesiąca.');
    expect(c.category).toBe('PRIVACY');
    expect(c.secondary).toContain('CANCELLATION');
  });

  it("makes a private writer's stated notice or complaint the category when court wording made it look legal", () => {
    const guardian = 'Anna Nowak\nopiekun prawny Zofii Nowak\n\nRozwiązanie umowy\n\nPostanowieniem Sądu Rejonowego w Radomiu ' +
      'z dnia 2 września 2026 r. (sygn. akt I Ns 100/26) zostałam ustanowiona opiekunem prawnym mojej matki, która została ' +
      'ubezwłasnowolniona. Kopię postanowienia sądu załączam. W jej imieniu proszę o rozwiązanie umowy z końcem okresu rozliczeniowego.';
    const c = classify(loadDefaultModel(), guardian);
    expect([c.category, c.secondary]).toEqual(['CANCELLATION', ['LEGAL']]);
    expect(c.explanation[0]).toEqual({ feature: 'said:CANCELLATION', weight: 1 });
    // The court itself writing stays legal mail.
    const court = `SĄD REJONOWY W RADOMIU\nI Wydział Cywilny\nul. Warszawska 1\n26-600 Radom\n\n${guardian.split('\n\n').slice(2).join(' ')}`;
    expect(classify(loadDefaultModel(), court).category).toBe('LEGAL');
  });

  it('makes a complaint stated outright the category over a fault, a bill or other, which rides along (blind tests S and U)', () => {
    const outage = 'Reklamacja usługi internetu mobilnego\n\nSkładam reklamację jakości usługi. Od trzech tygodni prędkość ' +
      'nie przekracza 1-2 Mb/s, modem się rozłącza, a technik nie przyjechał. Wnoszę o obniżenie abonamentu o 50%.';
    const c = classify(loadDefaultModel(), outage);
    expect([c.category, c.secondary[0]]).toEqual(['COMPLAINT', 'FAULT']);
    expect(c.explanation[0]).toEqual({ feature: 'said:COMPLAINT', weight: 1 });
    // The same outage without the statement and the claim stays the model's own choice.
    const plain = outage.replace('Składam reklamację jakości usługi. ', '').replace(' Wnoszę o obniżenie abonamentu o 50%.', '');
    expect(classify(loadDefaultModel(), plain).category).not.toBe('COMPLAINT');
  });

  it('makes a withdrawal stated outright the category over the order it names (blind test W)', () => {
    const c = classify(loadDefaultModel(), 'Dzień dobry :)\n\n9 listopada zamówiłam przez Waszą stronę internet domowy + TV. ' +
      'Jednak zmieniłam zdanie, współlokatorka ma już internet od innej firmy i nie ma sensu płacić podwójnie. Odstępuję od ' +
      'tej umowy, jeszcze nie minęło 14 dni.\n\nRoutera nie rozpakowywałam, mogę go odesłać albo oddać w salonie, dajcie znać jak wolicie.');
    expect([c.category, c.secondary]).toEqual(['CANCELLATION', ['ORDER']]);
    expect(stated('Telefon stacjonarny nie będzie mi już potrzebny i chciałabym go zlikwidować.')).toEqual(['CANCELLATION']);
    expect(stated('Proszę, żeby rachunki przychodziły już na nowy adres.')).toEqual(['DATA_CHANGE']);
    expect(stated('Nie działa od 3 tygodni i chcę zwrot kasy za ten czas.')).toEqual(['COMPLAINT']);
  });
});
