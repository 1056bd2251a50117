// Prior domain lexicon: word-start keys (folded, matched at word boundaries) that signal each
// category in Polish telecom post. Written from the domain, not from any training letter, so that a
// letter in wording the training set never used still carries a shared "kw:" feature per category.
import type { Category } from '../core/types.js';
import { PrefixIndex } from './fuzzy.js';
import { LEXICON_EN } from './lexicon-en.js';

export const LEXICON: Record<Category, string[]> = {
  COMPLAINT: [
    'reklamac', 'reklamuj', 'skarg', 'skarz', 'nie zgadzam', 'niezgod', 'bezpodstaw', 'niesluszn', 'odszkodow',
    'rekompens', 'bonifik', 'nieprawidlow', 'zawiedz', 'niezadowol', 'oburz', 'zadam', 'domagam', 'skandal',
    'niedopuszczal', 'wprowadzon w blad', 'wprowadzil w blad', 'oszuk', 'naciag', 'nierzetel', 'nie rozpatrz',
    'nieuzasadnion', 'bledn', 'pomylk', 'nie korzystal', 'nie uzywal', 'bez mojej zgody', 'bez zgody',
    'zwrotu pieniedzy', 'oddajcie', 'oddac pieniadze', 'nie powinien', 'nie powinnam', 'nie powinienem',
    'odwolan', 'uznanie', 'uznac', 'za duzo', 'zawyzon', 'policzyliscie', 'naliczyliscie', 'nie zamawial',
    'nie zamawialam', 'nikt mnie nie', 'zle potraktow', 'kompensat', 'obnizenie oplat', 'zwrot pieniedzy',
    'zareklam', 'pretensj', 'obiecyw', 'zle policz', 'niewlasciw', 'wiecej niz powin', 'nie otrzymalem odpowiedz', 'nie otrzymalam odpowiedz', 'nikt nie odpowiedzial', 'lekcewaz',
    // Added from the domain (telecom service and consumer-law wording), not from any corpus letter.
    'nienalezyt', 'niewykonan', 'wadliw', 'reklamacyjn', 'kar umown', 'kary umown', 'nieuczciw', 'niezasadn', 'kwestionuj', 'nie uznaje', 'bez odpowiedzi', 'ignoruj', 'rozpatrzeni', 'zwrot kosztow', 'zwrotu kosztow', 'obciazono mnie', 'obciazyliscie', 'niezgodnie z umow', 'niezgodne z umow', 'nie tak sie umawial', 'obietnic',
  ],
  CANCELLATION: [
    'wypowi', 'rozwiaz', 'rezygn', 'zrezygn', 'odstap', 'odstepu', 'zerwan', 'nie przedluz', 'zakoncz umow',
    'zakonczyc umow', 'zakonczenie umow', 'koniec umow', 'konczy sie umow', 'przeniesienie numeru', 'przenosze numer',
    'przejsc do inn', 'do innego operatora', 'zmiana operatora', 'konkurenc', 'dezaktyw', 'nie bede juz', 'odejsc',
    'okres wypowiedzenia', 'zwrot sprzetu', 'oddac sprzet', 'oddam sprzet', 'zwrocic dekoder', 'zwrocic router',
    'zamknac umow', 'zamkniecie umow', 'zamykam umow', 'zmarl', 'zgon', 'nie stac mnie', 'rozwiazac', 'konczymy wspolprac', 'nie chce juz', 'wycofuje sie',
    // Added from the domain (telecom service and consumer-law wording), not from any corpus letter.
    'wypowiedzen', 'rozwiazani', 'nie przedluzam', 'nie chce przedluz', 'odstapieni', 'oswiadczenie o odstap', 'kod autoryzac', 'przenies numer', 'zwrot dekodera', 'zwrot routera', 'likwidac', 'wyjezdzam', 'emigr',
    'nie chce jej juz', 'nie chce go juz', 'nie chce tego juz', 'prosze to wylaczyc', 'wylaczenie uslug',
  ],
  ORDER: [
    'zamawiam', 'zamowi', 'zamowic', 'zamowien', 'chce zamow', 'podlacz', 'przylacz', 'instalac', 'zainstal',
    'aktywac', 'aktywow', 'nowa usluge', 'nowej uslugi', 'dodatkow', 'dokup', 'zwiekszen', 'wiekszy pakiet',
    'pakiet na wiekszy', 'wyzszy pakiet', 'rozszerz', 'ofert', 'zakup', 'kupic', 'kupie', 'drugi numer',
    'dodatkowa karta', 'nowy pakiet', 'przedluz umow', 'przedluzenie umow', 'podpisac umow', 'swiatlowod',
    'chcialbym miec', 'chcialabym miec', 'prosze o podlacz', 'telewizj', 'kanal', 'kanaly',
    'karty sim', 'karta sim', 'karte sim', 'dolozen', 'dolozyc', 'kanalow', 'jeszcze jedn', 'podniesienie predkosci', 'nowy telefon', 'na raty telefon', 'zmiana pakietu', 'zmienic pakiet',
    // Added from the domain (telecom service and consumer-law wording), not from any corpus letter.
    'aneks', 'multiroom', 'zmiana taryfy', 'limit danych', 'pakiet danych', 'smartfon', 'zainteresowan', 'przygotowanie oferty', 'wycen', 'esim', 'e sim', 'nowa umow', 'nowej umow', 'dodatkowy dekoder', 'dodatkowego dekodera',
    // Porting a number in: a new customer's order (porting out is a notice).
    'do panstwa sieci', 'przejsc do panstwa', 'przejscie do panstwa', 'przeniesc do panstwa', 'przeniesienie numeru do panstwa',
  ],
  FAULT: [
    'awari', 'usterk', 'nie dziala', 'przestal dzial', 'przestala dzial', 'przestalo dzial', 'nie ma sygnal',
    'brak sygnal', 'brak internet', 'brak zasieg', 'zasieg', 'zrywa', 'rozlacza', 'przerw', 'zaklocen', 'szum',
    'trzeszcz', 'gluch', 'sniezy', 'zawiesza', 'wolny', 'wolno dziala', 'predkosc', 'uszkodz', 'zepsu', 'psuje',
    'napraw', 'serwis', 'technik', 'monter', 'modem', 'router', 'dekoder', 'kabel', 'linii', 'linia', 'wifi',
    'wi fi', 'obraz', 'nie laczy', 'nie moge sie polaczyc', 'nie moge sie dodzwonic', 'zglaszal', 'zgloszenie',
    'zacina', 'nie mozna sie polaczyc', 'brak polaczen', 'brak dostepu', 'nie odbiera', 'nie wysyla', 'nie laduje',
    // Added from the domain (telecom service and consumer-law wording), not from any corpus letter.
    'dioda', 'diody', 'brak sieci', 'brak transmisji', 'opoznien', 'buforuj', 'przerywa', 'zanika', 'pikselo', 'czarny ekran', 'brak obrazu', 'brak dzwieku', 'nie slychac', 'nie widzi sieci', 'wizyta technika', 'zgloszenie awarii', 'numer zgloszenia', 'gniazd', 'anten', 'nadajnik', 'restart', 'resetow', 'niestabiln',
  ],
  // Administrative billing requests; the bill vocabulary itself is a topic (below), shared with complaints.
  BILLING: [
    'platnos', 'placic', 'zaplac', 'saldo', 'stan konta', 'rozlicz', 'zaleglos', 'przelew', 'wplat', 'splat',
    'raty', 'ratach', 'ratal', 'rozlozen', 'dopla', 'odsetk', 'upomnien', 'e faktur', 'faktur elektroniczn',
    'papierow', 'na maila', 'termin platnosci', 'wytlumacz', 'wyjasnic', 'do zaplaty', 'kopie rachun',
    'kopii rachun', 'kopie faktur', 'kopii faktur', 'duplikat', 'nie przyszedl rachun', 'nie przyszla faktur',
    'nie dostalem rachun', 'nie dostalam rachun', 'ile mam zaplac', 'numer konta', 'nota', 'polecenie zaplaty',
    'zgoda na raty', 'potwierdzenie wplat', 'nadplat',
    // Added from the domain (telecom service and consumer-law wording), not from any corpus letter.
    'okres rozliczeniow', 'blankiet', 'numer rachunku', 'indywidualny numer', 'wezwanie do zaplaty', 'harmonogram', 'odroczen', 'termin zaplaty', 'przesuniecie terminu', 'biling', 'billing', 'wykaz polaczen', 'specyfikac', 'zaksiegow', 'przeksiegow', 'dowod wplaty', 'potwierdzenie przelewu', 'faktura korygujac', 'fakture korygujac', 'wplacilem', 'wplacilam', 'pomylkowo wplac', 'nadplac',
  ],
  DATA_CHANGE: [
    'zmiane danych', 'zmiana danych', 'zmiany danych', 'zmienic dane', 'aktualizac', 'zaktualiz', 'nowy adres',
    'zmiana adresu', 'zmiane adresu', 'zmienic adres', 'zmienic moj adres', 'adres korespond', 'stary adres',
    'przeprowadz', 'wyprowadz', 'mieszkam juz', 'zmiana nazwiska', 'zmiane nazwiska', 'nazwisko', 'po slubie',
    'slub', 'nowy numer telefonu kontakt', 'nowy e mail', 'nowy email', 'adres e mail', 'pelnomoc', 'cesj',
    'przepisac umow', 'przepisanie umow', 'zmiana wlasciciel', 'nowy dowod', 'dowod osobist', 'poprawic w systemie',
    'poprawic dane', 'blednie wpisan', 'literowk', 'numer konta do zwrot', 'zmiana nazwy firmy', 'siedzib',
    'mieszkam gdzie indziej', 'teraz mieszkam', 'nieaktualn', 'gdzie indziej', 'nowe nazwisko', 'zmienilam nazwisko', 'zmienilem adres', 'zmiana numeru kontakt', 'zmiana adresu e mail',
    // Added from the domain (telecom service and consumer-law wording), not from any corpus letter.
    'nowe dane', 'aktualne dane', 'numer kontaktow', 'telefon kontaktow', 'zmiana numeru telefonu', 'zmiany numeru telefonu', 'regon', 'krs', 'przeksztalc', 'platnik', 'upowazni', 'pelnomocnictw', 'zamieszkan', 'zameldowan', 'przeprowadzil', 'przeprowadzk', 'zmiany adresu', 'zmianie adresu', 'zmianie nazwiska', 'zmiany nazwiska', 'nazwisko panienskie', 'przejecie umowy', 'przejac umow', 'przeniesienie umowy na', 'spadkob',
  ],
  PRIVACY: [
    'rodo', 'dane osobow', 'danych osobow', 'danymi osobow', 'przetwarz', 'usuniec', 'usunac', 'usunieciu',
    'zapomnien', 'administrator', 'inspektor ochrony', 'ochrony danych', 'ochrona danych', 'uodo', 'giodo',
    'kopie moich danych', 'kopia danych', 'dostep do danych', 'dostepu do danych', 'art 15', 'art 17', 'art 21',
    'sprzeciw', 'zgode marketing', 'zgody marketing', 'cofam zgod', 'cofniecie zgod', 'wycofuje zgod', 'marketing',
    'telemarketing', 'reklamowe sms', 'sms y reklam', 'dzwonia do mnie', 'skad macie', 'wyciek', 'prywatn',
    'moje dane', 'moich danych', 'ogolnego rozporzadzenia',
    'wykresl', 'wypisyw', 'wypisal', 'z reklamami', 'reklamy', 'z ofertami', 'newsletter', 'spam', 'skad je', 'wzieliscie', 'mam prawo wiedziec', 'przestancie dzwonic', 'nie dzwoncie',
    // Added from the domain (telecom service and consumer-law wording), not from any corpus letter.
    'art 16', 'art 18', 'art 20', 'sprostowan', 'ograniczenia przetwarzania', 'ograniczenie przetwarzania', 'przenoszenia danych', 'profilowan', 'nagran', 'ujawni', 'udostepni', 'osobom trzecim', 'osoby trzeci', 'naruszenie ochrony', 'ochrony danych osobowych', 'informacji jakie dane', 'jakie dane',
    // An access request (art. 15) in plain words, without the law's name.
    'na moj temat', 'jakie informacje na', 'przechowuja', 'przechowujecie', 'komu zostal', 'komu przekaz', 'komu udostep',
  ],
  LEGAL: [
    'komorni', 'sad rejon', 'sad okreg', 'sadu', 'sygn', 'sygnatur', 'egzekuc', 'zajeci', 'zajmuje', 'postanowien',
    'wyrok', 'pozew', 'powodztw', 'nakaz zaplaty', 'uke', 'urzad komunikacji', 'urzedu komunikacji', 'rzecznik konsument',
    'rzecznika konsument', 'prokurat', 'policj', 'postepowan', 'dluzni', 'wierzyciel', 'pouczen', 'k p c', 'kpc',
    'kodeksu postepowania', 'na podstawie art', 'ustawy z dnia', 'prawo telekomunikac', 'wydzial cywiln', 'sedzi',
    'referendarz', 'zawiadamiam', 'wzywa sie', 'wzywam do', 'nr sprawy', 'numer sprawy', 'akt sprawy', 'interwenc',
    'wyjasnien w sprawie', 'stanowisk', 'organ',
    // Added from the domain (telecom service and consumer-law wording), not from any corpus letter.
    'adwokac', 'adwokat', 'radca prawn', 'radcy prawn', 'mecenas', 'przedsadow', 'droge sadow', 'drodze sadow', 'pozwu', 'proby ugodow', 'mediac', 'sad polubown', 'inspekcj handlow', 'inspekcja handlow', 'uokik', 'federacj konsument', 'zarzadzeni', 'klauzul wykonalnosc', 'tytul wykonawcz', 'zabezpieczeni', 'informacji o dluzniku', 'wierzytelnosc', 'wezwanie do udzielenia',
  ],
  OTHER: [
    'podziekow', 'dziekuj', 'dzieki', 'gratul', 'zycze', 'zyczenia', 'pytanie', 'zapytan', 'prosba o informac',
    'regulamin', 'cennik', 'katalog', 'broszur', 'ulotk', 'sponsor', 'wspolprac', 'propozyc', 'godziny otwarcia',
    'salon', 'punkt obslugi', 'praca', 'praktyk', 'staz', 'zaproszen', 'informacyjn', 'ciekaw', 'pochwal', 'polecam',
    'gdzie jest', 'najblizsz', 'sklep', 'gazetk', 'czy bedzie', 'czy jest mozliw', 'chcialbym zapytac', 'chcialabym zapytac', 'uprzejmie pytam', 'list otwarty', 'opinia', 'sugestia',
    // Added from the domain (telecom service and consumer-law wording), not from any corpus letter.
    'zapraszam', 'zaproszeni', 'konferencj', 'darowizn', 'fundacj', 'stowarzysz', 'omylkowo', 'pomylkowo', 'nie jestem klientem', 'nie jestem waszym klientem', 'rekrutac', 'kandydat', 'zapytanie ofertowe', 'wspolpracy',
  ],
};

