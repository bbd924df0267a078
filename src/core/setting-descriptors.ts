/**
 * How a setting is described once, for every place that shows, reads or checks it: the panels, the URL
 * codec and the reports. A number has a label, a range and a hint; a choice its options.
 */

export interface NumberSetting {
  kind: 'number';
  label: string;
  min: number;
  max: number;
  integer: boolean;
  /** The input's step (defaults: 1 for integers, any for reals). */
  step?: number;
  hint?: string;
  /** A value outside [min, max] that is also allowed, with what it means (0 = "the algorithm's default"). */
  special?: { value: number; means: string };
}

export interface ChoiceOption<T extends string> {
  value: T;
  label: string;
  /** Said when this option is the chosen one. */
  hint?: string;
}

export interface ChoiceSetting<T extends string = string> {
  kind: 'choice';
  label: string;
  options: readonly ChoiceOption<T>[];
  hint?: string;
}

export type Setting = NumberSetting | ChoiceSetting;

/** What a number setting accepts, in words: "a whole number from 2 to 10 (or 0: the default)". */
export function expectedNumber(s: NumberSetting): string {
  const what = s.integer ? 'a whole number' : 'a number';
  const special = s.special ? ` (or ${s.special.value}: ${s.special.means})` : '';
  return `${what} from ${s.min} to ${s.max}${special}`;
}

/** Whether `n` is a value the setting accepts. */
export function acceptsNumber(s: NumberSetting, n: number): boolean {
  if (s.special && n === s.special.value) return true;
  return Number.isFinite(n) && n >= s.min && n <= s.max && (!s.integer || Number.isInteger(n));
}

export const choiceValues = <T extends string>(s: ChoiceSetting<T>): T[] => s.options.map((o) => o.value);

/** A whole-number setting. */
export const wholeSetting = (
  label: string,
  min: number,
  max: number,
  hint?: string,
  special?: NumberSetting['special'],
): NumberSetting => ({
  kind: 'number',
  label,
  min,
  max,
  integer: true,
  ...(hint !== undefined && { hint }),
  ...(special && { special }),
});

/** A real-number setting. */
export const realSetting = (
  label: string,
  min: number,
  max: number,
  hint?: string,
  step?: number,
): NumberSetting => ({
  kind: 'number',
  label,
  min,
  max,
  integer: false,
  ...(hint !== undefined && { hint }),
  ...(step !== undefined && { step }),
});

/** A choice from [value, label, hint when chosen] rows. */
export const choiceSetting = <T extends string>(
  label: string,
  options: readonly (readonly [T, string, string?])[],
): ChoiceSetting<T> => ({
  kind: 'choice',
  label,
  options: options.map(([value, text, hint]) => ({
    value,
    label: text,
    ...(hint !== undefined && { hint }),
  })),
});
