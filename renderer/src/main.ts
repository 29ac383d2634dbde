import { mount } from 'svelte';
import App from './App.svelte';
import { amoot } from './lib/api.ts';
import './app.css';

const target = document.getElementById('app');
if (target === null) throw new Error('renderer/index.html lost its #app element');

mount(App, { target, props: { bridge: amoot } });
