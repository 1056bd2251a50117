import { describe, expect, it } from 'vitest';
import { detectInstitution, detectInstitutionDocument, extractIdentifiers, extractIdentifierParts, ocrDigitVariants, isValidNip, isValidPesel } from '../../classifier/identifiers.js';
import { findPhones } from '../../classifier/phones.js';

// Checksum-valid test numbers computed by hand: PESEL 44051401359 (1944-05-14), 02270803624 (2002-07-08); NIP 1234563218.
describe('phones', () => {
  it.each([
    ['tel. +48 601 234 567', '601234567'],
    ['tel 0048 601234567', '601234567'],
    ['kom. 601-234-567', '601234567'],
    ['tel. (0-22) 654 32 10', '226543210'],
    ['Telefon: (22) 654-32-10', '226543210'],
    ['proszę dzwonić 22 654 32 10', '226543210'],
    ['mój numer 601234567.', '601234567'],
    ['tel. 6O1 234 S67', '601234567'],
    // OCR broke "na numer" and left "umowę" as the last keyword: the +48 still says phone.
    ['Wypowiadam umowę na gumer +48786006771.', '786006771'],
    ['Tel (0-85) -835 61 24', '858356124'],
    // "sygnału" (signal) is no "sygn." (a court's case reference) before the number.
    ['cisza, nie ma sygnału. Mój numer (0-22) 756 23 45.', '227562345'],
    // A landline's seven digits run together after the bracketed area code (blind test Z).
    ['stacjonarny nr (22) 6541234', '226541234'],
    ['tel. (0-22) 6541234', '226541234'],
  ])('reads %s', (text, want) => {
    expect(findPhones(text).map((h) => h.phone)).toEqual([want]);
  });

  it.each([
    'PESEL 44051401359', 'NIP 123-456-32-18', 'NIP: 123-45-63-218', 'nr klienta 1234567890', 'faktura FV/2026/11/0012345',
    'F-123456789/2026', '00-950 Warszawa', 'konto 12 1020 1026 0000 0102 0123 4567', 'z dnia 12.03.2026 r.', 'kwota 1 234,56 zł',
    'REGON 012345678', 'sygn. akt I C 1234/25 z 12 3456 7890', 'konto (22) 6541234',
    // Eleven digits under "MSISDN" that are a valid PESEL are the PESEL.
    'Numer MSISDN / PESEL\n48012215072',
  ])('does not take %s for a phone', (text) => {
    expect(findPhones(text)).toEqual([]);
  });

  it('reads the MSISDN form of a police list, with its ordinals and periods (blind test AW)', () => {
    const list = 'WYKAZ NUMERÓW\n\nLp. Numer MSISDN Okres\n1. 48799175966 01.10.2026 31.10.2026\n2. 48513295349 01.10.2026 31.10.2026';
    expect(findPhones(list).map((p) => p.phone)).toEqual(['799175966', '513295349']);
    // Without the heading or a phone word, eleven digits stay unread.
    expect(findPhones('Nr 48799175966')).toEqual([]);
  });
});

describe('checksummed numbers', () => {
  it('validates PESEL checksum and birth date', () => {
    expect(isValidPesel('44051401359')).toBe(true);
    expect(isValidPesel('02270803624')).toBe(true);
    expect(isValidPesel('44051401358')).toBe(false);
    expect(isValidPesel('44135401351')).toBe(false); // month 13
  });

  it('validates NIP checksum', () => {
    expect(isValidNip('1234563218')).toBe(true);
    expect(isValidNip('1234563219')).toBe(false);
  });

  it('reads NIP in every printed shape', () => {
    for (const t of ['NIP 1234563218', 'NIP: 123-456-32-18', 'NIP 123-45-63-218', 'PL1234563218', 'NIP PL 1234563218']) {
      expect(extractIdentifiers(t).nips).toEqual(['1234563218']);
    }
  });

  it('repairs OCR letters in a PESEL only when the checksum confirms it', () => {
    expect(extractIdentifiers('PESEL 44O514O1359').pesels).toEqual(['44051401359']);
    // Same shape, but the mapped digits fail the checksum: nothing is invented.
    expect(extractIdentifiers('PESEL 44O514O1358').pesels).toEqual([]);
    // A valid raw PESEL is never "repaired".
    expect(extractIdentifiers('PESEL 02270803624').pesels).toEqual(['02270803624']);
  });

  it('repairs one misread digit of a labelled PESEL when exactly one repair validates', () => {
    // One misread digit whose only checksum-valid repair is the real number.
    expect(extractIdentifiers('PESEL 44051401859').pesels).toEqual(['44051401359']);
    // Said to be a repair, so the matcher wants it backed; as printed, or through O for 0, it is not one.
    expect(extractIdentifiers('PESEL 44051401859').checksumRepaired).toEqual(['44051401359']);
    expect(extractIdentifiers('PESEL 44O514O1359').checksumRepaired).toBeUndefined();
    // Printed right once, the number is no repair however often it is misread elsewhere.
    expect(extractIdentifiers('PESEL 44051401359\nmój PESEL: 44051401859').checksumRepaired).toBeUndefined();
    // Several repairs validate: none is chosen, nothing is invented.
    const misread = '44051401389';
    expect(extractIdentifiers(`PESEL ${misread}`).pesels).toEqual([]);
    // Unlabelled, digit swaps are not attempted at all.
    expect(extractIdentifiers(`liczba ${misread}`).pesels).toEqual([]);
  });

  it('offers OCR variants for the matcher, letter mapping first', () => {
    const v = ocrDigitVariants('60l 234 S67');
    expect(v[0]).toBe('601234567');
    expect(v).toContain('607234567');
    expect(new Set(v).size).toBe(v.length);
  });
});

