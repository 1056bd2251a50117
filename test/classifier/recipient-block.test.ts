// The operator's own address, copied into the letter's recipient block, is never the sender's.
import { describe, expect, it } from 'vitest';
import { extractIdentifiers } from '../../classifier/identifiers.js';

const SENDER = 'Agnieszka Dąbrowska\nul. Mickiewicza 60 m. 3\n70-383 Szczecin\n\nSzczecin, 30.05.2024\n\n';
const streets = (text: string) => extractIdentifiers(text).addresses.map((a) => a.street);

describe('recipient block', () => {
  it('drops the operator address under its name or a customer-service department line', () => {
    const named = `${SENDER}Telekomunikacja Nadwiślańska S.A.\nBiuro Obsługi Klienta\nul. Przemysłowa 12\n03-150 Warszawa\n\nProszę o fakturę.`;
    expect(streets(named)).toEqual(['ul. Mickiewicza 60 m. 3']);
    expect(extractIdentifiers(named).postalCodes).toEqual(['70-383']);
    // No configured operator name needed: the department line opens the block.
    const dept = `${SENDER}Do: Dział Reklamacji\nskr. poczt. 1234\n00-950 Warszawa 1\n\nReklamuję fakturę.`;
    expect(extractIdentifiers(dept).postalCodes).toEqual(['70-383']);
    // An English "PO Box" line, and the whole block on one line after the operator's name.
    expect(extractIdentifiers(`${SENDER}Telekomunikacja Nadwiślańska S.A.\nPO Box 1200\n00-950 Warszawa\n\nDear Sirs,`).postalCodes).toEqual(['70-383']);
    const oneLine = `${SENDER}Adresat:\nTelekomunikacja Nadwiślańska S.A., skrytka pocztowa 1200, 00-950 Warszawa\n\nOdstępuję od umowy.`;
    expect(extractIdentifiers(oneLine).postalCodes).toEqual(['70-383']);
    // A speck the OCR read before the postal line, after a blank line (blind test M).
    const speck = `${SENDER}Telekomunikacja Nadwiślańska S.A.\nBiuro Obsługi Klienta Biznesowego\nSkrytka pocztowa 1200\n\n'00-950 Warszawa 1\n\nReklamacja.`;
    expect(extractIdentifiers(speck).postalCodes).toEqual(['70-383']);
    // The data protection officer, and the legal form wrapped onto a line of its own (blind test O).
    const iod = `${SENDER}Inspektor Ochrony Danych\nTelekomunikacja Nadwiślańska\nS.A.\n\nul. Wybrzeże Gdyńskie 6\n01-531 Warszawa\n\nCofam zgody.`;
    expect([streets(iod), extractIdentifiers(iod).postalCodes]).toEqual([['ul. Mickiewicza 60 m. 3'], ['70-383']]);
    // Blank lines OCR put between every line of the block do not end it early (blind test T).
    const spaced = `${SENDER}Telekomunikacja Nadwiślańska\nS.A.\n\nBiuro Obsługi Klienta\n\nskrytka pocztowa 1500\n\n00-950 Warszawa\n\nCofam zgody.`;
    expect(extractIdentifiers(spaced).postalCodes).toEqual(['70-383']);
  });

  it("keeps the writer's NIP or phone a blank line under the block's postal line (blind test BB)", () => {
    const block = `${SENDER}Telekomunikacja Nadwiślańska S.A.\nBiuro Obsługi Klienta\nskrytka pocztowa 150\n00-950 Warszawa\n\n`;
    expect(extractIdentifiers(`${block}NIP: 775-145-99-55\n\nSzanowni Państwo,\ncofam zgodę.`).nips).toEqual(['7751459955']);
    expect(extractIdentifiers(`${block}Tel. 698 458 433\n\nSzanowni Państwo,\nproszę o fakturę.`).phones).toEqual(['698458433']);
    // Blank lines the OCR puts inside the block are still passed over before its postal line.
    const gappy = `${SENDER}Telekomunikacja Nadwiślańska S.A.\n\nul. Przemysłowa 12\n\n03-150 Warszawa\n\nProszę o fakturę.`;
    expect(extractIdentifiers(gappy).postalCodes).toEqual(['70-383']);
  });

  it("drops the operator's address that a form's footer gives mid-line, keeping the writer's (blind test AK)", () => {
    const form = `${SENDER}WNIOSEK O ZMIANĘ ADRESU\n\nNowy adres korespondencyjny:\nul. Polna 26\n04-837 Marki\n\n`
      + 'Formularz należy przesłać na adres: Telekomunikacja Nadwiślańska S.A., Biuro Obsługi Klienta, ul. Wiślana 12, 00-950 Warszawa.';
    expect(streets(form)).toEqual(['ul. Mickiewicza 60 m. 3', 'ul. Polna 26']);
    expect(extractIdentifiers(form).postalCodes).toEqual(['70-383', '04-837']);
    // A customer's own forwarding address after "na adres:" is the customer's.
    const own = `${SENDER}Proszę o przesyłanie faktur na adres: Jan Lis, ul. Wiślana 12, 00-950 Warszawa.`;
    expect(extractIdentifiers(own).postalCodes).toContain('00-950');
    // The department line damaged by a pencil note beside it, or the operator's name line by a stamp.
    const damaged = `${SENDER}Telekomunikacja Nadwiślańska SAzić\nBiuro Obsługi Klienggi[me! spraw\nul. Wiślana 12\n\n00-950 Warszawa\n\nReklamacja.`;
    expect(extractIdentifiers(damaged).postalCodes).toEqual(['70-383']);
    const noName = `${SENDER}elekomunikacja Nag ciwiślańsiaćS.A\n\nBiuro Obsługi Klierita\nul. Wiślana 12\n00-950 Warszawa\n\nReklamacja.`;
    expect(extractIdentifiers(noName).postalCodes).toEqual(['70-383']);
    // The writer's contact phone right under the block is the writer's (blind test AN).
    const tel = `${SENDER}Telekomunikacja Nadwiślańska S.A.\nBiuro Obsługi Klienta\nskrytka pocztowa 1000\n00-950 Warszawa\nTel. kontaktowy: 501 217 293\n\nProszę o zmianę adresu.`;
    expect(extractIdentifiers(tel).phones).toEqual(['501217293']);
    expect(extractIdentifiers(tel.replace('Tel. kontaktowy: 501 217 293', 'tel. 22 555 10 10')).phones ?? []).toEqual([]);
    // A form's rows OCR joined: the operator named in its field, the applicant's address after it.
    const joined = `Nazwa instytucji: Telekomunikacja Nadwiślańska (operator komórkowy) Dane wnioskodawcy: Danuta Krawczyk, ul. Łąkowa 96, 87-002 Toruń\nReklamuję opłaty.`;
    expect(extractIdentifiers(joined).postalCodes).toEqual(['87-002']);
  });

  it("drops the operator's NIP, phones and address from its own footers in enclosures, wherever the same NIP stands (blind test U)", () => {
    const footer = 'Telekomunikacja Nadwiślańska S.A. z siedzibą w Toruniu, ul. Bulwar Filadelfijski 12, 87-100 Toruń, KRS\n' +
      '0000412876, NIP 879-301-45-20, REGON 340918275; kapitał zakładowy 48 250 000,00 zł. Infolinia 801 200 300, 566 100 000.';
    // An invoice copy in two columns: the seller's NIP beside the customer's postal line.
    const invoice = 'Sprzedawca:\n\nTelekomunikacja Nadwiślańska S.A.\n\nul. Bulwar Filadelfijski 12 Usługi Remontowo-Budowlane Jan Malinowski\n' +
      '87-100 Toruń ul. Kasztanowa 14/3\n\nNIP: 879-301-45-20 85-605 Bydgoszcz\n';
    const letter = `${SENDER}Reklamuję fakturę, kopia w załączeniu. Mój tel. 602 118 457.\n\n${invoice}\n${footer}`;
    // (The footer alone was known before; the seller column's NIP beside the customer's postal line was not.)
    const ids = extractIdentifiers(letter);
    expect([ids.nips, ids.phones]).toEqual([[], ['602118457']]);
    expect(ids.postalCodes).not.toContain('87-100');
    // A quoted reply's signature: the name above a line that opens like a footer.
    const reply = `${SENDER}Proszę o kontakt.\n\n> Z pozdrowieniami\n> Telekomunikacja Nadwiślańska S.A.\n> NIP 879-301-45-20 | KRS 0000412876\n> tel. 56 610 00 00`;
    expect([extractIdentifiers(reply).nips, extractIdentifiers(reply).phones]).toEqual([[], []]);
    // A court naming the operator in prose keeps the subject's NIP, and the mailbox with a misread '@' is the operator's.
    const court = 'Sąd Rejonowy w Płocku\n\nTelekomunikacja Nadwiślańska S.A.\n\nSąd zobowiązuje Telekomunikację Nadwiślańską S.A. do podania, ' +
      'pod jakim adresem siedziby figuruje pozwana spółka (NIP 879-260-11-55).\n\nE-mail: bokQtn-telekom.pl';
    expect([extractIdentifiers(court).nips, extractIdentifiers(court).unreadEmails]).toEqual([['8792601155'], undefined]);
    // A hotline or premium number is a firm's, wherever it stands: no customer has one of their own.
    expect(extractIdentifiers(`${SENDER}Dzwoniłem pod 801 200 300 i 0 703 123 456, mój tel. 602 118 457.`).phones).toEqual(['602118457']);
  });

  it("drops an operator's block mailroom was not told the name of, by its place in the head (blind test R)", () => {
    const block = 'Jantar Telekom S.A.\nal. Grunwaldzka 186\n80-266 Gdańsk';
    expect(streets(`${SENDER}${block}\n\nSzanowni Państwo,\nproszę o fakturę.`)).toEqual(['ul. Mickiewicza 60 m. 3']);
    expect(streets(`${SENDER}Do:\n${block}\n\nProszę o fakturę.`)).toEqual(['ul. Mickiewicza 60 m. 3']);
    // A labelled debtor's block, and a firm's own block under its signature, stay the letter's.
    const bailiff = `Komornik Sądowy Jan Lis\nul. Sądowa 1\n00-001 Kraków\n\n${block}\n\nDłużnik: ABC Sp. z o.o.\nul. Długa 5\n00-002 Kraków`;
    expect(streets(bailiff).sort()).toEqual(['ul. Długa 5', 'ul. Sądowa 1']);
    const signed = `${SENDER}${block}\n\nSzanowni Państwo,\nzamawiamy łącze.\n\nZ poważaniem\nABC Sp. z o.o.\nul. Polna 7\n00-003 Kraków`;
    expect(streets(signed)).toEqual(['ul. Mickiewicza 60 m. 3', 'ul. Polna 7']);
  });

  it('keeps an address the letter names right under the operator line, in a sentence or a form field', () => {
    const joined = 'Kancelaria Komornicza nr I\n\nTelekomunikacja Nadwiślańska S.A.\nProwadzę postępowanie przeciwko dłużnikowi Adam Sobczak (ul. Źródlana 30 m. 34, 88-036 Toruń).';
    expect(streets(joined)).toEqual(['ul. Źródlana 30 m. 34']);
    const form = 'TELEKOMUNIKACJA NADWIŚLAŃSKA S.A.\nWNIOSEK O DOSTĘP DO DANYCH\nAdres: ul. Piłsudskiego 108, 25-688 Kielce';
    expect(streets(form)).toEqual(['ul. Piłsudskiego 108']);
    // A sender's block that merely starts beside the operator's name on one scanned row stays the sender's.
    const row = 'Jan Wrona      Telekomunikacja Nadwiślańska S.A.\nul. Polna 3    ul. Przemysłowa 12\n20-001 Lublin';
    expect(streets(row)).toContain('ul. Polna 3');
  });

  it('drops the seller block of an enclosed invoice copy: the operator\'s NIP, hotline and address', () => {
    const invoice = 'Proszę o korektę faktury w załączeniu.\nTomasz Kęsicki\n\nFAKTURA VAT nr FVS/2025/05/233190\n' +
      'Numer klienta: 5714817506\n\nSprzedawca\n\nOrbitel Polska S.A.\nul. Prosta 51\n00-838 Warszawa\nNIP: 3263360387\n' +
      'Infolinia: 22 600 60 60\n\nNabywca / adres korespondencyjny\nTomasz Kęsicki\nul. Szeroka 9 m. 2\n87-100 Toruń\n';
    const ids = extractIdentifiers(invoice);
    expect([ids.nips, ids.phones, ids.postalCodes, streets(invoice)]).toEqual([[], [], ['87-100'], ['ul. Szeroka 9 m. 2']]);
    expect(ids.customerNumbers).toEqual(['5714817506']);
  });

  it('takes the firm above a department line for the recipient, configured or not, across OCR blank lines', () => {
    const text = 'USŁUGI HYDRAULICZNE Jan Kowalczyk\nDębina 41, 26-613 Dębina\n\nOrbitel Polska S.A.\n\n' +
      'Obsługa Klienta Biznesowego\nul. Prosta 51\n\n00-838 Warszawa\n\nZgłaszam awarię linii.';
    const ids = extractIdentifiers(text);
    expect([ids.companyNames, ids.postalCodes]).toEqual([[], ['26-613']]);
  });
});
