// Deterministic synthetic customer master for the matching benchmark. Names come from small pools
// on purpose: at a million customers every full name has dozens of namesakes, a few of them in
// the same town, which is exactly what the matcher must not confuse.
import type { Customer } from '../core/types.js';
import { nipCheckDigit, peselCheckDigit } from '../core/pl-checksums.js';
import { customersToCsv } from '../fixtures/generator/customers-csv.js';

const MALE = ['Jan', 'Piotr', 'Krzysztof', 'Andrzej', 'Tomasz', 'Paweł', 'Michał', 'Marcin', 'Marek', 'Grzegorz',
  'Józef', 'Łukasz', 'Adam', 'Zbigniew', 'Jerzy', 'Tadeusz', 'Mateusz', 'Dariusz', 'Mariusz', 'Wojciech',
  'Ryszard', 'Jakub', 'Henryk', 'Robert', 'Rafał', 'Kazimierz', 'Jacek', 'Maciej', 'Kamil', 'Stanisław'];
const FEMALE = ['Anna', 'Maria', 'Katarzyna', 'Małgorzata', 'Agnieszka', 'Barbara', 'Ewa', 'Krystyna', 'Elżbieta',
  'Magdalena', 'Joanna', 'Zofia', 'Aleksandra', 'Monika', 'Teresa', 'Danuta', 'Natalia', 'Julia', 'Karolina',
  'Marta', 'Beata', 'Dorota', 'Halina', 'Jadwiga', 'Alicja', 'Jolanta', 'Iwona', 'Grażyna', 'Paulina', 'Justyna'];
// [masculine, feminine]
const SURNAMES: [string, string][] = [
  ['Nowak', 'Nowak'], ['Kowalski', 'Kowalska'], ['Wiśniewski', 'Wiśniewska'], ['Wójcik', 'Wójcik'],
  ['Kowalczyk', 'Kowalczyk'], ['Kamiński', 'Kamińska'], ['Lewandowski', 'Lewandowska'], ['Zieliński', 'Zielińska'],
  ['Szymański', 'Szymańska'], ['Woźniak', 'Woźniak'], ['Dąbrowski', 'Dąbrowska'], ['Kozłowski', 'Kozłowska'],
  ['Jankowski', 'Jankowska'], ['Mazur', 'Mazur'], ['Wojciechowski', 'Wojciechowska'], ['Kwiatkowski', 'Kwiatkowska'],
  ['Krawczyk', 'Krawczyk'], ['Kaczmarek', 'Kaczmarek'], ['Piotrowski', 'Piotrowska'], ['Grabowski', 'Grabowska'],
  ['Zając', 'Zając'], ['Pawłowski', 'Pawłowska'], ['Michalski', 'Michalska'], ['Król', 'Król'],
  ['Nowakowski', 'Nowakowska'], ['Wieczorek', 'Wieczorek'], ['Jabłoński', 'Jabłońska'], ['Wróbel', 'Wróbel'],
  ['Majewski', 'Majewska'], ['Olszewski', 'Olszewska'], ['Stępień', 'Stępień'], ['Malinowski', 'Malinowska'],
  ['Jaworski', 'Jaworska'], ['Adamczyk', 'Adamczyk'], ['Dudek', 'Dudek'], ['Nowicki', 'Nowicka'],
  ['Pawlak', 'Pawlak'], ['Górski', 'Górska'], ['Witkowski', 'Witkowska'], ['Walczak', 'Walczak'],
  ['Sikora', 'Sikora'], ['Baran', 'Baran'], ['Rutkowski', 'Rutkowska'], ['Michalak', 'Michalak'],
  ['Szewczyk', 'Szewczyk'], ['Ostrowski', 'Ostrowska'], ['Tomaszewski', 'Tomaszewska'], ['Pietrzak', 'Pietrzak'],
  ['Marciniak', 'Marciniak'], ['Wróblewski', 'Wróblewska'], ['Zalewski', 'Zalewska'], ['Jakubowski', 'Jakubowska'],
  ['Jasiński', 'Jasińska'], ['Zawadzki', 'Zawadzka'], ['Sadowski', 'Sadowska'], ['Bąk', 'Bąk'],
  ['Chmielewski', 'Chmielewska'], ['Włodarczyk', 'Włodarczyk'], ['Borkowski', 'Borkowska'], ['Czarnecki', 'Czarnecka'],
];
// [city, region, first two digits of its postal codes]
const CITIES: [string, string, string][] = [
  ['Warszawa', 'mazowieckie', '0'], ['Kraków', 'małopolskie', '3'], ['Łódź', 'łódzkie', '9'], ['Wrocław', 'dolnośląskie', '5'],
  ['Poznań', 'wielkopolskie', '6'], ['Gdańsk', 'pomorskie', '8'], ['Szczecin', 'zachodniopomorskie', '7'],
  ['Bydgoszcz', 'kujawsko-pomorskie', '8'], ['Lublin', 'lubelskie', '2'], ['Białystok', 'podlaskie', '1'],
  ['Katowice', 'śląskie', '4'], ['Gdynia', 'pomorskie', '8'], ['Częstochowa', 'śląskie', '4'], ['Radom', 'mazowieckie', '2'],
  ['Rzeszów', 'podkarpackie', '3'], ['Toruń', 'kujawsko-pomorskie', '8'], ['Kielce', 'świętokrzyskie', '2'],
  ['Olsztyn', 'warmińsko-mazurskie', '1'], ['Opole', 'opolskie', '4'], ['Zielona Góra', 'lubuskie', '6'],
];
const STREETS = ['Długa', 'Krótka', 'Polna', 'Leśna', 'Słoneczna', 'Ogrodowa', 'Lipowa', 'Kościuszki', 'Mickiewicza',
  'Szkolna', 'Kwiatowa', 'Sienkiewicza', 'Brzozowa', 'Kolejowa', 'Łąkowa', 'Akacjowa', 'Piłsudskiego', 'Wiejska',
  'Jana Pawła II', '3 Maja', 'Słowackiego', 'Żeromskiego', 'Kopernika', 'Chopina', 'Reymonta', 'Konopnickiej',
  'Prusa', 'Wesoła', 'Zielona', 'Parkowa', 'Dworcowa', 'Graniczna', 'Spokojna', 'Cicha', 'Jesionowa', 'Klonowa'];
