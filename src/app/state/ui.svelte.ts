/** How the page looks: theme, presenter mode and the control groups a classroom link hides. */
import type { HideableGroup, Theme } from '../url-state';

export class UiState {
  theme = $state<Theme>(preferredTheme());
  presenter = $state(false);
  hidden = $state<HideableGroup[]>([]);

  constructor() {
    $effect.root(() => {
      $effect(() => {
        document.documentElement.dataset.theme = this.theme;
        document.documentElement.dataset.presenter = String(this.presenter);
      });
    });
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
