/**
 * The whole experiment setup in the URL hash, as TensorFlow Playground does: readable keys
 * (`#v=1&dataset=banknote&tuner=hyperband&maxEpochs=10&factor=3&seed=42…`), and the search space as
 * base64url JSON only when it differs from the course preset. The hash is never sent to a server.
 *
 * Pure: strings in, objects out, no DOM. Decoding never throws: whatever is malformed, out of range
 * or hostile falls back to the default, field by field, with a notice that names what was ignored.
 */
import { defaultSetup, type ExperimentSetup } from '../core/experiment';
import { FIELD_BY_KEY, FIELDS, OTHER_KEYS } from './url-fields';
import { FORBIDDEN_KEYS, quote } from '../report/read/json-reader';
import { readSearchSpace } from '../report/read/read-space';
import { courseSearchSpace } from '../core/space';
import type { SearchSpace } from '../core/space/types';
import { catalogueEntry } from '../data/catalogue';
import { lessonById } from '../report/lessons/registry';

export const URL_STATE_VERSION = 1;
/** A longer hash is not read at all. */
export const MAX_HASH_LENGTH = 20_000;
/** Control groups a classroom link can hide. */
export const HIDEABLE_GROUPS = [
  'dataset',
  'space',
  'tuner',
  'objective',
  'backend',
  'workers',
  'earlyStopping',
] as const;
export type HideableGroup = (typeof HIDEABLE_GROUPS)[number];
export type Theme = 'light' | 'dark';

export interface UiOptions {
  /** The guided lesson open on the page. */
  lesson?: string;
  hide?: string[];
  presenter?: boolean;
  theme?: Theme;
}

export interface UiState {
  lesson?: string;
  hide: HideableGroup[];
  presenter: boolean;
  theme?: Theme;
}

export interface DecodedSetup {
  setup: ExperimentSetup;
  ui: UiState;
  /** Plain text for the user: what the link asked for that was ignored, and why. */
  notices: string[];
  /**
   * The user's file the link named. A link cannot carry it, but this browser may have kept it with
   * the study it last ran: only when it has not is `notice` for the user.
   */
  localFile?: { fileName: string; notice: string };
}

// ───────────────────────────── encoding ─────────────────────────────

/** `#v=1&dataset=…&…`: assign it to location.hash or pass it to history.replaceState. */
export function encodeSetup(setup: ExperimentSetup, ui: UiOptions = {}): string {
  const defaults = defaultSetup();
  const pairs: [string, string][] = [['v', String(URL_STATE_VERSION)]];
  if (ui.lesson) pairs.push(['lesson', ui.lesson]);
  const source = setup.dataset.source;
  pairs.push(source.kind === 'catalogue' ? ['dataset', source.id] : ['file', source.fileName]);
  for (const field of FIELDS) {
    const value = field.get(setup);
    if (value === undefined) continue;
    if (field.relevant?.(setup) || value !== field.get(defaults)) pairs.push([field.key, String(value)]);
  }
  if (canonicalJson(setup.study.space) !== canonicalJson(courseSearchSpace()))
    pairs.push(['space', toBase64Url(JSON.stringify(setup.study.space))]);
  if (ui.hide && ui.hide.length > 0) pairs.push(['hide', ui.hide.join(',')]);
  if (ui.presenter !== undefined) pairs.push(['presenter', ui.presenter ? '1' : '0']);
  if (ui.theme) pairs.push(['theme', ui.theme]);
  return `#${pairs.map(([k, v]) => `${k}=${encodeValue(v)}`).join('&')}`;
}

/** encodeURIComponent, but commas stay readable (they are allowed in a fragment). */
function encodeValue(value: string): string {
  return encodeURIComponent(value).replace(/%2C/g, ',');
}

function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.keys(v)
            .sort()
            .map((k) => [k, (v as Record<string, unknown>)[k]]),
        )
      : v,
  );
}

// ───────────────────────────── decoding ─────────────────────────────

export function decodeSetup(hash: string): DecodedSetup {
  const setup = defaultSetup();
  const ui: UiState = { hide: [], presenter: false };
  const notices: string[] = [];
  try {
    const decoded: DecodedSetup = { setup, ui, notices };
    decodeInto(typeof hash === 'string' ? hash : '', decoded);
    return decoded;
  } catch {
    // Defensive only: every step above reports through notices rather than throwing.
    return {
      setup: defaultSetup(),
      ui: { hide: [], presenter: false },
      notices: ['The link could not be read; the default setup is shown.'],
    };
  }
}

