import { describe, expect, it } from 'vitest';
import { requestCues } from '../../classifier/request-cues.js';
import { extractFeatures } from '../../classifier/features.js';

describe('request cues', () => {
  it('reads the subject after "Dotyczy:", on the next line when the marker line holds only the (masked) sender', () => {
    const { subject } = requestCues('Dotyczy:                \n\nwypowiedzenie umowy abonamentowej\n\nSzanowni Państwo');
    expect(subject).toEqual(['wypowiedzenie', 'umowy', 'abonamentowej']);
    expect(requestCues('W sprawie: zmiana adresu korespondencyjnego').subject).toEqual(['zmiana', 'adresu', 'korespondencyjnego']);
    expect(requestCues('Dot. faktury 12/2026 za lipiec').subject).toEqual(['faktury', 'za', 'lipiec']);
  });

  it('takes short upper-case headings as the subject, but not long shouting lines or reference numbers', () => {
    expect(requestCues('REKLAMACJA\nOd tygodnia nie działa.').subject).toEqual(['reklamacja']);
    expect(requestCues('SYGN. AKT 123/26\nNIE ZGADZAM SIĘ Z TYM CO PAŃSTWO ZROBILI W MOJEJ SPRAWIE').subject).toEqual([]);
  });

  it('reads the words after a request verb up to the end of the sentence, also without diacritics or with one OCR slip', () => {
    const { request } = requestCues('Mam internet od lat. Proszę o wyłączenie usługi roamingu. Pozdrawiam serdecznie');
    expect(request).toEqual(['o', 'wylaczenie', 'uslugi', 'roamingu']);
    expect(requestCues('Niniejszym wypowladam umowe nr 5 z dniem 1 maja').request).toEqual(['umowe', 'nr', 'z', 'dniem', 'maja']);
    expect(requestCues('Od tygodnia nie działa telefon.').request).toEqual([]);
  });

  it('becomes subj: and req: features next to the ordinary word features', () => {
    const names = extractFeatures('Dotyczy: reklamacja\nZwracam się z prośbą o zwrot opłaty.').map((f) => f.name);
    expect(names).toContain('subj:reklam');
    expect(names).toContain('req:zwrot');
    expect(names).toContain('s:zwrot');
  });
});
