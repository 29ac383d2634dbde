import { mount } from 'svelte';
import App from './App.svelte';
import { amoot } from './lib/api.ts';
import { applyRememberedTheme } from './lib/theme.ts';
import './app.css';

applyRememberedTheme(document.documentElement);

const target = document.getElementById('app');
if (target === null) throw new Error('renderer/index.html lost its #app element');

mount(App, { target, props: { api: amoot } });
