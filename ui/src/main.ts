import { mount } from 'svelte';
import App from './App.svelte';
import { createBackend } from './lib/backend';
import { Theme } from './lib/services/theme.svelte';
import './app.css';

const theme = new Theme(
  typeof localStorage === 'undefined' ? null : localStorage,
  window.matchMedia?.('(prefers-color-scheme: dark)') ?? null,
);
theme.apply();

const backend = await createBackend();
mount(App, { target: document.getElementById('app') as HTMLElement, props: { backend, theme } });