describe('customer, invoice and contact identifiers', () => {
  it('reads customer numbers after their keywords, tolerating OCR and spacing', () => {
    expect(extractIdentifiers('Nr klienta: 1234567890').customerNumbers).toEqual(['1234567890']);
    expect(extractIdentifiers('numer abonenta 123 456 7890').customerNumbers).toEqual(['1234567890']);
    expect(extractIdentifiers('ID klienta 12345-67890 oraz').customerNumbers).toEqual(['1234567890']);
    expect(extractIdentifiers('numer konta klienta: l2345678gO').customerNumbers).toEqual(['1234567890']);
    expect(extractIdentifiers('telefon 1234567890').customerNumbers).toEqual([]);
  });

  it('reads invoice numbers in common shapes', () => {
    const ids = extractIdentifiers('Dotyczy faktury nr FV/2026/11/0012345 oraz faktury F-123456789/2026 i rachunek nr 12345/11/2026 z dnia 03.11.2026');
    expect(ids.invoiceNumbers).toEqual(expect.arrayContaining(['FV/2026/11/0012345', 'F-123456789/2026', '12345/11/2026']));
    expect(ids.invoiceNumbers).not.toContain('03.11.2026');
  });

  it('also reads an invoice number whose digit pair the OCR split with a space', () => {
    const ids = extractIdentifiers('czy nowa stawka obowiązuje już od faktury\nFV/2026/1 1/8859009, czy od następnej.');
    expect(ids.invoiceNumbers).toContain('FV/2026/11/8859009');
    expect(extractIdentifiers('faktury FV/2026/11/8859009 i 12 innych').invoiceNumbers).toEqual(['FV/2026/11/8859009']);
  });

  it('reads an invoice number whose prefix the OCR set apart ("FV /2024/10/050678")', () => {
    expect(extractIdentifiers('Załączam kopię faktury FV /2024/10/050678.').invoiceNumbers).toEqual(['FV/2024/10/050678']);
    // A space after a slash inside the number (blind test Y, a noisy scan).
    expect(extractIdentifiers('wynikającej z faktury nr FV/2026/ 10/317656 na kwotę').invoiceNumbers).toContain('FV/2026/10/317656');
  });

  it('reads the sender block: name, street, postal code, city, e-mail, company', () => {
    // A firm's block under a sender's in the letter's head is the recipient's (blind test R), so the firm comes first here.
    const ids = extractIdentifiers('Firma Budex Sp. z o.o.\nal. Jana Pawła II 12 m. 4\n30-001 Kraków\n\nAnna Wiśniewska\nos. Kościuszki 7/3\n62-100 Wągrowiec\nanna.w@poczta.pl');
    expect(ids.names).toContainEqual({ first: 'Anna', last: 'Wiśniewska' });
    expect(ids.addresses).toContainEqual({ street: 'os. Kościuszki 7/3', postalCode: '62-100', city: 'Wągrowiec' });
    expect(ids.addresses).toContainEqual({ street: 'al. Jana Pawła II 12 m. 4', postalCode: '30-001', city: 'Kraków' });
    expect(ids.postalCodes.sort()).toEqual(['30-001', '62-100']);
    expect(ids.emails).toEqual(['anna.w@poczta.pl']);
    expect(ids.companyNames).toEqual(['Budex Sp. z o.o.']);
    expect(ids.fromInstitution).toBe(false);
  });

  it.each([
    ['KOWALSKI JAN', 'Jan', 'Kowalski'],
    ['dotyczy dłużnika Jana Kowalskiego', 'Jan', 'Kowalski'],
    ['w imieniu Anny Nowak', 'Anna', 'Nowak'],
    ['wniosek konsumentki, Pani Anny Wrony', 'Anna', 'Wrona'],
    ['w sprawie Pani Ewy Kuli', 'Ewa', 'Kula'],
    ['od Pani Katarzyny Wiśniewskiej', 'Katarzyna', 'Wiśniewska'],
    ['rozmawiałem z Markiem Zielińskim', 'Marek', 'Zieliński'],
    ['sprawa Stanisława Nowaka', 'Stanisław', 'Nowak'],
    // A stem consonant that alternates, a mobile e (blind test AW).
    ['z powództwa banku przeciwko Beacie Michalskiej', 'Beata', 'Michalska'],
    ['doręczono Jadwidze Nowak wezwanie', 'Jadwiga', 'Nowak'],
    ['dotyczy skargi Pana Pawła Kasprzaka', 'Pawel', 'Kasprzak'],
  ])('recovers the nominative from %s', (text, first, last) => {
    expect(extractIdentifiers(text).names[0]).toEqual({ first, last });
  });

  it('does not take a family word before a name for a surname ("Mąż Maria Głowacka zmarł")', () => {
    expect(extractIdentifiers('Mąż Maria Głowacka zmarł w marcu.').names).toEqual([{ first: 'Maria', last: 'Głowacka' }]);
    expect(extractIdentifiers('Syn Adam Nowak pisze w imieniu ojca.').names).toEqual([{ first: 'Adam', last: 'Nowak' }]);
  });

  it('joins a number the OCR wrapped over two lines, but not a house number and the postal line under it', () => {
    expect(extractIdentifiers('Proszę o kontakt pod numerem tel. 601 234\n567 po godzinie 16.').phones).toEqual(['601234567']);
    // "5/12" read as "5712" over "31-147 Kraków" made the phone 571 231 147 (blind test O).
    expect(extractIdentifiers('Tomasz Wiśniewski\nul. Długa 5712\n31-147 Kraków\n\nWypowiadam umowę.').phones).toEqual([]);
    expect(extractIdentifiers('Jan Nowak, Długa 5\n12.11.2026 r.').phones).toEqual([]);
  });

  it('reads a sender block headed by an initial, typed all in small letters, or with a spaced hyphen (blind tests O, Q)', () => {
    const names = (t: string) => extractIdentifiers(t).names;
    expect(names('M. Szymański\nul. Kościuszki 17/2\n15-420 Białystok\n\nAwaria telewizji.')).toEqual([{ first: 'M', last: 'Szymański' }]);
    expect(names('zbigniew kurek\nul fordonska 120/45\ntel 783 220 915\n\nnet nie dziala')).toEqual([{ first: 'Zbigniew', last: 'Kurek' }]);
    expect(extractIdentifiers('zbigniew kurek\nul fordonska 120/45\n85-790 bydgoszcz\n\nnet nie dziala').addresses)
      .toEqual([{ street: 'ul. fordonska 120/45', postalCode: '85-790', city: 'bydgoszcz' }]);
    expect(extractIdentifiers('kwota 12-345 zostala pobrana').addresses).toEqual([]);
    // The postal code after the town; a register word after a footer's town (blind test O).
    expect(extractIdentifiers('KRYSTYNA WIŚNIEWSKA\nOs. Tysiąclecia 5 m. 12\nKraków 31-610\n\nWniosek.').addresses)
      .toEqual([{ street: 'os. Tysiąclecia 5 m. 12', postalCode: '31-610', city: 'Kraków' }]);
    expect(extractIdentifiers('Bilans Sp. z o.o., 26-600 Radom NIP 7961234567').addresses).toEqual([{ street: null, postalCode: '26-600', city: 'Radom' }]);
    expect(names('MARIA KOWALCZYK -WÓJCIK\nAL. AK 101 M 3\n50-541 WROCŁAW')).toEqual([{ first: 'Maria', last: 'Kowalczyk-Wójcik' }]);
    // Lines of prose above an address, and a dash spaced on both sides, are no such names.
    expect(names('prosze pilnie\nul. Długa 5\n00-001 Warszawa')).toEqual([]);
    expect(names('Jan Nowak - Prezes Zarządu')).toEqual([{ first: 'Jan', last: 'Nowak' }]);
  });

  it('reads a name the OCR wrapped over two lines, given name first only', () => {
    expect(extractIdentifiers('co zgłaszałem czterokrotnie. Żaneta\nPawlak, 328 249 4477').names).toEqual([{ first: 'Żaneta', last: 'Pawlak' }]);
    expect(extractIdentifiers('w sprawie skargi Pani Moniki\nJakubowskiej dotyczącej opłat').names[0]).toEqual({ first: 'Monika', last: 'Jakubowska' });
    // A surname ending a line and a given name starting the next are two lines, not "KOWALSKI JAN".
    expect(extractIdentifiers('Nowak\nAnna przyjdzie jutro').names).not.toContainEqual({ first: 'Anna', last: 'Nowak' });
  });

  it('reads a signature under a closing formula even for a given name outside the lexicon', () => {
    const ids = extractIdentifiers('Proszę o kontakt.\n\nZ poważaniem\nHortensja Zięba');
    expect(ids.names).toEqual([{ first: 'Hortensja', last: 'Zięba' }]);
  });

  it('reads a NIP introduced as "NIP firmy"', () => {
    expect(extractIdentifiers('NIP firmy 1234563218.').nips).toEqual(['1234563218']);
  });

  it('reads streets with lower-case joining words and titles, across a blank OCR line', () => {
    const streets = (t: string) => extractIdentifiers(t).addresses.map((a) => [a.street, a.postalCode, a.city]);
    expect(streets('Serwis Bajt sp. z o.o.\nul. Żwirki i Wigury 123/6\n\n45-358 Opole')).toEqual([['ul. Żwirki i Wigury 123/6', '45-358', 'Opole']]);
    expect(streets('ul. gen. Władysława Andersa 5 m. 3\n00-001 Warszawa')).toEqual([['ul. gen. Władysława Andersa 5 m. 3', '00-001', 'Warszawa']]);
    expect(streets('ul. ks. Piotra Skargi 3, 31-001 Kraków')).toEqual([['ul. ks. Piotra Skargi 3', '31-001', 'Kraków']]);
    expect(streets('ul. 3 Maja 4\n20-001 Lublin')).toEqual([['ul. 3 Maja 4', '20-001', 'Lublin']]);
    // Two digits, and the ordinal's ending (blind test AH).
    expect(streets('ul. 11 Listopada 113/57\n20-246 Lublin')).toEqual([['ul. 11 Listopada 113/57', '20-246', 'Lublin']]);
    expect(streets('ul. 11-go Listopada 101 m. 28\n31-881 Kraków')).toEqual([['ul. 11-go Listopada 101 m. 28', '31-881', 'Kraków']]);
    // OCR lowered the first capital; after "pl." (also a domain) no lower-case name is taken.
    expect(streets('ul. ogrodowa 109 lok. 8\n94-846 Łódź')).toEqual([['ul. ogrodowa 109 lok. 8', '94-846', 'Łódź']]);
    expect(streets('al. wojska Polskiego 79a\n68-751 Poznań')).toEqual([['al. wojska Polskiego 79a', '68-751', 'Poznań']]);
    expect(streets('na stronie telekom.pl oraz 12 salonach')).toEqual([]);
    // Without a postal line, a town after a comma ends the street's line; prose after a comma is no town.
    expect(streets('Jan Wrona\nul. Żeromskiego 12, Radom\ntel. 606 332 781')).toEqual([['ul. Żeromskiego 12', null, 'Radom']]);
    // The town opening the street's line (blind test L), but not a person's name there.
    expect(streets('Rajesh Kumar\nGdansk, ul. Kartuska 5\nphone 512 906 339')).toEqual([['ul. Kartuska 5', null, 'Gdansk']]);
    expect(streets('Jan Nowak, ul. Długa 5')).toEqual([['ul. Długa 5', null, null]]);
    expect(streets('mieszkam przy ul. Długiej 5, Proszę o kontakt.')).toEqual([['ul. Długiej 5', null, null]]);
    expect(streets('ul. Długa 5, Nowy Sącz\n33-300 Nowy Sącz')).toEqual([['ul. Długa 5', '33-300', 'Nowy Sącz']]);
    // The town named in prose before the street, declined as prose has it.
    expect(streets('zamieszkały w Kielcach przy ul. Sienkiewicza 60/2, proszę')).toEqual([['ul. Sienkiewicza 60/2', null, 'Kielcach']]);
    expect(streets('mieszkam w Toruniu, ul. Polna 3.')).toEqual([['ul. Polna 3', null, 'Toruniu']]);
    // OCR doubled the prefix's dot or read it as a colon.
    expect(streets('Irena Król\nul.. Klonowa 12\n68-851 Kalisz')).toEqual([['ul. Klonowa 12', '68-851', 'Kalisz']]);
    expect(streets('ul: szkolna 10/38\n07-764 Siedlce')).toEqual([['ul. szkolna 10/38', '07-764', 'Siedlce']]);
    // A letter typed all in capitals, as forms and typewriters write it.
    expect(streets('WŁADYSŁAW BARAN\nUL. KOŚCIUSZKI 77 M. 4\n42-200 CZĘSTOCHOWA')).toEqual([['ul. KOŚCIUSZKI 77 M. 4', '42-200', 'CZĘSTOCHOWA']]);
    expect(streets('OS. TYSIĄCLECIA 12/3\n40-871 KATOWICE')).toEqual([['os. TYSIĄCLECIA 12/3', '40-871', 'KATOWICE']]);
  });

  it('reads the sender block of customers from abroad: Ukrainian and English given names, apostrophe surnames', () => {
    const names = (t: string) => extractIdentifiers(t).names;
    expect(names('Oleksandr Shevchenko\nul. Długa 5/3\n00-950 Warszawa\n\nProszę o rozwiązanie umowy.')).toEqual([{ first: 'Oleksandr', last: 'Shevchenko' }]);
    expect(names('Iryna Kovalenko\nul. Polna 3\n20-001 Lublin')).toEqual([{ first: 'Iryna', last: 'Kovalenko' }]);
    expect(names("Michael O'Brien\nul. Lubomirskiego 22/4\n31-509 Kraków")).toEqual([{ first: 'Michael', last: "O'Brien" }]);
    // A surname whose capital OCR read small, in the sender block above its street; not a verb in prose.
    expect(names('Helena krawczyk\nul. Ogrodowa 3\n88-100 Inowrocław\n\nProszę o naprawę.')).toEqual([{ first: 'Helena', last: 'Krawczyk' }]);
    expect(names('Szanowni Państwo,\nAnna prosiła\nmnie o napisanie.')).toEqual([]);
    // A Polish noun that is also a Ukrainian name stays a noun.
    expect(names('Taras Widokowy\nul. Polna 3\n20-001 Lublin')).toEqual([]);
  });

  it('reads Georgian, Vietnamese, Indian, German and Russian given names, surname first too (blind test L)', () => {
    const names = (t: string) => extractIdentifiers(t).names;
    expect(names('Nino Beridze\nul. Cybernetyki 19B m. 45\n02-677 Warszawa')).toEqual([{ first: 'Nino', last: 'Beridze' }]);
    expect(names('Beridze Giorgi\ntel 579 220 631\n\nReklamacja.')).toEqual([{ first: 'Giorgi', last: 'Beridze' }]);
    expect(names('Minh Nguyen\nul. Marywilska 44\n03-042 Warszawa')).toEqual([{ first: 'Minh', last: 'Nguyen' }]);
    expect(names('Priya Sharma\nul. Prosta 20\n00-850 Warszawa')).toEqual([{ first: 'Priya', last: 'Sharma' }]);
    expect(names('Klaus Schmidt\nul. Kilińskiego 7\n81-386 Gdynia')).toEqual([{ first: 'Klaus', last: 'Schmidt' }]);
    expect(names('Siergiej Łukaszewicz\ntel. 797-440-215')).toEqual([{ first: 'Siergiej', last: 'Łukaszewicz' }]);
    // Polish words that are also foreign names stay words.
    expect(names('Szanowni Państwo,\nnam tam nikt nie pomógł.')).toEqual([]);
  });

  it('reads names in any Latin letters, a double surname alone on its line, a Vietnamese family name first (blind test T)', () => {
    const names = (t: string) => extractIdentifiers(t).names;
    const block = '\nul. Długa 19/4\n80-827 Gdańsk\n\nProszę o fakturę.';
    expect(names(`María José García López${block}`)).toEqual([{ first: 'María', last: 'García López' }]);
    // The OCR turned "é" into "ć": the given name is lost, both surnames stay.
    expect(names(`Maria Josć Garcia López${block}`)).toEqual([{ first: 'Maria', last: 'Josć Garcia López' }]);
    expect(names(`Nguyen Van Minh${block}`)).toEqual([{ first: 'Van Minh', last: 'Nguyen' }]);
    expect(names(`Tran Thi Lan${block}`)).toEqual([{ first: 'Thi Lan', last: 'Tran' }]);
    expect(names(`Jürgen Müller${block}`)).toEqual([{ first: 'Jürgen', last: 'Müller' }]);
    // A title after the name on its line (OCR joined the lines) is no second surname.
    expect(names(`Michał Broniewicz Kancelaria Adwokacka${block}`)).toEqual([{ first: 'Michał', last: 'Broniewicz' }]);
    // In prose a name followed by more capitalised words keeps one surname.
    expect(names('Szanowni Państwo,\nAnna Kowalska Zgłasza reklamację.')).toEqual([{ first: 'Anna', last: 'Kowalska' }]);
  });

  it('does not take streets named after people for senders', () => {
    expect(extractIdentifiers('ul. Marii Konopnickiej 5').names).toEqual([]);
    // Nor a pair further into the street's name, its Roman numeral misread (blind test AZ: "Paweł Il").
    expect(extractIdentifiers('Wiesław Mazurek\nul. Jana Pawła Il 40\n33-300 Nowy Sącz').names).toEqual([{ first: 'Wiesław', last: 'Mazurek' }]);
    expect(extractIdentifiers('Proszę o kontakt. Jan Nowak').names).toEqual([{ first: 'Jan', last: 'Nowak' }]);
  });

  it('reads a bare customer number on its own line under the signature or its address lines', () => {
    expect(extractIdentifiers('Wypowiadam umowę.\nMaria Zalewska\n6609959281\n').customerNumbers).toEqual(['6609959281']);
    expect(extractIdentifiers('Dorota Baran\nul. Polna 32\n163 132 22 12').customerNumbers).toEqual(['1631322212']);
    // Not a date, a phone, an amount or a number further down the page.
    for (const t of ['Jan Kowalski\ntel. 601 234 567', 'Jan Kowalski\n12.03.2026', 'Jan Kowalski\n1234567890 zł', 'Jan Kowalski\na\nb\nc\n1234567890']) {
      expect(extractIdentifiers(t).customerNumbers, t).toEqual([]);
    }
  });

  it('reads numbers a line break split, a stray digit after a number and a dot after the name', () => {
    expect(extractIdentifiers('Grażyna Czarnecka, tel. 0048 501\n023 953').phones).toEqual(['501023953']);
    expect(extractIdentifiers('pakiet na numer +48 458 185\n576. Dziękuję').phones).toEqual(['458185576']);
    // A year at a line's end does not swallow the phone that starts the next line.
    expect(extractIdentifiers('W dniu 12.03.2026\n601 234 567 to mój numer tel.').phones).toEqual(['601234567']);
    expect(extractIdentifiers('Marcin Chmielewski, klient 5105064037 7').customerNumbers).toEqual(['5105064037']);
    expect(extractIdentifiers('Adam Czarnecki. 511 762 4174').customerNumbers).toEqual(['5117624174']);
    // Eleven digits written together are not cut to ten: taken as written, they match only a master
    // that numbers its customers with eleven.
    expect(extractIdentifiers('nr klienta 12345678901').customerNumbers).toEqual(['12345678901']);
  });

  it("keeps address-like words whose '@' the OCR lost apart from the e-mails, for the master to confirm", () => {
    const ids = extractIdentifiers('Paweł Dudek\npawel.dudekQpoczta.example.pl NN\nsekretariat zst-sieradz.example.pl\nmarket .groszek898@poczta.example.pl');
    expect(ids.emails).not.toContain('pawel.dudekqpoczta.example.pl');
    expect(ids.unreadEmails).toEqual(expect.arrayContaining(['pawel.dudekqpoczta.example.pl', 'sekretariat zst-sieradz.example.pl', 'market.groszek898@poczta.example.pl']));
    // Angle brackets of a header, a top-level domain split off at its dot, an address in three pieces.
    const header = extractIdentifiers('Od: Halina Jankowska <mechanika.turboQ example.pl>\nOd: ewa.maj239@example. pl\n0d: a.nowak723Gexample. com\nKlient, stanislaw. wlodarczyk93 @example.pl, udzielił');
    expect(header.unreadEmails).toEqual(expect.arrayContaining(['mechanika.turboq example.pl', 'ewa.maj239@example.pl', 'a.nowak723gexample.com', 'stanislaw.wlodarczyk93@example.pl']));
    expect(extractIdentifiers('Od: janina.cieslak306 © poczta.example.pl').unreadEmails).toContain('janina.cieslak306@poczta.example.pl');
    // Web addresses and plain prose carry no lost '@'.
    expect(extractIdentifiers('Zapraszamy na www.telekom.pl i do salonu. Dziękuję.').unreadEmails).toBeUndefined();
    expect(extractIdentifiers('Kwota 12.50 zł. Termin do 5.12. Wpłata na konto.').unreadEmails).toBeUndefined();
  });
});

