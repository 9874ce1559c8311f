// Light, dark or following the system; remembered, and applied as <html data-theme>.

export type ThemeChoice = 'system' | 'light' | 'dark';
const STORAGE_KEY = 'persona-studio.theme';

export class Theme {
  choice = $state<ThemeChoice>('system');
  systemDark = $state(false);

  constructor(
    private readonly storage: Pick<Storage, 'getItem' | 'setItem'> | null,
    media: MediaQueryList | null,
  ) {
    const stored = storage?.getItem(STORAGE_KEY);
    if (stored === 'light' || stored === 'dark' || stored === 'system') this.choice = stored;
    if (media) {
      this.systemDark = media.matches;
      media.addEventListener('change', (e) => {
        this.systemDark = e.matches;
        this.apply();
      });
    }
  }

  get resolved(): 'light' | 'dark' {
    if (this.choice === 'system') return this.systemDark ? 'dark' : 'light';
    return this.choice;
  }

  set(choice: ThemeChoice): void {
    this.choice = choice;
    this.storage?.setItem(STORAGE_KEY, choice);
    this.apply();
  }

  apply(): void {
    if (typeof document !== 'undefined') document.documentElement.dataset.theme = this.resolved;
  }
}
