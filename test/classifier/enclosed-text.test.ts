import { describe, expect, it } from 'vitest';
import { splitEnclosures } from '../../classifier/enclosed-text.js';
import { extractFeatures } from '../../classifier/features.js';
import { detectInstitution } from '../../classifier/institution.js';

const COVER = [
  'Szanowni Państwo,',
  'od tygodnia internet w moim domu nie działa wieczorami, router gaśnie i trzeba go restartować.',
  'Proszę o przysłanie technika i naprawę łącza, bo pracuję z domu.',
];

describe('splitEnclosures', () => {
  it('puts what follows an enclosure heading after the cover note into the enclosure', () => {
    const text = [...COVER, 'Jan Kowalski', 'Załącznik:', 'Faktura nr F/1/2026', 'Abonament 59,99 zł', 'Razem do zapłaty 59,99 zł'].join('\n');
    const { own, enclosed } = splitEnclosures(text);
    expect(own).toBe([...COVER, 'Jan Kowalski'].join('\n'));
    expect(enclosed).toBe(['Załącznik:', 'Faktura nr F/1/2026', 'Abonament 59,99 zł', 'Razem do zapłaty 59,99 zł'].join('\n'));
  });

  it('reads quoted lines and an e-mail thread below a marker as enclosed', () => {
    const text = [...COVER, '> Dziękujemy za zgłoszenie.', 'Pozdrawiam', '-----Original Message-----', 'Od: bok@example.pl', 'Oferta przedłużenia'].join('\n');
    const { own, enclosed } = splitEnclosures(text);
    expect(own).toBe([...COVER, 'Pozdrawiam'].join('\n'));
    expect(enclosed.split('\n')).toEqual(['> Dziękujemy za zgłoszenie.', '-----Original Message-----', 'Od: bok@example.pl', 'Oferta przedłużenia']);
  });

  it('keeps a short note and its attachment list whole, and a web form\'s "Treść wiadomości:" as the writer\'s own', () => {
    const note = 'Proszę o duplikat faktury.\nZałącznik:\nkopia dowodu wpłaty';
    expect(splitEnclosures(note)).toEqual({ own: note, enclosed: '' });
    const form = ['Formularz kontaktowy', 'Imię i nazwisko: Jan Kowalski', ...COVER, 'Treść wiadomości:', 'Proszę szybko.'].join('\n');
    expect(splitEnclosures(form).enclosed).toBe('');
    const listed = [...COVER, 'W załączeniu: kopia faktury, zdjęcie routera'].join('\n');
    expect(splitEnclosures(listed).enclosed).toBe('');
  });
});

describe('features of enclosed text', () => {
  it('count category words only an enclosure carries at half weight, the same words in the cover note fully', () => {
    const kw = (text: string) => extractFeatures(text).find((f) => f.name === 'kw:CANCELLATION')?.value ?? 0;
    const clause = 'Wypowiedzenie umowy wymaga okresu wypowiedzenia; rozwiązanie umowy przed terminem oznacza karę.';
    const enclosedClause = kw([...COVER, 'Fragment umowy:', clause].join('\n'));
    const ownClause = kw([...COVER, clause].join('\n'));
    // Several distinct keys: saturated (1) in the cover note; enclosed, each key counts half.
    expect(ownClause).toBe(1);
    expect(enclosedClause).toBeGreaterThan(0);
    expect(enclosedClause).toBeLessThan(ownClause);
  });

  it('weigh a word only an enclosure carries half a word of the writer\'s own, and leave a letter without one whole', () => {
    const value = (feats: { name: string; value: number }[], name: string) => feats.find((f) => f.name === name)?.value ?? 0;
    const feats = extractFeatures([...COVER, 'Załącznik:', 'Abonament telewizyjny'].join('\n'));
    // Both are scaled by the same unit-length norm, so their ratio is the enclosure weight itself.
    expect(value(feats, 'w:abonament') / value(feats, 'w:router')).toBeCloseTo(0.5, 9);
    expect(splitEnclosures(COVER.join('\n'))).toEqual({ own: COVER.join('\n'), enclosed: '' });
  });
});