/** Subjects several categories talk about: which category it is depends on what the writer asks. */
export const TOPICS: Record<string, string[]> = {
  BILL_TOPIC: ['faktur', 'rachun', 'oplat', 'naliczon', 'kwot', 'obciaz', 'podwojn', 'dwa razy', 'korekt', 'abonament', 'cena', 'za drogo', 'zl', 'zlotych'],
};

const ALL_KEYS: [string, string[]][] = [
  ...Object.entries(LEXICON).map(([cat, keys]): [string, string[]] => [cat, [...keys, ...LEXICON_EN[cat as Category]]]),
  ...Object.entries(TOPICS),
];

const FUZZY = new PrefixIndex<string>(
  ALL_KEYS.flatMap(([cat, keys]) => keys.map((k): [string, string] => [k, `${cat}\t${k}`])),
);

// "nie reklamuję, tylko pytam", "to nie jest reklamacja", "nie chcę rezygnować": a key said in the
// negative is not the writer's request. Only a negation right before the key (or before a verb of
// intent right before it) counts, so "nie rozpatrzyliście mojej reklamacji" still is a complaint.
// Not the Polish filler "no" ("no to rezygnuję").
const NEGATIONS = new Set(['nie']);
const INTENT_VERBS = new Set([
  'chce', 'chcemy', 'chcialbym', 'chcialabym', 'chcielibysmy', 'chcialem', 'chcialam', 'zamierzam', 'zamierzamy',
  'planuje', 'planujemy', 'jest', 'sa', 'skladam', 'skladamy',
]);
// English: "not" (or the "t" of "don't") followed by at most three of these before the key.
const EN_FILLERS = new Set(['a', 'an', 'the', 'to', 'want', 'wish', 'intend', 'going', 'plan', 'my']);

