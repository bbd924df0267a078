/**
 * A generated table shaped like the public bank-marketing data (45,211 rows, 16 inputs: 7 numeric,
 * 9 categorical with 2–12 levels, target `y` yes/no at about 12% yes): the same column names, kinds
 * and levels, values drawn from a seeded generator, the target from a noisy logistic score of a few
 * inputs. Deterministic: the same rows and seed give the same text.
 */
import { Rng } from '../../../src/core/rng';

const CATEGORIES: Record<string, string[]> = {
  job: [
    'admin.',
    'blue-collar',
    'entrepreneur',
    'housemaid',
    'management',
    'retired',
    'self-employed',
    'services',
    'student',
    'technician',
    'unemployed',
    'unknown',
  ],
  marital: ['married', 'single', 'divorced'],
  education: ['primary', 'secondary', 'tertiary', 'unknown'],
  default: ['no', 'yes'],
  housing: ['yes', 'no'],
  loan: ['no', 'yes'],
  contact: ['cellular', 'telephone', 'unknown'],
  month: ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'],
  poutcome: ['unknown', 'failure', 'other', 'success'],
};

const COLUMNS = [
  'age',
  'job',
  'marital',
  'education',
  'default',
  'balance',
  'housing',
  'loan',
  'contact',
  'day',
  'month',
  'duration',
  'campaign',
  'pdays',
  'previous',
  'poutcome',
  'y',
];

export function bankMarketingCsv(rows: number, seed: number): string {
  const rng = new Rng(seed);
  const pick = (name: string) => CATEGORIES[name][rng.int(0, CATEGORIES[name].length - 1)];
  const lines = [COLUMNS.join(';')];
  for (let i = 0; i < rows; i++) {
    const age = Math.round(Math.min(95, Math.max(18, rng.normal(41, 10.6))));
    const balance = Math.round(rng.normal(0, 1) * 3000 + 1362);
    const duration = Math.round(-258 * Math.log(1 - rng.next()));
    const campaign = 1 + Math.floor(-1.8 * Math.log(1 - rng.next()));
    const contacted = rng.next() < 0.18;
    const pdays = contacted ? rng.int(1, 871) : -1;
    const previous = contacted ? 1 + Math.floor(-2 * Math.log(1 - rng.next())) : 0;
    const poutcome = contacted ? pick('poutcome') : 'unknown';
    const housing = pick('housing');
    const score =
      -2.55 +
      duration / 400 -
      0.12 * campaign +
      (poutcome === 'success' ? 2.2 : 0) +
      (housing === 'yes' ? -0.6 : 0);
    const y = rng.next() < 1 / (1 + Math.exp(-score)) ? 'yes' : 'no';
    lines.push(
      [
        age,
        pick('job'),
        pick('marital'),
        pick('education'),
        pick('default'),
        balance,
        housing,
        pick('loan'),
        pick('contact'),
        rng.int(1, 31),
        pick('month'),
        duration,
        campaign,
        pdays,
        previous,
        poutcome,
        y,
      ].join(';'),
    );
  }
  return `${lines.join('\n')}\n`;
}
