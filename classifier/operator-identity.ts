// The operator the post is addressed to. Its name and mailboxes appear in quoted replies, in courts'
// orders ("zobowiązuje Telekomunikację Nadwiślańską S.A.") and in recipient blocks, never as the
// customer's: a letter must not look like it came from a business customer of that name. Which
// operator that is comes from configuration (MAILROOM_OPERATOR_NAMES, MAILROOM_OPERATOR_MAIL_DOMAINS);
// the defaults are the fictional operator of the bundled demo letters.
import { DEMO_OPERATOR, type OperatorIdentity } from '../core/config.js';
import { foldChars } from './normalize.js';

export interface OperatorMatcher {
  isOwnCompany(companyName: string): boolean;
  /** The text starts with the operator's name (a recipient block's first line). */
  startsWithOwnName(text: string): boolean;
  isOwnMail(email: string): boolean;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Each word of a name becomes a stem followed by any ending, so every declined form matches on
 * folded text ("Telekomunikacji Nadwiślańskiej"); short words (Play, UPC) must match whole.
 */
function nameRegex(name: string, lead = '(?:^|[^a-z0-9])'): RegExp | null {
  const words = foldChars(name).split(/[^a-z0-9]+/).filter(Boolean);
  if (!words.length) return null;
  const parts = words.map((w) => (w.length >= 7 ? `${escape(w.slice(0, w.length - 3))}\\w*` : `${escape(w)}\\b`));
  return new RegExp(`${lead}${parts.join('[^a-z0-9]+')}`);
}

export function operatorMatcher(o: OperatorIdentity): OperatorMatcher {
  const names = o.names.map((n) => nameRegex(n)).filter((r): r is RegExp => r !== null);
  const leading = o.names.map((n) => nameRegex(n, '^[^a-z0-9]*')).filter((r): r is RegExp => r !== null);
  const domains = o.mailDomains.map((d) => d.trim().toLowerCase().replace(/^@/, '')).filter(Boolean);
  const mail = domains.length ? new RegExp(`@(?:[a-z0-9-]+\\.)*(?:${domains.map(escape).join('|')})$`) : null;
  return {
    isOwnCompany: (companyName) => names.some((r) => r.test(foldChars(companyName))),
    startsWithOwnName: (text) => leading.some((r) => r.test(foldChars(text))),
    isOwnMail: (email) => mail !== null && mail.test(email.trim().toLowerCase()),
  };
}

export const DEMO_OPERATOR_MATCHER = operatorMatcher(DEMO_OPERATOR);