describe('institution letters', () => {
  const court = `SĄD REJONOWY dla Warszawy-Mokotowa
I Wydział Cywilny
ul. Marszałkowska 82, 00-517 Warszawa
NIP 525-22-48-481, tel. (22) 440 10 00

Sygn. akt I C 1234/26

W sprawie z powództwa Banku przeciwko dłużnikowi Janowi Kowalskiemu, PESEL 44051401359,
zam. ul. Długa 5/12, 02-495 Warszawa, numer klienta 1234567890, tel. 601 234 567,
Sąd wzywa do udzielenia informacji w terminie 14 dni.

Sędzia Anna Nowak`;

  it('returns the debtor, not the court or the judge', () => {
    const parts = extractIdentifierParts(court);
    expect(parts.institution).toBe('court');
    expect(parts.narrowedToSubject).toBe(true);
    const ids = parts.identifiers;
    expect(ids.fromInstitution).toBe(true);
    expect(ids.names[0]).toEqual({ first: 'Jan', last: 'Kowalski' });
    expect(ids.names).not.toContainEqual({ first: 'Anna', last: 'Nowak' });
    expect(ids.phones).toEqual(['601234567']);
    expect(ids.nips).toEqual([]);
    expect(ids.postalCodes).toEqual(['02-495']);
    expect(ids.addresses[0]?.street).toBe('ul. Długa 5/12');
    expect(ids.pesels).toEqual(['44051401359']);
    expect(ids.customerNumbers).toEqual(['1234567890']);
  });

  it('keeps the subject an "abonencie numeru" sentence leads to, named further on (blind test AG)', () => {
    const police = 'KOMENDA MIEJSKA POLICJI W RZESZOWIE\nul. Dąbrowskiego 30, 35-036 Rzeszów\n\nDotyczy: udzielenie informacji\n\n'
      + 'W związku z prowadzonym postępowaniem sprawdzającym w sprawie gróźb karalnych kierowanych\nwiadomościami SMS (art. 190 § 1 k.k.), '
      + 'na podstawie art. 20c ust. 1 ustawy o Policji, zwracam się o\nudzielenie informacji o abonencie numeru 721 210 674, w tym o danych '
      + 'identyfikacyjnych, adresie\nzameldowania i adresie korespondencyjnym, oraz datę aktywacji numeru. Według posiadanych informacji\n'
      + 'numer jest przypisany do Pana Łukasza Lisa, zam. ul. Obrońców Wybrzeża 46, 80-839 Gdańsk.\n\nasp. szt. Grzegorz Pałka';
    const ids = extractIdentifiers(police);
    expect(ids.fromInstitution).toBe(true);
    expect(ids.names[0]).toEqual({ first: 'Łukasz', last: 'Lis' });
    expect(ids.addresses).toEqual([{ street: 'ul. Obrońców Wybrzeża 46', postalCode: '80-839', city: 'Gdańsk' }]);
    expect(ids.phones).toEqual(['721210674']);
  });

  it('recognises a bailiff even through OCR damage, and a customer merely mentioning a court is not one', () => {
    expect(extractIdentifiers('Komornik Sadawy przy Sądzie Rejonowym w Olsztynie\nKm 123/26').fromInstitution).toBe(true);
    expect(extractIdentifiers('Jan Kowalski\nul. Polna 3\n\nJeśli nie oddacie pieniędzy, pójdę do sądu i do rzecznika.').fromInstitution).toBe(false);
  });

  it('keeps the subject named after "w sprawie" when the OCR broke the line between the two words', () => {
    const uke = 'PREZES URZĘDU KOMUNIKACJI ELEKTRONICZNEJ\nul. Giełdowa 7/9, 01-211 Warszawa\n\nTelekomunikacja Nadwiślańska S.A.\n\n' +
      'W nawiązaniu do pisma z dnia 1 października 2026 r. w\nsprawie skargi Pana Adam Zieliński dotyczącej opłat roamingowych\n' +
      'proszę o wykaz połączeń abonenta (numer 917731361).\n\nz up. Prezesa UKE\nJan Wiśniewski';
    const ids = extractIdentifiers(uke);
    expect(ids.fromInstitution).toBe(true);
    expect(ids.names).toContainEqual({ first: 'Adam', last: 'Zieliński' });
    expect(ids.names).not.toContainEqual({ first: 'Jan', last: 'Wiśniewski' });
  });
});

