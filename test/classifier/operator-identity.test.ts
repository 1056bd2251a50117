import { describe, expect, it } from 'vitest';
import { DEMO_OPERATOR_MATCHER, operatorMatcher } from '../../classifier/operator-identity.js';
import { extractIdentifiers } from '../../classifier/identifiers.js';
import { loadConfig } from '../../core/config.js';

describe('the operator letters are addressed to', () => {
  it('recognises its name in every declined form and its mailboxes, and nothing else', () => {
    const m = operatorMatcher({ names: ['Polfon Telekomunikacja', 'UPC'], mailDomains: ['polfon.pl'] });
    expect(m.isOwnCompany('POLFON TELEKOMUNIKACJA S.A.')).toBe(true);
    expect(m.isOwnCompany('Polfonu Telekomunikacji Sp. z o.o.')).toBe(false); // a different first word is another firm
    expect(m.isOwnCompany('Polfon Telekomunikacji S.A.')).toBe(true);
    expect(m.isOwnCompany('UPC Polska')).toBe(true);
    expect(m.isOwnCompany('UPCYKLING sp. z o.o.')).toBe(false);
    expect(m.isOwnCompany('Budmax sp. z o.o.')).toBe(false);
    expect(m.isOwnMail('bok@polfon.pl')).toBe(true);
    expect(m.isOwnMail('reklamacje@bok.polfon.pl')).toBe(true);
    expect(m.isOwnMail('jan@polfon.pl.example.com')).toBe(false);
    expect(DEMO_OPERATOR_MATCHER.isOwnCompany('Telekomunikacji Nadwiślańskiej S.A.')).toBe(true);
  });

  it("keeps a configured operator's name and mailbox out of the sender's identifiers", () => {
    const text = [
      'Budmax sp. z o.o.', 'ul. Lipowa 7', '62-300 Września', 'biuro@budmax.example.pl', '',
      'Polfon Telekomunikacja S.A.', 'ul. Prosta 1', '00-950 Warszawa', '',
      'W odpowiedzi na pismo z reklamacje@polfon.pl proszę o duplikat faktury.',
    ].join('\n');
    const operator = operatorMatcher({ names: ['Polfon Telekomunikacja'], mailDomains: ['polfon.pl'] });
    const ids = extractIdentifiers(text, operator);
    expect(ids.companyNames.some((c) => /polfon/i.test(c))).toBe(false);
    expect(ids.companyNames.some((c) => /budmax/i.test(c))).toBe(true);
    expect(ids.emails).toEqual(['biuro@budmax.example.pl']);
    // Without the setting the operator's block is still known by its place: a firm's block under the
    // sender's in the letter's head (blind test R). Heading the letter, only the setting tells it.
    expect(extractIdentifiers(text).companyNames.some((c) => /polfon/i.test(c))).toBe(false);
    const first = text.split('\n\n').slice(1, 2).concat(text.split('\n\n')[0]!, text.split('\n\n')[2]!).join('\n\n');
    expect(extractIdentifiers(first).companyNames.some((c) => /polfon/i.test(c))).toBe(true);
    expect(extractIdentifiers(first, operator).companyNames.some((c) => /polfon/i.test(c))).toBe(false);
  });

  it('is configured by MAILROOM_OPERATOR_NAMES and MAILROOM_OPERATOR_MAIL_DOMAINS', () => {
    const c = loadConfig({ MAILROOM_OPERATOR_NAMES: 'Polfon Telekomunikacja, UPC', MAILROOM_OPERATOR_MAIL_DOMAINS: 'polfon.pl' });
    expect(c.operator).toEqual({ names: ['Polfon Telekomunikacja', 'UPC'], mailDomains: ['polfon.pl'] });
    expect(loadConfig({}).operator.names).toEqual(['Telekomunikacja Nadwiślańska']);
  });
});
