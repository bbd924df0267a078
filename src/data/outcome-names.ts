/**
 * Whether a column's name reads like an outcome: the answer a public dataset records (Survived,
 * diagnosis, Churn, Loan_Status…). The words come from the label columns of public datasets on UCI,
 * Kaggle and OpenML. A name matches when an outcome word is its LAST word, which in English names
 * the thing (`loan_status`, `isFraud`, `HeartDisease`, `income_class`); words are split on
 * separators and camelCase, so `classroom`, `Pclass`, `statusCode` and `churn_rate` do not match.
 */
import { split } from 'change-case';

const OUTCOME_WORDS = new Set([
  // The answer itself: OpenML's default target "class", Kaggle's "target" and "label", Pima's
  // "Outcome", the phishing set's "Result", marketing campaigns' "Response".
  'target',
  'targets',
  'label',
  'labels',
  'class',
  'outcome',
  'result',
  'response',
  // Survival and health: Titanic "Survived", Haberman "survival", breast cancer "diagnosis",
  // "HeartDisease", stroke, diabetes, cardiovascular "cardio", hospital "readmitted", "died".
  'survived',
  'survival',
  'died',
  'death',
  'diagnosis',
  'disease',
  'stroke',
  'diabetes',
  'cardio',
  'readmitted',
  // Customers and people: telco "Churn", bank "Exited", IBM HR "Attrition", bank marketing
  // "deposit"/"subscribed", ads "Purchased", "converted", airline "satisfaction", students "passed",
  // admissions "admit", recruiting "hired", games "winner".
  'churn',
  'churned',
  'exited',
  'attrition',
  'deposit',
  'subscribed',
  'purchased',
  'converted',
  'clicked',
  'satisfaction',
  'satisfied',
  'passed',
  'admit',
  'admitted',
  'hired',
  'won',
  'winner',
  // Credit, risk and fraud: credit "default", credit approval "approved", German credit "Risk",
  // card and payment fraud "Class"/"isFraud", machine "failure".
  'default',
  'defaulted',
  'approved',
  'approval',
  'risk',
  'fraud',
  'fraudulent',
  'failure',
  // Text and bookings: SMS "spam", reviews "sentiment", hotel bookings "is_canceled".
  'spam',
  'sentiment',
  'canceled',
  'cancelled',
]);

/**
 * Names that are outcomes only as the whole name: `y` (bank marketing) but not `pos_y`; `status`
 * (Parkinson's, campus placement) and the statuses public sets predict, but not `marital_status`.
 */
const WHOLE_NAMES = new Set([
  'y',
  'status',
  'loan_status',
  'booking_status',
  'default_payment_next_month',
  'death_event',
  'clicked_on_ad',
]);

/** A last word that only marks a yes/no column: `Attrition_Flag`, `fraud_yn`. */
const MARKERS = new Set(['flag', 'yn', 'ind', 'indicator']);

/** The name's words, lower case: `HeartDisease` → heart, disease; `DEATH_EVENT` → death, event. */
export function nameWords(name: string): string[] {
  return split(name).map((word) => word.toLowerCase());
}

export function isOutcomeName(name: string): boolean {
  const words = nameWords(name);
  if (WHOLE_NAMES.has(words.join('_'))) return true;
  if (words.length > 1 && MARKERS.has(words[words.length - 1])) words.pop();
  return words.length > 0 && OUTCOME_WORDS.has(words[words.length - 1]);
}
