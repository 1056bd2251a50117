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
    // Blind test AT, as OCR reads "I" ("|"): a withdrawal with a refund, a charge called wrong, invoice copies.
    expect(stated('| am therefore withdrawing from this contract within the 14-day period. | also request a full refund of the activation fee.'))
      .toEqual(['CANCELLATION', 'COMPLAINT']);
    expect(stated('I therefore consider this charge to be wrong. If it has been collected, please refund it to my account.')).toEqual(['COMPLAINT']);
    expect(stated('For my annual tax settlement | need copies of all invoices from May to October.')).toEqual(['BILLING']);
    expect(stated('I do not want a refund, only an explanation.')).toEqual([]);
    expect(stated('Składam skargę na przedstawiciela handlowego, który mnie okłamał.')).toEqual(['COMPLAINT']);
    expect(stated('Dekoder nie działa. Proszę to potraktować jako reklamację.')).toEqual(['COMPLAINT']);
    // A change of one's own data in one sentence (blind test Q).
    expect(stated('Proszę o zmianę mojego numeru telefonu kontaktowego, stary już nie działa.')).toEqual(['DATA_CHANGE']);
    // Instalments, a later due date, one's own mistaken transfer (blind test Y).
    expect(stated('Uprzejmie proszę o rozłożenie na raty zaległej należności.')).toEqual(['BILLING']);
    expect(stated('W dniu 4 października omyłkowo przelałem kwotę 1 481,30 zł zamiast 148,13 zł.')).toEqual(['BILLING']);
  });

  it('reads an order given in so many words beside a complaint, with what is ordered (blind test AL)', () => {
    expect(stated('Składamy reklamację faktury. Niezależnie od reklamacji zamawiamy dwa nowe numery komórkowe.')).toEqual(['COMPLAINT', 'ORDER']);
    expect(stated('Chciałabym zamówić pakiet internetu 20 GB.')).toEqual(['ORDER']);
    expect(stated('Proszę o aktywację pakietu roamingowego na wyjazd.')).toEqual(['ORDER']);
    // A habit, a past order contested, a negated one: no order.
    expect(stated('Przez internet zamawiam też leki z apteki.')).toEqual([]);
    expect(stated('Naliczono opłatę za usługi, których nie zamawiałem.')).toEqual([]);
    expect(stated('Nie zamawiam żadnego nowego pakietu.')).toEqual([]);
  });

  it("reads a notice an attorney gives for the customer in the third person (blind test AL)", () => {
    expect(stated('W imieniu mocodawcy oświadczam, że odstępuje on od umowy zawartej na odległość.')).toEqual(['CANCELLATION']);
    expect(stated('Mój mocodawca wypowiada umowę z zachowaniem okresu wypowiedzenia.')).toEqual(['CANCELLATION']);
    expect(stated('Mocodawca nie odstępuje od umowy, kwestionuje jedynie karę.')).toEqual([]);
  });

  it('makes an instalment request the category over a complaint the model read in its polite wording (blind test Y)', () => {
    const letter = [
      "Łódź, 6 listopada 2026 r.",
      "Urszula Chmielewska",
      "ul. Grunwaldzka 129",
      "90-598 Łódź",
      "tel. +48 743 767 022",
      "Nr klienta: 7397519840",
      "",
      "Telekomunikacja Nadwiślańska S.A.",
      "Biuro Obsługi Klienta",
      "",
      "skr. poczt. 100",
      "",
      "00-950 Warszawa",
      "",
      "Wniosek o rozłożenie należności na raty",
      "",
      "Szanowni Państwo!",
      "",
      "Uprzejmie proszę o rozłożenie na raty zaległej należności wynikającej z faktury nr FV/2026/08/723382 na kwotę",
      "333,67 zł. Kwoty nie kwestionuję wiem, że jest prawidłowo naliczona za zakupiony na raty telefon i abonament.",
      "",
      "Moja sytuacja finansowa pogorszyła się nagle: w październiku straciłam pracę w zakładzie przetwórstwa owoców,",
      "a mąż od dwóch miesięcy przebywa na zwolnieniu lekarskim. Nie jestem w stanie zapłacić całej kwoty",
      "jednorazowo, ale chcę uregulować dług uczciwie.",
      "",
      "Proponuję następujący harmonogram spłaty:",
      "",
      "Rata Termin Kwota",
      "",
      "1 15 grudnia 2026 111,22 zł",
      "2 15 stycznia 2027 111,22 zł",
      "3 15 lutego 2027 111,22 zł",
      "",
      "Bieżące faktury będę opłacać terminowo. Bardzo proszę o wstrzymanie naliczania odsetek i nieprzekazywanie",
      "sprawy firmie windykacyjnej. Mój numer klienta to 7397519840, numer telefonu +48 743 767 022.",
      "",
      "Sprawa była już zgłaszana telefonicznie, jednak konsultant poradził, aby przesłać pismo listownie, ponieważ tylko",
      "wtedy zostanie ono formalnie zarejestrowane i rozpatrzone przez właściwy dział. Stąd niniejszy list.",
      "",
      "Uprzejmie proszę, aby korespondencja w tej sprawie była kierowana na adres podany w nagłówku pisma.",
      "Skrzynka pocztowa pod poprzednim adresem nie jest już sprawdzana, a listy polecone wracają do nadawcy.",
      "",
      "Na zakończenie dodam, że zależy mi na polubownym załatwieniu sprawy. Liczę na rzetelne i życzliwe",
      "potraktowanie mojego pisma oraz odpowiedź w możliwie krótkim terminie, bez konieczności ponownego pisania.",
      "",
      "Będę wdzięczna za pozytywne rozpatrzenie mojej prośby i przesłanie aneksu do podpisu.",
      "",
      "Z poważaniem",
      "",
      "Urszula Chmielewska",
    ].join('\n');
    const c = classify(loadDefaultModel(), letter);
    expect(c.category).toBe('BILLING');
    // A complaint stated alongside stays a complaint: the statement makes the model sure of it (0.985),
    // and where it would not, classify() keeps the model's choice when that was stated too.
    const both = classify(loadDefaultModel(), `Składam reklamację faktury: naliczyliście opłaty za usługi, których nie zamawiałem. ${letter}`);
    expect(both.category).toBe('COMPLAINT');
  });

  it('reads one carried along by "też", "również", or asked in other words (blind test AG)', () => {
    expect(stated('W związku z tym wypowiadam też umowę na pakiet telewizyjny.')).toEqual(['CANCELLATION']);
    expect(stated('Rezygnuję też z pakietu telewizyjnego Familijny.')).toEqual(['CANCELLATION']);
    // A package given up for another is an order, not a notice.
    expect(stated('Rezygnuję z pakietu podstawowego, i zamiast niego proszę o włączenie pakietu rozszerzonego.')).toEqual(['ORDER']);
    expect(stated('Proszę też o zmianę mojego numeru kontaktowego.')).toEqual(['DATA_CHANGE']);
    expect(stated('Mój numer kontaktowy się zmienił, proszę zapisać nowy: 698 120 455.')).toEqual(['DATA_CHANGE']);
    expect(stated('Proszę dopisać mój nowy numer komórkowy do kontaktu.')).toEqual(['DATA_CHANGE']);
    expect(stated('Proszę zmienić mój numer kontaktowy na 698 120 455.')).toEqual(['DATA_CHANGE']);
    expect(stated('Uprzejmie proszę o potraktowanie niniejszego pisma jako skargi na sposób obsługi.')).toEqual(['COMPLAINT']);
    expect(stated('Niniejsze pismo proszę potraktować jako reklamację.')).toEqual(['COMPLAINT']);
    expect(stated('Proszę potraktować to pismo jako reklamację (blind test AQ).')).toEqual(['COMPLAINT']);
    // A charge contested above an enclosed invoice (blind test AJ); not a party's objection in court.
    expect(stated('Kwestionuję pozycję 3 poniższej faktury. Usługi tej nie zamawialiśmy.')).toEqual(['COMPLAINT']);
    expect(stated('Pozwany kwestionuje, aby kiedykolwiek zawarł umowę.')).toEqual([]);
    expect(stated('Nie kwestionuję kwoty, proszę tylko o raty.')).toEqual([]);
  });

  it('reads an invoice asked for, a contact change in full or a firm\'s "we", and a polite end of the contract (blind test AP)', () => {
    expect(stated('Zgubiłem fakturę, proszę wysłać mi kopię faktury za wrzesień.')).toEqual(['BILLING']);
    expect(stated('Proszę o duplikat faktury nr FV/2026/09/1234.')).toEqual(['BILLING']);
    expect(stated('Proszę również o wystawienie faktury końcowej.')).toEqual(['BILLING']);
    // A corrective invoice is a complaint's remedy where a charge is contested.
    expect(stated('Wnoszę o korektę faktury. Proszę o wystawienie faktury korygującej.')).toEqual([]);
    expect(stated('Proszę zaktualizować numer telefonu kontaktowego na 734 221 590.')).toEqual(['DATA_CHANGE']);
    expect(stated('prosze zmienic maila w moim koncie na nowy')).toEqual(['DATA_CHANGE']);
    expect(stated('Prosimy o zmianę adresu siedziby w Państwa systemie.')).toEqual(['DATA_CHANGE']);
    expect(stated('Od stycznia korespondencja będzie do mnie docierać pod adresem ul. Polna 3, Gdańsk.')).toEqual(['DATA_CHANGE']);
    expect(stated('Korespondencję proszę kierować na adres mojej córki.')).toEqual(['DATA_CHANGE']);
    expect(stated('Nie widzę dalszej potrzeby utrzymywania łącza, aby z końcem roku nasza współpraca mogła dobiec końca.')).toEqual(['CANCELLATION']);
    expect(stated('Chciałabym zakończyć umowę na internet z końcem miesiąca.')).toEqual(['CANCELLATION']);
    // A copy of the contract is no invoice; an end not wanted is no notice.
    expect(stated('Proszę o kopię umowy abonenckiej.')).toEqual([]);
    expect(stated('Nie chcę zakończyć umowy, proszę tylko o inny pakiet.')).toEqual([]);
  });

  it('keeps OTHER out of the second intents when a stated complaint takes the lead from it', () => {
    // Blind test AG's letter: the model took it for other (0.78) and kept OTHER beside the complaint.
    const c = classify(loadDefaultModel(), [
      'Szanowni Państwo,',
      '',
      'pozwalam sobie zwrócić się do Państwa w sprawie, która mam nadzieję zostanie potraktowana z',
      'należytą uwagą.',
      '',
      'W dniu 3 listopada 2026 r. odwiedziłam Państwa salon w moim mieście w celu uzyskania informacji o',
      'ofercie dla seniorów dla mojej mamy. Pracownik, który mnie obsługiwał (identyfikator z imieniem',
      "\"Kamil\"), przez cały czas rozmawiał przez telefon prywatny, na moje pytania odpowiadał półsłówkami,",
      'a w końcu stwierdził, że „takie rzeczy to w internecie są napisane”. Opuściłam salon bez żadnej',
      'informacji.',
      '',
      'Jestem Państwa klientką od jedenastu lat i z przykrością stwierdzam, że nigdy nie spotkałam się z',
      'podobnym lekceważeniem. Uprzejmie proszę o potraktowanie niniejszego pisma jako skargi na sposób',
      'obsługi oraz o informację, jakie kroki zostaną podjęte.',
      '',
      'Łączę wyrazy szacunku',
      '',
      'Danuta Zając',
    ].join('\n'));
    expect(c.category).toBe('COMPLAINT');
    expect(c.secondary).not.toContain('OTHER');
  });

  it('gives a notice stated alone, which the model also chose, the confidence of the statement (blind test AH)', () => {
    const c = classify(loadDefaultModel(), [
      'Niniejszym wypowiadam umowę o świadczenie usług telekomunikacyjnych (internet i telefon) z zachowaniem okresu wypowiedzenia.',
      'Proszę o potwierdzenie przyjęcia wypowiedzenia oraz informację o sposobie zwrotu routera.',
      'Sprawę zgłaszałem już telefonicznie na infolinię dwukrotnie, jednak konsultant obiecał oddzwonić i nikt się nie odezwał.',
      'W załączeniu przesyłam kopię ostatniego rachunku oraz wydruk z historii połączeń. Proszę o dokładne sprawdzenie tych zapisów.',
      'Jeżeli sprawa nie zostanie rozwiązana, będę zmuszony zwrócić się do Rzecznika Konsumentów oraz do Urzędu Komunikacji Elektronicznej.',
      'Liczę na szybkie i rzetelne rozpatrzenie mojego pisma w ustawowym terminie.',
    ].join('\n'));
    expect(c.category).toBe('CANCELLATION');
    expect(c.confidence).toBeGreaterThanOrEqual(0.9);
    expect(c.explanation[0]).toEqual({ feature: 'said:CANCELLATION', weight: 1 });
  });

  it('reads a data subject\'s right, a later payment day and a contract extension asked for in so many words (blind test AT)', () => {
    expect(stated('Przy okazji cofam zgodę na otrzymywanie informacji handlowych SMS-em i e-mailem.')).toEqual(['PRIVACY']);
    expect(stated('Na podstawie art. 17 RODO żądam usunięcia moich danych osobowych.')).toEqual(['PRIVACY']);
    expect(stated('Wnoszę sprzeciw wobec przetwarzania moich danych w celach marketingowych.')).toEqual(['PRIVACY']);
    expect(stated('I withdraw my consent to marketing calls.')).toEqual(['PRIVACY']);
    // A debtor's objection to a payment order is court mail, not a data subject's objection.
    expect(stated('Wnoszę sprzeciw od nakazu zapłaty z dnia 3 listopada.')).toEqual([]);
    expect(stated('prosze o zmiane terminu płatnośći faktur z 10 na 20 dzień miesionca')).toEqual(['BILLING']);
    expect(stated('Proszę o przedłużenie mojej umowy na kolejne 24 miesiące na dotychczasowych warunkach.')).toEqual(['ORDER']);
    // Refusing the extension the operator offers is a notice, no order (blind test AZ: implied-intents.ts).
    expect(stated('Nie wyrażam zgody na przedłużenie umowy na czas nieokreślony.')).toEqual(['CANCELLATION']);
    const c = classify(loadDefaultModel(), 'Szanowni Państwo,\nzmieniłam nazwisko po ślubie, proszę o zmianę danych w umowie na Anna Kowalska-Nowak.\n' +
      'Przy okazji cofam zgodę na otrzymywanie informacji handlowych.\nAnna Kowalska-Nowak');
    expect(c.category).toBe('DATA_CHANGE');
    expect(c.secondary).toContain('PRIVACY');
  });

  it('decides a plain one-line change of data, billing request or order the model also chose, where the model alone was unsure (blind test AT)', () => {
    const model = loadDefaultModel();
    for (const [text, category] of [
      ['Jan Nowak\nul. Polna 3\n00-950 Warszawa\n\nProszę o zmianę mojego adresu korespondencyjnego na: ul. Leśna 7, 05-500 Piaseczno.\n\nJan Nowak', 'DATA_CHANGE'],
      ['Dzien dobry,\nzmienilam bank i prosze o zmiane numeru rachunku do polecenia zaplaty za moje faktury. Nowy numer rachunku: 83 2490 0005 0000 4530 7712 6654.\nMaria Pawlowska', 'DATA_CHANGE'],
      ['Proszę o przedłużenie mojej umowy (UM/2023/07/3933) na kolejne 24 miesiące na dotychczasowych warunkach.\nHelena Szymańska', 'ORDER'],
    ] as const) {
      const alone = classify(model, text);
      expect(alone.category).toBe(category);
      expect(alone.confidence).toBeGreaterThanOrEqual(0.7);
      expect(alone.explanation[0]).toEqual({ feature: `said:${category}`, weight: 1 });
    }
    // A letter the model reads as another matter keeps the model's choice and confidence.
    const both = classify(model, 'Proszę o zmianę mojego adresu korespondencyjnego. Od trzech tygodni nie działa mi internet, proszę o naprawę.');
    expect(both.explanation[0]?.feature).not.toBe('said:DATA_CHANGE');
  });

  it('gives a letter that asks for nothing only the intents its writer states (blind test AT)', () => {
    const model = loadDefaultModel();
    const thanks = classify(model, 'Szanowni Państwo,\n\nchciałabym bardzo serdecznie podziękować panu technikowi, który był u mnie w zeszły czwartek. ' +
      'Naprawił mi linię, a do tego jeszcze poprawił antenę i pokazał, jak ustawić duże literki w telefonie. Był bardzo cierpliwy i uprzejmy.\n\n' +
      'Proszę mu przekazać moje podziękowania i może jakąś premię, bo na to zasługuje.\n\nZ wyrazami szacunku\nUrszula Wasilewska');
    expect(thanks.category).toBe('OTHER');
    expect(thanks.secondary).toEqual([]);
    const advert = classify(model, 'Szanowni Państwo,\n\nczy Państwa firma potrzebuje ulotek, katalogów, wizytówek albo materiałów na targi? ' +
      'Drukarnia PRESTO od 25 lat drukuje dla największych firm.\n\nTylko do końca grudnia: 15% rabatu na pierwsze zamówienie i darmowy projekt graficzny.\n\n' +
      'Zapraszamy do kontaktu z naszym działem handlowym!\n\nDział Sprzedaży Drukarni PRESTO');
    expect(advert.category).toBe('OTHER');
    expect(advert.secondary).toEqual([]);
    // Stated, a second intent stands.
    const stated = classify(model, 'Szanowni Państwo,\n\nchciałabym bardzo serdecznie podziękować panu technikowi, który był u mnie w zeszły czwartek. ' +
      'Był bardzo cierpliwy i uprzejmy.\n\nProszę mu przekazać moje podziękowania. Proszę też o zmianę mojego numeru telefonu kontaktowego na 601 234 567.');
    expect(stated.category).toBe('OTHER');
    expect(stated.secondary).toEqual(['DATA_CHANGE']);
  });

  it('makes a widow\'s request to take over the contract a data change over the notice her husband\'s death suggests (blind test AT)', () => {
    const c = classify(loadDefaultModel(), 'Szanowni Państwo,\n\nz wielkim smutkiem informuję, że mój mąż, Pan Jerzy Kubiak, zmarł w dniu 12 października 2026 r. ' +
      'Był on abonentem usług internetu i telewizji pod naszym wspólnym adresem. Akt zgonu załączam.\n\nChciałabym nadal korzystać z tych usług. ' +
      'Proszę o przeniesienie umowy męża na mnie – Maria Kubiak, PESEL 99081317545 – na dotychczasowych warunkach.\n\nZ poważaniem\nMaria Kubiak');
    expect(c.category).toBe('DATA_CHANGE');
    expect(c.secondary).toContain('CANCELLATION');
    expect(c.explanation[0]).toEqual({ feature: 'said:DATA_CHANGE', weight: 1 });
  });

  it('does not read a negated or merely mentioned one', () => {
    expect(stated('Nie rezygnuję jednak z usług, chcę tylko tańszy pakiet.')).toEqual([]);
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

  it("makes an heir's request for the contract a data change over the probate decision enclosed below it (blind test AS)", () => {
    expect(stated('Proszę o przepisanie umowy na mnie (cesja).')).toEqual(['DATA_CHANGE']);
    expect(stated('Wnoszę o przeniesienie umowy na mojego syna.')).toEqual(['DATA_CHANGE']);
    expect(stated('Chcę przejąć umowę po zmarłej mamie.')).toEqual(['DATA_CHANGE']);
    expect(stated('Nie chcę przepisywać umowy, tylko ją rozwiązać.')).not.toContain('DATA_CHANGE');
    const heir = 'Robert Dudek\nul. Sienkiewicza 3/4\n25-001 Kielce\n\nPrzepisanie umowy po zmarłej matce\n\nMoja mama, Halina Dudek, ' +
      'zmarła w październiku. Jestem jej jedynym spadkobiercą – w załączeniu przesyłam kopię prawomocnego postanowienia sądu o ' +
      'stwierdzeniu nabycia spadku. Proszę o przepisanie umowy na mnie (cesja) i przesłanie dokumentów do podpisu.\n\nZ poważaniem\n' +
      'Robert Dudek\n\nSygn. akt I Ns 1184/25\nPOSTANOWIENIE\nSąd Rejonowy w Kielcach I Wydział Cywilny w składzie: Przewodniczący: ' +
      'Sędzia Marta Gołąb, po rozpoznaniu sprawy z wniosku Roberta Dudka o stwierdzenie nabycia spadku po Halinie Dudek postanawia: ' +
      'stwierdzić, że spadek nabył syn Robert Dudek w całości.';
    const c = classify(loadDefaultModel(), heir);
    expect(c.category).toBe('DATA_CHANGE');
    expect(c.explanation[0]).toEqual({ feature: 'said:DATA_CHANGE', weight: 1 });
  });

  it('takes a private writer quoting court rulings under a "Reklamacja" title for a complaint (blind test AC)', () => {
    const letter = [
      "Eugeniusz Ziółkowski",
      "3 Maja 65",
      "",
      "15-745 Białystok",
      "PESEL 72101112254",
      "",
      "Białystok, 13.11.2026.",
      "Telekomunikacja Nadwiślańska S.A.",
      "Dział Reklamacji",
      "",
      "skrytka pocztowa 100",
      "",
      "00-950 Warszawa 1",
      "",
      "Reklamacja dotycząca podwyższenia opłaty abonamentowej",
      "(umowa UM/2019/05/2798)",
      "",
      "Działając we własnym imieniu, kwestionuję zasadność podwyższenia opłaty",
      "abonamentowej o 7,90 zł miesięcznie od dnia 1 października 2026 r., wprowadzonego",
      "na podstawie $ 14 ust. 3 Regulaminu („opłata inflacyjna\"). Postanowienie to stanowi w",
      "mojej ocenie niedozwoloną klauzulę umowną w rozumieniu art. 385\' $ 1 k.c. Wskazuję,",
      "że Sąd Okręgowy w Warszawie Sąd Ochrony Konkurencji i Konsumentów w jednym z",
      "wyroków uznał za abuzywne postanowienie o bardzo zbliżonej treści, stosowane przez",
      "innego operatora, a Sąd Najwyższy wielokrotnie podkreślał, że jednostronna zmiana",
      "ceny wymaga precyzyjnie określonych przesłanek.",
      "",
      "Wnoszę o przywrócenie dotychczasowej wysokości abonamentu oraz o zwrot pobranych",
      "nadwyżek za październik i listopad 2026 r. (łącznie 15,80 zł) na rachunek, z którego",
      "dokonuję płatności.",
      "",
      "Odpowiedzi proszę udzielić w ustawowym terminie.",
      "",
      "Eugeniusz Ziółkowski",
    ].join('\n');
    const c = classify(loadDefaultModel(), letter);
    expect([c.category, c.secondary]).toEqual(['COMPLAINT', ['LEGAL']]);
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

  it('makes a notice stated in an angry letter the category over the complaint the model guessed, which rides along', () => {
    const angry = 'Mam dość Waszej obsługi. Trzeci raz w tym roku faktura jest wyższa niż w umowie, konsultant obiecał korektę i nic. ' +
      'Rozwiązuję umowę z końcem miesiąca i proszę o potwierdzenie na piśmie.\n\nHalina Kos';
    const c = classify(loadDefaultModel(), angry);
    expect([c.category, c.secondary]).toEqual(['CANCELLATION', ['COMPLAINT']]);
    expect(c.explanation[0]).toEqual({ feature: 'said:CANCELLATION', weight: 1 });
    // Stating the complaint too keeps the model's choice.
    expect(classify(loadDefaultModel(), angry.replace('Rozwiązuję', 'Składam reklamację tej faktury. Rozwiązuję')).category).toBe('COMPLAINT');
  });

  it('makes a number brought in from another operator an order, whatever notice was given there (blind test AV)', () => {
    const portIn = 'Przeniesienie numeru\n\nProszę o przeniesienie do Państwa sieci mojego numeru 730 535 475, który obecnie mam w innej ' +
      'sieci. Umowę z dotychczasowym operatorem wypowiedziałem, okres wypowiedzenia kończy się 15 grudnia.\n\nPozdrawiam\nJan Bąk';
    const c = classify(loadDefaultModel(), portIn);
    expect([c.category, c.secondary]).toEqual(['ORDER', []]);
    expect(c.explanation[0]).toEqual({ feature: 'said:ORDER', weight: 1 });
    expect(stated('Chcę przenieść mój numer do Państwa sieci od obecnego operatora.')).toEqual(['ORDER']);
    // Said with the number and the other network between the verb and "do Państwa".
    const shortPortIn = classify(loadDefaultModel(), 'Chcę przenieść numer 794 099 858 z sieci Play do Państwa i dołączyć go do mojej umowy.\n\nZdzisław Wróbel');
    expect(shortPortIn.category).toBe('ORDER');
    expect(shortPortIn.confidence).toBeGreaterThanOrEqual(0.7);
    expect(classify(loadDefaultModel(), 'Nie chcę przenosić numeru do Państwa sieci. Wypowiadam umowę.\n\nJan Bąk').category).toBe('CANCELLATION');
    // A number taken away from us is a notice.
    expect(classify(loadDefaultModel(), 'Proszę o przeniesienie mojego numeru do innej sieci. Wypowiadam umowę.\n\nJan Bąk').category).toBe('CANCELLATION');
  });

  it('makes a complaint stated outright the category over an order the model was unsure of (blind test AV)', () => {
    const c = classify(loadDefaultModel(), 'Reklamacja — nie dostarczono routera\n\nZamówiony 28.10.2026 r. router nie dotarł. Kurier oznaczył ' +
      'przesyłkę jako doręczoną, a ja jej nie otrzymałam. Składam reklamację i proszę o ponowną wysyłkę.\n\nŁączę pozdrowienia\nKrystyna Bąk');
    expect([c.category, c.secondary]).toEqual(['COMPLAINT', ['ORDER']]);
  });

  it('makes a later payment day asked for a bill\'s matter over the data change its "zmiana" suggests (blind test AX)', () => {
    const c = classify(loadDefaultModel(), 'Beata Olszewska\nul. Wrzosowa 45/59\n80-518 Gdańsk\n\nZmiana terminu płatności\nProwadzę jednoosobową ' +
      'działalność i moi klienci płacą mi do 20. dnia miesiąca.\n\nProszę o zmianę terminu płatności faktur na 25. dzień miesiąca.\n\nZ poważaniem\nBeata Olszewska');
    expect(c.category).toBe('BILLING');
    expect(c.confidence).toBeGreaterThanOrEqual(0.6);
    // Removing a fault for good is no erasure of data.
    expect(stated('Żądam trwałego usunięcia usterki.')).toEqual([]);
    expect(stated('Żądam trwałego usunięcia moich danych osobowych.')).toEqual(['PRIVACY']);
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

  it('reads a refusal to renew or go on with the contract as a notice (blind test AZ)', () => {
    expect(stated('Nie chcę, żeby po tym dniu umowa przeszła na czas nieokreślony.')).toEqual(['CANCELLATION']);
    expect(stated('Umowa kończy się w grudniu i nie zamierzam jej kontynuować.')).toEqual(['CANCELLATION']);
    expect(stated('Niniejsze pismo stanowi oświadczenie o nieprzedłużeniu umowy.')).toEqual(['CANCELLATION']);
    expect(stated('Nie wyrażam zgody na przedłużenie umowy.')).toEqual(['CANCELLATION']);
    // Not a renewal of the contract, nor a contract that merely runs on.
    expect(stated('Nie zgadzam się na przedłużenie terminu naprawy.')).toEqual([]);
    expect(stated('Moja umowa przeszła na czas nieokreślony, więc nie powinno być kary.')).toEqual([]);
    // The line switched off from a date, asked plainly (an elderly customer's letter read as an order).
    expect(stated('Proszę więc, żeby ten telefon stacjonarny już mi wyłączyć od nowego roku.')).toEqual(['CANCELLATION']);
    expect(stated('Proszę o wyłączenie pakietu filmowego z dniem 31 grudnia.')).toEqual(['CANCELLATION']);
    expect(stated('Proszę nie wyłączać telefonu od przyszłego miesiąca mimo zaległości.')).toEqual([]);
    expect(stated('Odłączenie od prądu nic nie dało, proszę o naprawę.')).toEqual([]);
    // A bill paid twice is a bill's matter; a charge the operator took twice is a complaint's.
    expect(stated('Moja córka zapłaciła faktura FV/2026/08/155439 dwa razy, raz przez bank i raz na poczta.')).toEqual(['BILLING']);
    expect(stated('Temat: podwójna płatność, prośba o zwrot.')).toEqual(['BILLING']);
    expect(stated('Opłatę pobrano podwójnie, żądam zwrotu.')).not.toContain('BILLING');
    const c = classify(loadDefaultModel(), 'Irena Tomasz\nul. Polna 3\n71-064 Szczecin\n\nSzanowni Państwo,\n\nmoja umowa na abonament ' +
      'komórkowy kończy się 15 stycznia. Nie chcę, żeby po tym dniu przeszła na czas nieokreślony. Proszę, aby po 15 stycznia usługa ' +
      'po prostu się zakończyła.\n\nIrena Tomasz');
    expect(c.category).toBe('CANCELLATION');
    // Beside a contested charge the model is sure of, the notice is a second intent.
    const both = classify(loadDefaultModel(), 'Z końcem grudnia kończy mi się okres umowy i nie zamierzam jej kontynuować. Druga sprawa: na ' +
      'ostatniej fakturze doliczono mi 49 zł za pakiet, którego nie zamawiałem. Nie zgadzam się z tą opłatą i proszę o fakturę korygującą.\n\nJerzy Sikor');
    expect(both.category === 'CANCELLATION' ? both.secondary : [both.category, ...both.secondary]).toEqual(expect.arrayContaining(['COMPLAINT', 'CANCELLATION'].filter((k) => k !== both.category)));
  });

  it('records a price cut claimed for bad service as a complaint beside the fault (blind test AZ)', () => {
    const c = classify(loadDefaultModel(), 'Od sierpnia telewizja co wieczór się zacina, obraz staje, dźwięk ucieka. Technik był dwa razy, ' +
      'wymienił dekoder, a jest to samo.\n\nChcę obniżenia abonamentu za sierpień, wrzesień i październik oraz usunięcia problemu.\n\nWiesław Mazur');
    expect([c.category, ...c.secondary]).toEqual(expect.arrayContaining(['FAULT', 'COMPLAINT']));
    const fault = classify(loadDefaultModel(), 'Od sierpnia telewizja co wieczór się zacina, obraz staje, dźwięk ucieka. Technik był dwa razy, ' +
      'wymienił dekoder, a jest to samo.\n\nNie chodzi mi o obniżenie abonamentu, proszę tylko o usunięcie problemu.\n\nWiesław Mazur');
    expect(fault.category).toBe('FAULT');
    expect(fault.secondary).not.toContain('COMPLAINT');
  });
});