describe('an address line without "ul."', () => {
  it('is read right above a postal line: a street in capitals, or a village and house number', () => {
    expect(extractIdentifiers('WÓJCIK KRZYSZTOF\nLIPOWA 5 m 3\n20-019 LUBLIN\n\nNie działa internet.').addresses)
      .toEqual([{ street: 'LIPOWA 5 m 3', postalCode: '20-019', city: 'LUBLIN' }]);
    expect(extractIdentifiers('Stanisław Nowak\nZawady 12\n05-660 Warka\n\nProszę o technika.').addresses)
      .toEqual([{ street: 'Zawady 12', postalCode: '05-660', city: 'Warka' }]);
    // A sentence above the postal line is no street.
    expect(extractIdentifiers('Jan Nowak\nDo dnia 12\n30-001 Kraków').addresses).toEqual([{ street: null, postalCode: '30-001', city: 'Kraków' }]);
  });

  it('is read on one line with the postal code or the town, in a date-named street, and over a town line', () => {
    const streets = (t: string) => extractIdentifiers(t).addresses.map((a) => [a.street, a.postalCode, a.city]);
    expect(streets('Anna Lis\nGrunwaldzka 48/7, 50-357 Wrocław\n\nProszę o fakturę.')).toEqual([['Grunwaldzka 48/7', '50-357', 'Wrocław']]);
    expect(streets('Anna Lis, Grunwaldzka 48 m. 7, 50-357 Wrocław')).toEqual([['Grunwaldzka 48 m. 7', '50-357', 'Wrocław']]);
    expect(streets('Anna Lis\nWrocław, Grunwaldzka 48/7\ntel. 601 234 567')).toEqual([['Grunwaldzka 48/7', null, 'Wrocław']]);
    expect(streets('Anna Lis\n3 Maja 12/4\n35-030 Rzeszów')).toEqual([['3 Maja 12/4', '35-030', 'Rzeszów']]);
    expect(streets('Anna Lis\ngen. Józefa Bema 5\n35-030 Rzeszów')).toEqual([['gen. Józefa Bema 5', '35-030', 'Rzeszów']]);
    expect(streets('Anna Lis\nGrunwaldzka 48/7\nWrocław\n\nProszę o fakturę.')).toEqual([['Grunwaldzka 48/7', null, 'Wrocław']]);
    // A person's name before the comma is no town; a date, an invoice line or a closing word is no address.
    expect(streets('Anna Lis, Grunwaldzka 48/7')).toEqual([['Grunwaldzka 48/7', null, null]]);
    expect(streets('Wrocław, Listopad 2026\nWrocław, 12 listopada 2026')).toEqual([]);
    expect(streets('Faktura 123\n30-001 Kraków')).toEqual([[null, '30-001', 'Kraków']]);
    expect(streets('Dziękuję 5\nPozdrawiam')).toEqual([]);
  });
});

