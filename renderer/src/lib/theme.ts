/**
 * The colour theme. `system` leaves the page to `color-scheme: light dark` (the OS scheme), which
 * the stylesheet applies before any script runs; an explicit choice is written as `data-theme` on
 * `<html>`, which the stylesheet prefers. The last choice is remembered in the page's own storage
 * and applied before the first render, so a dark-themed window does not open white while the
 * settings are fetched from main.
 */
import type { ThemeSetting } from '../../../common/settings.ts';

const STORAGE_KEY = 'amoot.theme';

export function applyTheme(root: HTMLElement, theme: ThemeSetting): void {
  if (theme === 'system') root.removeAttribute('data-theme');
  else root.dataset.theme = theme;
}

export function rememberTheme(theme: ThemeSetting): void {
  try {
    localStorage.setItem(STORAGE_KEY, theme);
  } catch {
    // Storage may be unavailable for the page; the theme then follows once the settings arrive.
  }
}

/** Applies the theme remembered from the last run, if any; called before the app mounts. */
export function applyRememberedTheme(root: HTMLElement): void {
  let remembered: string | null;
  try {
    remembered = localStorage.getItem(STORAGE_KEY);
  } catch {
    return;
  }
  if (remembered === 'light' || remembered === 'dark' || remembered === 'system') {
    applyTheme(root, remembered);
  }
}
