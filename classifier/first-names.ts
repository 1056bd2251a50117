// Common Polish given names (folded, nominative). A name lexicon is what tells "Jan Kowalski" from
// "Sąd Rejonowy" in a sender block; unknown given names are still read from the signature position.

const FEMALE = `anna maria katarzyna malgorzata agnieszka barbara ewa krystyna elzbieta zofia teresa magdalena
joanna janina monika danuta jadwiga aleksandra halina irena beata marta dorota helena karolina jolanta
iwona marianna natalia grazyna justyna stanislawa bozena urszula renata agata paulina aneta sylwia
wanda kamila julia patrycja genowefa hanna izabela zuzanna weronika emilia alicja lucyna wioletta
edyta stefania ilona michalina wiktoria gabriela zdzislawa jozefa lena oliwia maja amelia klaudia
dominika ewelina kinga martyna marzena bogumila henryka kazimiera wladyslawa leokadia regina roza
mariola violetta elzbieta olga nina ada laura nikola milena angelika daria adrianna sandra marlena
lidia bronislawa czeslawa anita bernadeta grazyna wiesława wieslawa teodora jagoda lucja marcelina
antonina ksenia kornelia eliza edyta boguslawa aldona ludmila malwina celina miroslawa zaneta
sabina lucyna zyta felicja honorata izabella jowita karina luiza nadia roksana sara wanda`;

const MALE = `jan andrzej piotr krzysztof stanislaw tomasz pawel jozef marcin marek michal grzegorz jerzy
tadeusz adam lukasz zbigniew ryszard dariusz henryk mariusz kazimierz wojciech robert mateusz
marian rafal jacek janusz miroslaw maciej slawomir jaroslaw kamil wieslaw roman wladyslaw jakub
artur zdzislaw edward mieczyslaw damian dawid przemyslaw sebastian czeslaw leszek daniel waldemar
bartosz patryk krystian szymon kacper karol filip igor hubert dominik mikolaj oskar wiktor antoni
franciszek aleksander leon ignacy stefan bogdan boguslaw eugeniusz lech witold zygmunt zenon leopold
alojzy bronislaw bernard emil konrad norbert radoslaw sylwester arkadiusz cezary dariusz ireneusz
lucjan maksymilian nikodem olaf oliwer gabriel julian kajetan tymon borys fryderyk wincenty teodor
bartlomiej remigiusz gustaw ludwik albert alan natan marcel adrian grzegorz wit zenon`;

// Customers from abroad write in the sender block too: Ukrainian names as Polish documents transliterate
// them (and in English spelling), Russian and Belarusian ones, and common English, Georgian,
// Vietnamese, Indian, German, Spanish and Italian ones. Words that are also Polish words ("taras",
// "inna", "nam", "tam", "my", "rosa", "luka", "frank"), Vietnamese middle names ("van", "thi") and
// declined Polish names ("Jana") are left out, and so is a name one letter from a Polish one (Lan and
// Jan, Sofia and Zofia, Renate and Renata, Natalja and Natalia): two known names are two people to
// the matcher, so it would take an OCR slip or another spelling of one name for a different person.
const FOREIGN_FEMALE = `olena olha olga oksana iryna irina tetiana tetyana tatiana switlana svitlana swietlana natalija nataliia
yuliia julija kateryna katerina liudmyla ludmyla valentyna walentyna larysa alla halyna nadiia nadija viktoriia anastasiia
anastasija sofiia solomija polina yana alina vira lesia mariia khrystyna chrystyna diana veronika oleksandra
mary patricia jennifer linda elizabeth susan jessica sarah karen emily charlotte sophie emma olivia
wiera nadiezda jekaterina
nino tamar tamari ketevan salome tinatin
linh huong trang thao phuong ngoc hanh thuy quynh hien
priya anjali pooja neha sunita kavita lakshmi divya shreya ananya nisha meera sneha swati preeti rekha geeta seema
ute heike gisela birgit brigitte ingrid silke anke katrin susanne christine
carmen isabel pilar dolores mercedes cristina beatriz raquel silvia giulia francesca chiara`;
const FOREIGN_MALE = `oleksandr oleksander olexandr aleksandr volodymyr wolodymyr serhii serhij sergii sergey andrii andrij yurii jurij
dmytro maksym mykola mykhailo mychajlo vasyl wasyl ivan iwan ihor oleh petro bohdan yevhen jewhen vitalii witalij
vladyslav wladyslaw yaroslav jaroslaw artem denys pavlo anatolii oleg
michael john david james william richard thomas mark paul peter steven kevin brian patrick sean liam george charles
christopher matthew andrew anthony joseph
siergiej aleksiej dmitrij jewgienij wladimir walerij gienadij siarhei aliaksandr uladzimir yauhen
dzmitry mikalai aliaksei
giorgi levan davit irakli zurab lasha nikoloz tornike mamuka tengiz
minh anh tuan dung thanh quang duc hieu khanh trung cuong
rajesh amit rahul sunil deepak vijay sanjay arjun ravi ramesh suresh manoj ajay vikram aditya rohit arun sandeep
rakesh mohan krishna kiran sachin vivek nikhil harish ganesh mahesh prakash ashok gaurav varun akash ankit abhishek
klaus hans jurgen juergen wolfgang dieter uwe helmut gerhard werner horst gunter guenter manfred heinz karl friedrich
heinrich ralf jens jorg joerg sven dirk torsten andreas markus matthias christian
jose juan carlos javier miguel luis antonio manuel pedro alejandro pablo diego jorge fernando francisco rafael
raul alberto ricardo marco giuseppe giovanni matteo alessandro joao`;