describe('the recipient block', () => {
  it("keeps the operator's own footer (NIP, head office, hotline) on its forms out of the sender's identifiers", () => {
    const ids = extractIdentifiers('Imię i nazwisko: Jan Kowalski\nul. Lipowa 5\n30-001 Kraków\n\n' +
      'Telekomunikacja Nadwiślańska S.A., ul. Bankowa 12, 00-950 Warszawa, NIP 525-000-11-21, KRS 0000123456, kapitał zakładowy 120 000 000 zł\n' +
      'Adres do korespondencji: Skrytka pocztowa 1000, 00-950 Warszawa 1 infolinia 801 200 300');
    expect([ids.nips, ids.phones, ids.postalCodes]).toEqual([[], [], ['30-001']]);
  });

  it('gives no customer number from the postal code under "Biuro Obsługi Klienta"', () => {
    expect(extractIdentifiers('Telekomunikacja X S.A.\nBiuro Obsługi Klienta\n\n00-950 Warszawa\n\nProszę o fakturę.').customerNumbers).toEqual([]);
  });
});

describe('a given name signed as a diminutive', () => {
  it('stands for the name it shortens ("Zbyszek" for Zbigniew, "Kasia" for Katarzyna)', () => {
    expect(extractIdentifiers('Z poważaniem\nZbyszek Michalak').names).toContainEqual({ first: 'Zbigniew', last: 'Michalak' });
    expect(extractIdentifiers('Pozdrawiam, Kasia Nowak').names).toContainEqual({ first: 'Katarzyna', last: 'Nowak' });
  });
});

