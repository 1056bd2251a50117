// Exports from systems that keep the address as one text ("ul. Lipowa 5 m. 3, 00-950 Warszawa",
// "00-950 Warszawa, Lipowa 5/3", an address block whose lines became spaces) put the postal code and
// town inside the street cell. Stored that way, the street never equals a letter's street line and
// the master has no postal code or town to agree with: name-and-address letters would go unmatched.

export interface AddressParts {
  street: string | null;
  postalCode: string | null;
  city: string | null;
}

// A postal code standing alone: not part of a phone, an account or a date ("12-345-678", "2026-11-20").
const POSTAL = /(?<![\d-])(\d{2}) ?[-‐–] ?(\d{3})(?![\d-])/;
// What exporters append after the town: the country, a voivodeship, "woj. mazowieckie", "pow. ...".
const TRAILER = /^(?:polska|poland|pl|rp|(?:woj|wojew[oó]dztwo|pow|powiat|gm|gmina)\b.*|\p{L}+skie)$/iu;

function clean(part: string): string {
  return part.replace(/^[\s,;]+|[\s,;]+$/g, '');
}

/**
 * Splits an address cell that holds a postal code into street, postal code and town; null when it
 * holds none (a plain street cell, which stays as it is). The street may stand before the postal
 * code or after the town ("00-950 Warszawa, ul. Lipowa 5/3"); the town is the words after the code
 * up to a comma. A cell of only a postal code and town gives no street.
 */
export function splitAddressCell(cell: string): AddressParts | null {
  const m = POSTAL.exec(cell);
  if (!m) return null;
  const before = clean(cell.slice(0, m.index));
  const [townPart = '', ...rest] = cell.slice(m.index + m[0].length).split(/[,;]/).map(clean);
  // "00-950 Warszawa ul. Lipowa 5/3": a street type word ends the town when no comma does.
  const typed = /^(.*?)\s+((?:ul|al|pl|os)\.?\s.*|(?:ulica|aleja|aleje|plac|osiedle)\s.*)$/iu.exec(townPart);
  const town = typed ? typed[1]! : townPart;
  const after = [typed?.[2], ...rest].filter((p): p is string => !!p && !TRAILER.test(p)).join(', ');
  const street = before || after || null;
  return {
    street: street && /\p{L}/u.test(street) ? street : null,
    postalCode: `${m[1]}-${m[2]}`,
    city: town && !/\d/.test(town) && !TRAILER.test(town) ? town : null,
  };
}