// "Nie twierdzę, że to źle policzone", "nie mówię, że…": what follows is disclaimed (blind test AC: a
// billing question read a complaint into the words it disclaimed).
const DISCLAIMERS = new Set(['mowie', 'twierdze', 'twierdzimy', 'kwestionuje', 'kwestionujemy', 'podwazam', 'zarzucam']);
const DISCLAIMER_REACH = 5;
const ANI_FILLERS = new Set(['z', 'ze', 'od', 'niej', 'niego', 'nich', 'tego', 'tej', 'go', 'jej', 'ich', 'sie', 'w', 'do']);

export function negatedAt(tokens: string[], i: number): boolean {
  const a = tokens[i - 1];
  if (a === undefined) return false;
  if (NEGATIONS.has(a)) return true;
  for (let j = i - 1; j >= Math.max(1, i - DISCLAIMER_REACH); j--) {
    if (DISCLAIMERS.has(tokens[j] as string) && NEGATIONS.has(tokens[j - 1] as string)) return true;
  }
  const b = tokens[i - 2];
  if (b !== undefined && NEGATIONS.has(b) && INTENT_VERBS.has(a)) return true;
  // "nie zamierzam wypowiadać umowy ani z niej rezygnować": "ani" carries the negation on, over
  // the pronouns and prepositions between it and the key (blind test AL: a tariff change went to a person).
  for (let j = i - 1; j >= Math.max(0, i - 3); j--) {
    const t = tokens[j] as string;
    if (t === 'ani') return true;
    if (!ANI_FILLERS.has(t)) break;
  }
  for (let j = i - 1; j >= Math.max(0, i - 4); j--) {
    const t = tokens[j] as string;
    if (t === 'not' || t === 't') return true;
    if (!EN_FILLERS.has(t)) return false;
  }
  return false;
}