describe('a couple signing together', () => {
  it('gives each spouse with the singular surname', () => {
    const ids = extractIdentifiers('Z poważaniem\nHalina i Stanisław Wiśniewscy\nul. Lipowa 5, 00-950 Warszawa');
    expect(ids.names).toEqual(expect.arrayContaining([{ first: 'Halina', last: 'Wiśniewska' }, { first: 'Stanisław', last: 'Wiśniewski' }]));
    expect(ids.names).not.toContainEqual({ first: 'Stanisław', last: 'Wiśniewscy' });
    expect(extractIdentifiers('Jan i Anna Zawadzcy').names).toEqual(expect.arrayContaining([{ first: 'Jan', last: 'Zawadzki' }, { first: 'Anna', last: 'Zawadzka' }]));
  });
});

describe('customer numbers: abbreviations, English, other shapes, contract numbers', () => {
  it('reads "nr kl.", a slash after the signature and English keywords', () => {
    expect(extractIdentifiers('Oddajcie jedna.\nJacek Wieczorek, nr kl. 9594629495').customerNumbers).toEqual(['9594629495']);
    expect(extractIdentifiers('Teresa Walczak / 4457155268').customerNumbers).toEqual(['4457155268']);
    expect(extractIdentifiers('Our customer number is 7153329197 and phone 587 016 141.').customerNumbers).toEqual(['7153329197']);
    expect(extractIdentifiers('Jan Pietrzak, acct 8934160589').customerNumbers).toEqual(['8934160589']);
    expect(extractIdentifiers('Former customer number: 62754-73638').customerNumbers).toEqual(['6275473638']);
    expect(extractIdentifiers('Nr klienta u dostawcy: 4360925362').customerNumbers).toEqual(['4360925362']);
    expect(extractIdentifiers('klient 476 -226 9447').customerNumbers).toEqual(['4762269447']);
    // A shorter number grouped as the invoice prints it (blind test S): the groups joined, and the
    // first group as before; a number alone stays alone.
    expect(extractIdentifiers('Numer klienta: 4027 7135\nJan Lis').customerNumbers).toEqual(['4027', '40277135']);
    expect(extractIdentifiers('Nr klienta 1234 z dnia 5 maja').customerNumbers).toEqual(['1234']);
  });

  it('takes a number of another shape after a keyword as written, never a date, a bank account or a name', () => {
    expect(extractIdentifiers('Nr klienta: K-104233').customerNumbers).toEqual(['K-104233']);
    expect(extractIdentifiers('customer no. AB/2291/7').customerNumbers).toEqual(['AB/2291/7']);
    expect(extractIdentifiers('Klient: Jan Kowalski').customerNumbers).toEqual([]);
    expect(extractIdentifiers('klientem od 2015-03-01').customerNumbers).toEqual([]);
    expect(extractIdentifiers('konto 12102044760000123456789012').customerNumbers).toEqual([]);
    // A letter prefix set apart from its digits (blind test R), joined; an account's groups are no such number.
    expect(extractIdentifiers('Klient JT 0733418, proszę o kontakt.').customerNumbers).toEqual(['JT0733418']);
    expect(extractIdentifiers('Konto: PL 61 1090 1014 0000 0712 1981 2874').customerNumbers).toEqual([]);
    expect(extractIdentifiers('konto PL 1090101400000712').customerNumbers).toEqual([]);
  });

  it('keeps contract and subscription numbers apart, to be believed only with other evidence', () => {
    const ids = extractIdentifiers('Dotyczy: umowa nr 7312166355, abonament nr 4360925362');
    expect(ids.customerNumbers).toEqual([]);
    expect(ids.contractNumbers).toEqual(['7312166355', '4360925362']);
    expect(extractIdentifiers('nr klienta 7312166355, umowa nr 7312166355').contractNumbers).toBeUndefined();
  });

  it("reads a contract's own reference, with words between 'umowa' and its number", () => {
    const ids = extractIdentifiers('Dotyczy: umowy abonenckiej nr UM/2025/04/1182\n' +
      'W nawiązaniu do umowy o świadczenie usług nr 2024/KR/55821 oraz Nr umowy: 88123/2023. Umowę zawarłem 12.03.2024.');
    expect(ids.contractNumbers).toEqual(['UM/2025/04/1182', '2024/KR/55821', '88123/2023']);
    // A date after "umowa z dnia" is none.
    expect(extractIdentifiers('umowa z dnia 12.03.2024 r.').contractNumbers).toBeUndefined();
  });

  it("reads a contract's reference right after 'umowa' without 'nr' (blind test M)", () => {
    const ids = extractIdentifiers('Umowa: UM/B2B/2023/1189\nProszę o zmianę adresu na umowie firmowej UM/B2B/2025/0098 oraz ' +
      'w ramach umowy UM/B2B/2019/0404: awaria.');
    expect(ids.contractNumbers).toEqual(['UM/B2B/2023/1189', 'UM/B2B/2025/0098', 'UM/B2B/2019/0404']);
    // A date written with dashes or slashes is no reference.
    expect(extractIdentifiers('na podstawie umowy 12/03/2020 oraz umowy z dnia 12-03-2020').contractNumbers).toBeUndefined();
  });

  it('keeps ten digits written without a keyword for corroboration, never parts of longer numbers or labelled ones', () => {
    expect(extractIdentifiers('Temat: Nie działa telewizja – 8148283746').contractNumbers).toEqual(['8148283746']);
    expect(extractIdentifiers('Re: zgłoszenie 227 923 0981\nNie zgadzam się.').contractNumbers).toEqual(['2279230981']);
    expect(extractIdentifiers('(nr 48876-77384)').contractNumbers).toEqual(['4887677384']);
    // A bank account, a parcel number in groups, a company register and a phone with its trunk zero.
    expect(extractIdentifiers('konto: PL61 1090 1014 0000 0712 1981 2874').contractNumbers).toBeUndefined();
    expect(extractIdentifiers('przesyłka DPD 1000 6633 4521 88').contractNumbers).toBeUndefined();
    expect(extractIdentifiers('Sąd Rejonowy, KRS 0000123456, REGON 123456789').contractNumbers).toBeUndefined();
    expect(extractIdentifiers('tel. 0 22 628 44 55').contractNumbers).toBeUndefined();
    expect(extractIdentifiers('kwota 1 234 567,89 zł, data 2026-02-08').contractNumbers).toBeUndefined();
  });
});