describe('an enclosure heading the OCR ran into the line before', () => {
  it('splits the line at the heading', () => {
    const text = [...COVER, 'Z poważaniem Jan Kowalski Załącznik:', 'Faktura nr F/1/2026'].join('\n');
    const { own, enclosed } = splitEnclosures(text);
    expect(own).toBe([...COVER, 'Z poważaniem Jan Kowalski '].join('\n'));
    expect(enclosed).toBe(['Załącznik:', 'Faktura nr F/1/2026'].join('\n'));
  });
});

describe('a document enclosed below the writer\'s closing and signature (blind test AQ)', () => {
  const probate = [
    'SĄD REJONOWY W POZNANIU', 'I Wydział Cywilny', 'Sygn. akt I Ns 1234/26', 'POSTANOWIENIE',
    'Sąd Rejonowy w Poznaniu po rozpoznaniu sprawy z wniosku Anny Zielińskiej o stwierdzenie nabycia spadku',
    'postanawia stwierdzić, że spadek po Józefie Zielińskim nabyła córka Anna Zielińska w całości.',
  ];
  const heir = [
    'Anna Zielińska', 'ul. Kwiatowa 12', '61-001 Poznań', '',
    'Mój ojciec, Józef Zieliński, zmarł w sierpniu. Jestem jego jedyną spadkobierczynią. Proszę o przepisanie',
    'umowy na telefon stacjonarny na moje nazwisko i wysyłanie faktur na mój adres.', '',
    'Z poważaniem', 'Anna Zielińska', '', 'Załącznik: kopia postanowienia', '',
  ];

  it('is enclosed, whatever heading it has or lacks', () => {
    const { own, enclosed } = splitEnclosures([...heir, ...probate].join('\n'));
    expect(own).toBe(heir.slice(0, 10).join('\n'));
    expect(enclosed.split('\n')).toEqual(heir.slice(10).concat(probate));
    const signedOnOneLine = [...COVER, 'Z wyrazami szacunku Jan Kowalski', ...probate].join('\n');
    expect(splitEnclosures(signedOnOneLine).enclosed).toBe(probate.join('\n'));
  });

  it('leaves a postscript, a short attachment list and a closing at the top with the writer', () => {
    const ps = [...COVER, 'Z poważaniem', 'Jan Kowalski', 'PS. Proszę też o sprawdzenie, czy technik może przyjść w sobotę rano, bo w tygodniu pracuję do późna w biurze.'].join('\n');
    expect(splitEnclosures(ps).enclosed).toBe('');
    const list = [...COVER, 'Pozdrawiam', 'Jan Kowalski', 'Załączniki: kopia faktury nr F/1/2026 z października,', 'zdjęcie routera i protokół'].join('\n');
    expect(splitEnclosures(list).enclosed).toBe('');
    const greeting = ['Pozdrawiam serdecznie', ...COVER].join('\n');
    expect(splitEnclosures(greeting).enclosed).toBe('');
  });

  it('does not make the letter the court\'s, nor give the classifier a court\'s letter', () => {
    const text = [...heir, ...probate].join('\n');
    expect(detectInstitution(text)).toBeNull();
    const names = extractFeatures(text).map((f) => f.name);
    expect(names).toContain('inst:enclosed');
    expect(names).not.toContain('inst:any');
    // The court's own letter, closed and signed, with its instructions below: still the court's.
    const court = [...probate, 'Szanowni Państwo, wzywam do udzielenia informacji o abonencie w terminie 7 dni.', 'Z poważaniem', 'Sędzia Jan Lis', 'Pouczenie: na postanowienie przysługuje zażalenie do sądu okręgowego w terminie tygodnia od doręczenia.'].join('\n');
    expect(detectInstitution(court)).toBe('court');
    expect(extractFeatures(court).map((f) => f.name)).toContain('inst:any');
  });
});