function decodeInto(hash: string, decoded: DecodedSetup): void {
  const { setup, ui, notices } = decoded;
  const text = hash.startsWith('#') ? hash.slice(1) : hash;
  if (text.length > MAX_HASH_LENGTH) {
    notices.push(
      `The link is too long (${text.length} characters, at most ${MAX_HASH_LENGTH}); the default setup is shown.`,
    );
    return;
  }
  const values = new Map<string, string>();
  for (const part of text.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const key = safeDecode(eq < 0 ? part : part.slice(0, eq));
    const value = safeDecode(eq < 0 ? '' : part.slice(eq + 1));
    if (key === undefined || value === undefined) {
      notices.push(`Ignored ${quote(part)}: it is not properly encoded.`);
    } else if (FORBIDDEN_KEYS.includes(key)) {
      notices.push(`Ignored the setting ${quote(key)}: that name is not allowed.`);
    } else if (!FIELD_BY_KEY.has(key) && !OTHER_KEYS.has(key)) {
      notices.push(`Ignored the unknown setting ${quote(key)}.`);
    } else if (values.has(key)) {
      notices.push(`The setting ${quote(key)} appears more than once; the first was used.`);
    } else {
      values.set(key, value);
    }
  }
  const version = values.get('v');
  if (version !== undefined && version !== String(URL_STATE_VERSION))
    notices.push(
      `The link has version ${quote(version)}; this app reads version ${URL_STATE_VERSION}, so some settings may be missed.`,
    );
  readLesson(values, decoded);
  readDataset(values, decoded);
  for (const [key, raw] of values) {
    const field = FIELD_BY_KEY.get(key);
    if (!field) continue;
    const parsed = field.parse(raw);
    if (Array.isArray(parsed)) notices.push(`Ignored ${key}=${quote(raw)}: ${parsed[0]}.`);
    else field.set(setup, parsed);
  }
  const tuner = setup.study.tuner;
  if (tuner.minEpochs > tuner.maxEpochs) {
    notices.push(`Ignored minEpochs=${tuner.minEpochs}: it must not exceed maxEpochs (${tuner.maxEpochs}).`);
    tuner.minEpochs = 1;
  }
  const space = values.get('space');
  if (space !== undefined) {
    const decoded = decodeSpace(space);
    if (typeof decoded === 'string')
      notices.push(`Ignored the search space in the link (${decoded}); the course's search space is used.`);
    else setup.study.space = decoded;
  }
  readUi(values, ui, notices);
}

/** A lesson's link: its setup, under whatever the link itself says (`#lesson=learning-rate&seed=7`). */
function readLesson(values: Map<string, string>, decoded: DecodedSetup): void {
  const id = values.get('lesson');
  if (id === undefined) return;
  const lesson = lessonById(id);
  if (!lesson) {
    decoded.notices.push(`Ignored lesson=${quote(id)}: there is no lesson of that name.`);
    return;
  }
  decoded.ui.lesson = lesson.id;
  for (const [key, value] of Object.entries(lesson.link)) if (!values.has(key)) values.set(key, value);
  if (lesson.space) decoded.setup.study.space = structuredClone(lesson.space);
}

function readDataset(values: Map<string, string>, decoded: DecodedSetup): void {
  const { setup, notices } = decoded;
  const file = values.get('file');
  if (file !== undefined) {
    decoded.localFile = {
      fileName: file,
      notice: `This link used a local file (${quote(file)}), which a link cannot carry: choose it again. The default dataset is shown meanwhile.`,
    };
  }
  const id = values.get('dataset');
  if (id === undefined) return;
  if (catalogueEntry(id)) setup.dataset.source = { kind: 'catalogue', id };
  else notices.push(`Ignored dataset=${quote(id)}: there is no built-in dataset of that name.`);
}

function readUi(values: Map<string, string>, ui: UiState, notices: string[]): void {
  const hide = values.get('hide');
  if (hide !== undefined) {
    for (const group of hide.split(',')) {
      const name = group.trim();
      if (name === '') continue;
      if ((HIDEABLE_GROUPS as readonly string[]).includes(name)) {
        if (!ui.hide.includes(name as HideableGroup)) ui.hide.push(name as HideableGroup);
      } else {
        notices.push(
          `Ignored hide=${quote(name)}: the groups that can be hidden are ${HIDEABLE_GROUPS.join(', ')}.`,
        );
      }
    }
  }
  const presenter = values.get('presenter');
  if (presenter !== undefined) {
    if (presenter === '1' || presenter === 'true') ui.presenter = true;
    else if (presenter !== '0' && presenter !== 'false')
      notices.push(`Ignored presenter=${quote(presenter)}: expected 1 or 0.`);
  }
  const theme = values.get('theme');
  if (theme !== undefined) {
    if (theme === 'light' || theme === 'dark') ui.theme = theme;
    else notices.push(`Ignored theme=${quote(theme)}: expected light or dark.`);
  }
}

/** The space, or why it was refused. */
function decodeSpace(encoded: string): SearchSpace | string {
  const json = fromBase64Url(encoded);
  if (json === undefined) return 'it is not valid base64url text';
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    return 'it is not valid JSON';
  }
  const forbidden = findForbiddenKey(data, 0);
  if (forbidden) return `it contains the key ${quote(forbidden)}, which is not allowed`;
  try {
    return readSearchSpace(data, 'space');
  } catch (error) {
    return cut(error instanceof Error ? error.message : 'it is not a valid search space');
  }
}

function findForbiddenKey(value: unknown, depth: number): string | undefined {
  if (depth > 20) return 'nesting deeper than 20 levels';
  if (typeof value !== 'object' || value === null) return undefined;
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = findForbiddenKey(item, depth + 1);
      if (found) return found;
    }
    return undefined;
  }
  for (const key of Object.keys(value)) {
    if (FORBIDDEN_KEYS.includes(key)) return key;
    const found = findForbiddenKey((value as Record<string, unknown>)[key], depth + 1);
    if (found) return found;
  }
  return undefined;
}

/** A message from the validators, made safe to show: no markup characters, at most 200 characters. */
function cut(message: string): string {
  const safe = message.replace(/[<>&]/g, '?');
  return safe.length > 200 ? `${safe.slice(0, 200)}…` : safe;
}

function safeDecode(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

// ───────────────────────────── base64url ─────────────────────────────

export function toBase64Url(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function fromBase64Url(encoded: string): string | undefined {
  if (!/^[A-Za-z0-9_-]*$/.test(encoded) || encoded.length % 4 === 1) return undefined;
  try {
    const binary = atob(
      encoded.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (encoded.length % 4)) % 4),
    );
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}
