// Regular-expression pieces of Polish street addresses, shared by the street readers.

export const CAP = '[A-ZĄĆĘŁŃÓŚŹŻ0-9][\\p{L}.-]*';
// Street names also hold lower-case joining words and titles: "Żwirki i Wigury", "gen. Andersa",
// "ks. Skargi", "św. Marcina", "Bohaterów spod Kutna".
export const JOIN = '(?:i|w|z|nad|pod|na|spod|od|do|gen\\.|ks\\.|św\\.|sw\\.|bp\\.|kard\\.|prof\\.|dr\\.?|im\\.|marsz\\.|płk\\.?|plk\\.?|kpt\\.|por\\.|hm\\.)';
export const WORD = `(?:${CAP}|${JOIN})`;
const FLAT = '(?:\\s?[/]\\s?\\d+[A-Za-z]?)?(?:\\s?(?:m\\.?|M\\.?|lok\\.?|LOK\\.?)\\s?\\d+)?';
// "ul. Długa 5/12", "al. Jana Pawła II 12 m. 4", "os. Kościuszki 7", "pl. Wolności 1A".
export const HOUSE = `(\\d+[A-Za-z]?${FLAT})`;
// Without "ul." a street is told from prose and dates by its shape alone, so a house number there has
// at most three digits ("Listopad 2026" is no address).
export const BARE_HOUSE = `(\\d{1,3}[A-Za-z]?${FLAT})`;

/** Forms, typewriters and some writers put the whole address in capitals: "UL. KOŚCIUSZKI 77 M. 4". */
export const anyCase = (w: string) => `(?:${w}|${w.toUpperCase()}|${w[0]!.toUpperCase()}${w.slice(1)})`;