const words = (s: string) => s.split(/\s+/).filter(Boolean);
export const FEMALE_NAMES = new Set([...words(FEMALE), ...words(FOREIGN_FEMALE)]);
export const MALE_NAMES = new Set([...words(MALE), ...words(FOREIGN_MALE)]);
/** A given name in the lexicon (folded, nominative): Anna, Jan, Siarhei, Minh. */
export const isKnownGivenName = (folded: string): boolean => FEMALE_NAMES.has(folded) || MALE_NAMES.has(folded);

export type Gender = 'f' | 'm';

export interface GivenName {
  nominative: string; // folded
  gender: Gender;
  /** Grammatical case the surface form was in, so the surname can be de-declined the same way. */
  declined: 'nom' | 'gen' | 'dat' | 'acc' | 'ins' | 'loc';
}

// Surface ending -> nominative ending, per gender; tried in order, first lexicon hit wins.
const FEMALE_FORMS: [string, string, GivenName['declined']][] = [
  ['', '', 'nom'], ['y', 'a', 'gen'], ['i', 'a', 'gen'], ['ie', 'a', 'dat'], ['e', 'a', 'acc'], ['a', 'a', 'ins'],
  ['ii', 'ia', 'gen'],
  // The dative and locative alternate the stem's last consonant: Beata → Beacie, Magda → Magdzie,
  // Jadwiga → Jadwidze, Barbara → Barbarze, Monika → Monice ("przeciwko Beacie Michalskiej", blind test AW).
  ['cie', 'ta', 'dat'], ['dzie', 'da', 'dat'], ['dze', 'ga', 'dat'], ['rze', 'ra', 'dat'], ['ce', 'ka', 'dat'],
];
const MALE_FORMS: [string, string, GivenName['declined']][] = [
  ['', '', 'nom'], ['a', '', 'gen'], ['owi', '', 'dat'], ['em', '', 'ins'], ['ie', '', 'loc'], ['u', '', 'dat'],
  ['ego', 'y', 'gen'], ['emu', 'y', 'dat'], ['ka', 'ek', 'gen'], ['kowi', 'ek', 'dat'], ['kiem', 'ek', 'ins'],
  ['cie', 't', 'loc'], ['rze', 'r', 'loc'], ['ie', 'a', 'loc'],
  // The mobile e: Paweł → Pawła, Pawłowi, Pawłem ("Pana Pawła Kasprzaka", blind test AW).
  ['la', 'el', 'gen'], ['lowi', 'el', 'dat'], ['lem', 'el', 'ins'],
];

/**
 * Every reading of a (possibly declined) given name; input must be folded to lower case.
 * "Stanisława" is both a woman's nominative and a man's genitive: the caller decides by the surname.
 */
export function readGivenNames(folded: string): GivenName[] {
  const out: GivenName[] = [];
  // Polish accusative/instrumental forms fold "ę"/"ą" to "e"/"a", so they are covered above.
  for (const [forms, names, gender] of [[FEMALE_FORMS, FEMALE_NAMES, 'f'], [MALE_FORMS, MALE_NAMES, 'm']] as const) {
    for (const [suf, nomSuf, declined] of forms) {
      if (!folded.endsWith(suf)) continue;
      const nom = folded.slice(0, folded.length - suf.length) + nomSuf;
      if (names.has(nom) && !out.some((g) => g.nominative === nom)) out.push({ nominative: nom, gender, declined });
    }
  }
  const formal = out.length ? undefined : DIMINUTIVES.get(folded);
  if (formal) out.push({ nominative: formal[0], gender: formal[1], declined: 'nom' });
  return out;
}

// Letters to a telecom are often signed the way the writer is called ("Zbyszek Michalak", "Kasia
// Nowak"): the usual Polish diminutives, as the given name they stand for (nominative only).
const DIMINUTIVES = new Map<string, [string, Gender]>([
  ...pairs('f', `kasia katarzyna basia barbara gosia malgorzata malgosia malgorzata zosia zofia ania anna asia joanna
    ola aleksandra ela elzbieta ewka ewa madzia magdalena magda magdalena krysia krystyna halinka halina jadzia jadwiga
    danusia danuta tereska teresa wiesia wieslawa stasia stanislawa bozenka bozena gienia genowefa marysia maria
    renia renata jola jolanta iza izabela gabrysia gabriela ula urszula dorotka dorota iwonka iwona`),
  ...pairs('m', `zbyszek zbigniew zbysiu zbigniew jozek jozef staszek stanislaw stasiek stanislaw jurek jerzy wojtek wojciech
    krzysiek krzysztof tomek tomasz bartek bartlomiej kuba jakub maciek maciej piotrek piotr janek jan jasiek jan
    franek franciszek antek antoni rysiek ryszard heniek henryk zdzisiek zdzislaw mietek mieczyslaw wladek wladyslaw
    kazik kazimierz tadek tadeusz grzesiek grzegorz darek dariusz mirek miroslaw slawek slawomir jarek jaroslaw
    romek roman wiesiek wieslaw edek edward`),
]);
function pairs(gender: Gender, list: string): [string, [string, Gender]][] {
  const w = words(list);
  return Array.from({ length: w.length / 2 }, (_, i) => [w[2 * i]!, [w[2 * i + 1]!, gender]]);
}

export function readGivenName(folded: string): GivenName | null {
  return readGivenNames(folded)[0] ?? null;
}
