// A notice reported as done is no notice to act on; a notice given still is.
import { describe, expect, it } from 'vitest';
import { noticeOnlyReported } from '../../classifier/reported-notice.js';
import { classify, loadDefaultModel } from '../../classifier/model.js';
import { tokenize } from '../../classifier/normalize.js';

const reported = (text: string) => noticeOnlyReported(tokenize(text));

describe('a notice reported as done', () => {
  it('is told from a notice given', () => {
    expect(reported('Do czerwca byłam Państwa klientką, umowa została rozwiązana, a należności uregulowałam.')).toBe(true);
    expect(reported('Po rozwiązaniu umowy odesłałem router, a nadal przychodzą faktury.')).toBe(true);
    expect(reported('Umowa została już wypowiedziana pismem z lutego.')).toBe(true);
    // Another notice word beside the report: the writer may be giving one now.
    expect(reported('Umowa na jeden numer została rozwiązana, a drugą niniejszym wypowiadam.')).toBe(false);
    expect(reported('Wypowiadam umowę z zachowaniem okresu wypowiedzenia.')).toBe(false);
    expect(reported('Proszę o duplikat faktury.')).toBe(false);
  });

  it('gives an erasure request by a former customer no notice as a second intent (blind test AT)', () => {
    const c = classify(loadDefaultModel(), 'Szanowni Państwo,\n\ndo czerwca 2026 r. byłam Państwa klientką (nr klienta 4600384165), umowa została rozwiązana, ' +
      'a wszystkie należności uregulowałam.\n\nNa podstawie art. 17 RODO żądam usunięcia wszystkich moich danych osobowych, których przechowywanie ' +
      'nie jest już niezbędne, w szczególności numeru telefonu, adresu e-mail i historii kontaktów z konsultantami. Proszę o pisemne potwierdzenie, ' +
      'jakie dane zostały usunięte, a jakie i na jakiej podstawie nadal są przechowywane.\n\nKrystyna Ziółkowska');
    expect(c.category).toBe('PRIVACY');
    expect(c.secondary).not.toContain('CANCELLATION');
  });
});