const COMPANY_WORDS = ['Tech', 'Bud', 'Trans', 'Med', 'Pol', 'Inter', 'Net', 'Agro', 'Eko', 'Serwis', 'Handel', 'Logistyka', 'Dom', 'Auto'];
const FORMS = ['Sp. z o.o.', 'S.A.', 'sp.j.', ''];

/** mulberry32: reproducible from a seed, no Math.random. */
export function seeded(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const pad = (n: number, w: number) => String(n).padStart(w, '0');

/** Unique per index: the date and serial are both derived from i, the checksum computed. */
export function peselFor(i: number, male: boolean): string {
  const day = new Date(Date.UTC(1945, 0, 1) + (i % 21900) * 86400000);
  const y = day.getUTCFullYear();
  const month = day.getUTCMonth() + 1 + (y >= 2000 ? 20 : 0);
  const serial = Math.floor(i / 21900) * 2 + (male ? 1 : 0); // last serial digit odd for men
  const body = `${pad(y % 100, 2)}${pad(month, 2)}${pad(day.getUTCDate(), 2)}${pad(serial, 4)}`;
  return body + peselCheckDigit(body);
}

/** Unique per index; prefixes whose checksum would be 10 move to the next free one. */
export function nipFor(i: number): string {
  for (let k = 0; ; k++) {
    const body = String(100000000 + i * 97 + k);
    const check = nipCheckDigit(body);
    if (check !== 10) return body + check;
  }
}

/** Ten digits, a bijection of i (7919 is coprime with 10^9), so numbers look scattered but never repeat. */
export const customerIdFor = (i: number) => `1${pad((i * 7919 + 104729) % 1e9, 9)}`;
const phoneFor = (i: number) => `${5 + (i % 4)}${pad((i * 7927 + 3571) % 1e8, 8)}`;

export function syntheticCustomer(i: number, seed = 1): Customer {
  const r = seeded(seed * 1_000_003 + i);
  const business = r() < 0.12;
  const male = r() < 0.5;
  const [city, region, pcDigit] = pick(r, CITIES);
  const surname = pick(r, SURNAMES)[male ? 0 : 1];
  const firstName = pick(r, male ? MALE : FEMALE);
  const flat = r() < 0.5 ? `/${1 + Math.floor(r() * 80)}` : '';
  const company = `${pick(r, COMPANY_WORDS)}${pick(r, COMPANY_WORDS).toLowerCase()} ${surname} ${pick(r, FORMS)}`.trim();
  const invoices = Array.from({ length: Math.floor(r() * 3) }, (_, k) => `FV/2025/${pad(1 + ((i + k) % 12), 2)}/${pad(i * 3 + k, 7)}`);
  return {
    customerId: customerIdFor(i),
    segment: business ? 'business' : 'individual',
    firstName,
    lastName: surname,
    companyName: business ? company : null,
    pesel: business ? null : peselFor(i, male),
    nip: business ? nipFor(i) : null,
    street: `ul. ${pick(r, STREETS)} ${1 + Math.floor(r() * 120)}${flat}`,
    // ~150 postal codes per city: a few hundred customers per code at a million customers.
    postalCode: `${pcDigit}${Math.floor(r() * 10)}-${pad(Math.floor(r() * 15) * 7, 3)}`,
    city,
    region,
    phones: r() < 0.85 ? [phoneFor(i)] : [],
    email: r() < 0.6 ? `${fold2(firstName)}.${fold2(surname)}.${i}@example.pl` : null,
    invoiceNumbers: invoices,
    contractNumbers: [],
  };
}

function fold2(s: string): string {
  return s.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/ł/g, 'l');
}

/** CSV text in chunks, for streaming a million rows into the importer without building a file. */
export function* syntheticCsv(count: number, seed = 1, chunkRows = 1000): Generator<string> {
  yield customersToCsv([]);
  for (let start = 0; start < count; start += chunkRows) {
    const rows: Customer[] = [];
    for (let i = start; i < Math.min(count, start + chunkRows); i++) rows.push(syntheticCustomer(i, seed));
    yield customersToCsv(rows, { header: false });
  }
}