describe('institution letters', () => {
  it('does not take a company footer naming its registry court for a court', () => {
    const text = 'Jan Lis\nul. Polna 3\n00-950 Warszawa\n\nProszę o zmianę adresu.\n\nFirma Sp. z o.o., Sąd Rejonowy dla m.st. Warszawy, XII Wydział Gospodarczy KRS, KRS 0000123456';
    expect(detectInstitution(text)).toBeNull();
    expect(detectInstitutionDocument(text)).toBeNull();
  });

  it('does not take a customer quoting a judgment for the court, but still sees the court document for the classifier', () => {
    const text = 'Jan Lis\nul. Polna 3\n00-950 Warszawa\n\nDear Sirs,\n\nplease pay what the court awarded:\n\n"Sąd Rejonowy dla Krakowa-Śródmieścia w Krakowie I Wydział Cywilny zasądza od pozwanej..."';
    expect(detectInstitution(text)).toBeNull();
    expect(detectInstitutionDocument(text)).toBe('court');
    expect(detectInstitution('SĄD REJONOWY W KUTNIE\nI Wydział Cywilny\n\nSzanowni Państwo,\n...')).toBe('court');
  });
});

describe('public administration', () => {
  const head = 'Wójt Gminy Stare Pole\nul. Marynarki Wojennej 3, 82-220 Stare Pole\nNIP 5792000000, tel. 55 271 35 11\n\nTelekomunikacja Nadwiślańska S.A.\n\n';
  it('takes an office acting as an authority for an institution, its own letterhead for its own (blind test AM)', () => {
    const act = `${head}Na podstawie art. 50 § 1 k.p.a. wzywam do wskazania danych abonenta numeru 601 234 567 w terminie 14 dni.\n\nWójt\nJan Kowal`;
    expect(detectInstitution(act)).toBe('regulator');
    expect(extractIdentifiers(act).fromInstitution).toBe(true);
    // The office's own letterhead, the head of office named in the text.
    const office = act.replace('Wójt Gminy Stare Pole', 'Urząd Gminy Stare Pole').replace('Na podstawie', 'Wójt Gminy Stare Pole, prowadząc postępowanie administracyjne, na podstawie');
    expect(detectInstitution(office)).toBe('regulator');
  });
  it('leaves the same office inviting the operator or writing about its own lines a customer', () => {
    expect(detectInstitution(`${head}Mamy zaszczyt zaprosić przedstawiciela Spółki na Forum Gospodarcze Gminy.\n\nWójt`)).toBeNull();
    expect(detectInstitution(`${head}Na podstawie umowy nr UM/2024/11 prosimy o naprawę naszej linii w szkole.\n\nWójt`)).toBeNull();
  });
});

