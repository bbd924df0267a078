/** How the page looks: theme, presenter mode, the control groups a classroom link hides and the open lesson. */
import { flushSync } from 'svelte';
import type { HideableGroup, Theme } from '../url-state';

export class UiState {
  theme = $state<Theme>(preferredTheme());
  presenter = $state(false);
  hidden = $state<HideableGroup[]>([]);
  /** The id of the guided lesson open on the page. */
  lesson = $state<string | undefined>();

  constructor() {
    $effect.root(() => {
      $effect(() => {
        document.documentElement.dataset.theme = this.theme;
        document.documentElement.dataset.presenter = String(this.presenter);
      });
    });
    if (typeof window !== 'undefined') {
      // Paper is white: print in the light theme. A capturing listener runs before the charts redraw
      // for print (live-chart.ts), so they redraw in it.
      let screenTheme: Theme | undefined;
      window.addEventListener(
        'beforeprint',
        () => {
          if (this.theme === 'light') return;
          screenTheme = this.theme;
          this.theme = 'light';
          flushSync();
        },
        { capture: true },
      );
      window.addEventListener('afterprint', () => {
        if (screenTheme) this.theme = screenTheme;
        screenTheme = undefined;
      });
    }
  }

  shows(group: HideableGroup): boolean {
    return !this.hidden.includes(group);
  }

  toggleTheme = () => (this.theme = this.theme === 'dark' ? 'light' : 'dark');
  togglePresenter = () => (this.presenter = !this.presenter);
}

function preferredTheme(): Theme {
  return typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches
    ? 'dark'
    : 'light';
}
