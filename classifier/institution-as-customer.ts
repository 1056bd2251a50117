// A court, a police station or a prosecutor's office is also a telecom's customer: its
// administration orders lines, disputes invoices and reports faults on its own letterhead (blind
// test X). Such a letter concerns the institution's own account, not a subscriber it writes about:
// it is no legal mail, and the institution is matched as the customer it is.

// The institution speaks of its own service: "nasza linia", "naszego abonamentu", "zamawiamy",
// "prosimy o (pilne) przysłanie technika", "prosimy o wystawienie faktur korygujących".
const OWN_SERVICE = new RegExp([
  /\bnasz\w*\s+(?:\w+\s+){0,2}?(?:lini\w*|numer\w*|abonament\w*|faktur\w*|kont[aoe]\b|umow\w*|internet\w*|uslug\w*|telefon\w*|lacz\w*|central\w*|rachun\w*)/.source,
  /\bzamawia(?:m|my)\b/.source,
  /\bprosi(?:my|m)? o (?:\w+ )?(?:naprawe|przyslanie technika|usuniecie awarii|wystawienie faktur\w* korygujac\w*|korekt\w* faktur\w*|zmiane adresu|zmiane danych|zmiane osoby)/.source,
  /\bprosze o (?:\w+ )?(?:naprawe|przyslanie technika|usuniecie awarii|wystawienie faktur\w* korygujac\w*|korekt\w* faktur\w*|zmiane adresu|zmiane danych|zmiane osoby)/.source,
  /\bjestesmy (?:panstwa )?klient\w*|\bjako (?:panstwa )?(?:klient|abonent)\b/.source,
].join('|'));
// What an institution writes about someone else: a debtor, a subscriber's data, a seizure, a case.
const ABOUT_SOMEONE = /\b(?:dluzni\w*|abonent\w* (?:pan\w*|o numerze|numeru|telefonu)|udostepn\w*|wykaz\w* polaczen|danych abonent\w*|zajec\w*|zajmuj\w*|egzekuc\w*|sygn\w*\.? akt|podejrzan\w*|postepowani\w* przygotowawcz\w*|skarg\w* (?:pana|pani|abonent\w*)|wniosek (?:pana|pani)|wierzytelnos\w*)/;

/** The (folded) letter is an institution writing about its own account as a customer. */
export function writesAsCustomer(folded: string): boolean {
  return OWN_SERVICE.test(folded) && !ABOUT_SOMEONE.test(folded);
}