/**
 * A test for words starting a token of folded tokens ("wypowiadam umow" in "… wypowiadam umowe …"),
 * somewhere not negated (negatedAt).
 */
export function saidIn(foldedTokens: string[]): (key: string) => boolean {
  const joined = ` ${foldedTokens.join(' ')}`;
  // Offset of the space before each token in `joined` -> token index.
  const tokenAt = new Map<number, number>();
  let offset = 0;
  foldedTokens.forEach((t, i) => {
    tokenAt.set(offset, i);
    offset += t.length + 1;
  });
  return (key) => {
    for (let p = joined.indexOf(` ${key}`); p >= 0; p = joined.indexOf(` ${key}`, p + 1)) {
      const i = tokenAt.get(p);
      if (i !== undefined && !negatedAt(foldedTokens, i)) return true;
    }
    return false;
  };
}

/**
 * Per category, the number of distinct lexicon keys present in folded tokens: multi-word keys
 * exactly, single-word keys of 7+ letters also with one OCR edit or split across two tokens.
 * A key counts only where it is not negated (negatedAt).
 */
export function lexiconHits(foldedTokens: string[]): Map<string, number> {
  const said = saidIn(foldedTokens);
  const found = new Set<string>();
  for (const [cat, keys] of ALL_KEYS) for (const k of keys) if (said(k)) found.add(`${cat}\t${k}`);
  foldedTokens.forEach((t, i) => {
    if (negatedAt(foldedTokens, i)) return;
    for (const hit of FUZZY.lookup(t)) found.add(hit);
    const next = foldedTokens[i + 1];
    if (next && t.length <= 7) for (const hit of FUZZY.lookup(t + next)) found.add(hit);
  });
  const out = new Map<string, number>();
  for (const hit of found) {
    const cat = hit.slice(0, hit.indexOf('\t'));
    out.set(cat, (out.get(cat) ?? 0) + 1);
  }
  return out;
}