describe('customers naming an institution they will turn to', () => {
  // A complaint without a salutation is searched whole; its threat to escalate must not make it the
  // ombudsman's or the regulator's letter, wherever the lines happen to break.
  const complaint = (ending: string) => 'Agnieszka Dabrowska\nul. Mickiewicza 60 m. 3\n70-383 Szczecin\n\n' +
    'REKLAMACJA - usluga doliczana bez mojej zgody\n\nOd lutego mam doliczany pakiet, ktorego nie zamawialam. Zadam zwrotu.\n' +
    `Jezeli reklamacja nie zostanie uwzgledniona, skieruje sprawe do\n${ending}\n\nZ powazaniem\nAgnieszka Dabrowska`;

  it('reads a declined name or a bare "UKE" at a line start as a mention, not a letterhead', () => {
    for (const ending of ['Rzecznika Konsumentow oraz do UKE.', 'Rzecznika Praw Konsumenta.', 'UKE.', 'Rzecznika Konsumentów w Szczecinie.']) {
      expect([detectInstitution(complaint(ending)), detectInstitutionDocument(complaint(ending))], ending).toEqual([null, null]);
    }
  });

  it('does not take the copy list for the sender', () => {
    const text = complaint('sadu.') + '\n\nDo wiadomości:\nMiejski Rzecznik Konsumentów w Szczecinie\nPrezes UKE';
    expect(detectInstitution(text)).toBeNull();
  });

  it('still finds an OCR-damaged letterhead in the nominative', () => {
    expect(detectInstitution('Miejski Rzeczn1k Konsumentow\nw Krakowie\n\nSzanowni Państwo,\n...')).toBe('ombudsman');
    expect(detectInstitution('Kornornik Sadowy przy Sądzie Rejonowym\nw Kutnie\n\nSzanowni Państwo,\n...')).toBe('bailiff');
    expect(detectInstitution('UKE\nDelegatura w Krakowie\n\nSzanowni Państwo,\n...')).toBe('regulator');
  });

  it('takes the data-protection authority for a regulator, a customer threatening to write to it for none', () => {
    expect(detectInstitution('PREZES\nURZĘDU OCHRONY DANYCH OSOBOWYCH\nul. Stawki 2, 00-193 Warszawa\n\nSzanowni Państwo,\n...')).toBe('regulator');
    expect(detectInstitution('UODO\nDepartament Skarg\n\nSzanowni Państwo,\n...')).toBe('regulator');
    expect(detectInstitution('Urzqd Ochrony Danych 0sobowych\nDepartament Skarg\n\nSzanowni Państwo,\n...')).toBe('regulator');
    for (const ending of ['Prezesa Urzędu Ochrony Danych Osobowych.', 'Prezesa UODO.', 'Urzędu Ochrony Danych Osobowych.']) {
      expect([detectInstitution(complaint(ending)), detectInstitutionDocument(complaint(ending))], ending).toEqual([null, null]);
    }
  });
});

describe('names and phones beside prose, case references and signatures', () => {
  it('reads the letter\'s own company as OCR writes its legal form, and no footer bank as a company', () => {
    const text = 'KONTO-PLUS Serwis Sp. z 0.0.\nul. Hetmańska 14 lok. 3\n35-045 Rzeszów\n\nProszę o zmianę adresu.\n\n' +
      'Bank: PKO BP S.A. 12 1020 1234 0000 1234 5678 9012\nNr rachunku: mBank S.A. 34 1140 0000 0000 0000 0000 0001';
    expect(extractIdentifiers(text).companyNames).toEqual(['KONTO-PLUS Serwis Sp. z 0.0.']);
  });

  it('reads a given name and the surname after it, not the noun before it, and no OCR junk as a surname', () => {
    const names = (t: string) => extractIdentifiers(t).names;
    expect(names('w imieniu mojego Mocodawcy Dariusz Jaworski, nr klienta 1869577949')).toEqual([{ first: 'Dariusz', last: 'Jaworski' }]);
    // Registers write the surname first, in capitals, before further fields.
    expect(names('KOWALSKI JAN PESEL 85010112345')).toEqual([{ first: 'Jan', last: 'Kowalski' }]);
    expect(names('Nr klienta 9853754316. Elżbieta VT\nBak')).toEqual([]);
    expect(names('Pozdrawiam\nJan Wu')).toEqual([{ first: 'Jan', last: 'Wu' }]);
  });

  it('finds a signature after a sentence whose last word merely ends like a street prefix ("coś", "dał", "moim")', () => {
    for (const last of ['czy cos.', 'mi dal', 'z moim']) {
      const ids = extractIdentifiers(`Proszę włączyć roaming, jakaś opcja ${last}\nAleksandra Jakubowska\n792-230-582`);
      expect(ids.names, last).toContainEqual({ first: 'Aleksandra', last: 'Jakubowska' });
    }
    // The street prefixes themselves still stop a street named after a person being read as a sender.
    expect(extractIdentifiers('Jan Lis\nos. Marii Konopnickiej 5\n00-950 Warszawa').names).toEqual([{ first: 'Jan', last: 'Lis' }]);
  });

  it('reads a name with a speck the OCR put after the given name, not across a comma or full stop', () => {
    expect(extractIdentifiers('Proszę o ofertę.\nMichał: Nowicki\n+48 882 621 337').names).toEqual([{ first: 'Michał', last: 'Nowicki' }]);
    expect(extractIdentifiers('Dziękuję, Anno. Kowalski zadzwoni jutro.').names).toEqual([]);
    expect(extractIdentifiers('Pozdrawiam: Serdecznie').names).toEqual([]);
  });

  it('reads a name whose same-shape letter the OCR capitalised inside the word, and the number after it', () => {
    const ids = extractIdentifiers('Proszę o zwrot nadpłaty.\n\nElZbieta KraWczyk 4273197836');
    expect(ids.names).toEqual([{ first: 'Elzbieta', last: 'Krawczyk' }]);
    expect(ids.customerNumbers).toEqual(['4273197836']);
  });

  it('keeps the consumer an ombudsman writes about, drops the official signing under the title line', () => {
    const text = 'MIEJSKI RZECZNIK KONSUMENTÓW W KONINIE\nZnak: MRK.0123.45.2026\n\nTelekomunikacja Nadwiślańska S.A.\n\n'
      + 'Do tut. Rzecznika zwróciła się pani Halina Pawlak, zam. ul. Słowackiego 9 m. 9, 06-274 Siedlce, w sprawie umowy zawartej w jej mieszkaniu.\n\n'
      + 'Proszę o zajęcie stanowiska w terminie 21 dni.\n\nz up. Miejskiego Rzecznika Konsumentów\nBeata Sroka';
    const p = extractIdentifierParts(text);
    expect(p.institution).toBe('ombudsman');
    expect(p.identifiers.names).toEqual([{ first: 'Halina', last: 'Pawlak' }]);
    expect(p.identifiers.addresses).toContainEqual({ street: 'ul. Słowackiego 9 m. 9', postalCode: '06-274', city: 'Siedlce' });
    // The office's case reference is no phone number.
    expect(p.identifiers.phones).toEqual([]);
  });

  it("reads another country's phone whole, and no account number as one", () => {
    expect(extractIdentifiers('tel. +380 67 123 45 67, Tel: 0049 171 1234567, kom. (+44) 7700 900123').phones)
      .toEqual(['+380671234567', '+491711234567', '+447700900123']);
    expect(extractIdentifiers('nr rachunku 00 1020 1234 5678 9012 3456 7890; kwota +12,50 zł').phones).toEqual([]);
  });

  it('reads no phone in a case reference of capitals and dotted digits', () => {
    for (const ref of ['Znak: MRK.0123.45.2026', 'OR.272.14.2026 r.']) expect(findPhones(ref), ref).toEqual([]);
    expect(findPhones('tel. 12 345 20 26').map((p) => p.phone)).toEqual(['123452026']);
  });
});
