/**
 * The setup lives in the URL, as TensorFlow Playground does it: a copied link reproduces the demo.
 * Reads the link once at start (with the notices for what it could not use), then keeps the hash
 * current as the setup and the view change.
 */
import type { ExperimentSetup } from '../../core/experiment';
import { recommendedWorkers } from '../components/tuner-options';
import { decodeSetup, encodeSetup, type DecodedSetup } from '../url-state';
import type { UiState } from './ui.svelte';

export const hardwareConcurrency = (): number =>
  typeof navigator !== 'undefined' ? navigator.hardwareConcurrency || 2 : 2;

/** The link the page was opened with; a link without a worker count gets this machine's default. */
export function readLink(hash = location.hash): DecodedSetup {
  const decoded = decodeSetup(hash);
  if (!/(^|[#&])workers=/.test(hash)) decoded.setup.workers = recommendedWorkers(hardwareConcurrency());
  return decoded;
}

/** Keeps location.hash equal to the setup and view (call during component initialisation). */
export function syncLink(setup: () => ExperimentSetup, ui: UiState): void {
  const recommended = recommendedWorkers(hardwareConcurrency());
  $effect(() => {
    const snapshot = $state.snapshot(setup()) as ExperimentSetup;
    let hash = encodeSetup(snapshot, {
      lesson: ui.lesson,
      hide: ui.hidden,
      presenter: ui.presenter,
      theme: ui.theme,
    });
    // The encoder leaves out a worker count equal to the preset's; readLink reads a missing one as
    // this machine's, so any other count is written.
    if (snapshot.workers !== recommended && !/[#&]workers=/.test(hash))
      hash += `&workers=${snapshot.workers}`;
    if (location.hash.slice(1) !== hash.replace(/^#/, ''))
      history.replaceState(null, '', hash.startsWith('#') ? hash : `#${hash}`);
  });
}

/** The link is "the default": no hash at all, or an empty one. */
export const isBareLink = (): boolean => !location.hash || location.hash === '#';
