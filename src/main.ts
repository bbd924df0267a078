import { mount } from 'svelte';
import App from './app/App.svelte';
import { pageIsTraining } from './app/offscreen-panels';
import { registerServiceWorker } from './app/service-worker';
import './app/styles.css';

const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element');
export default mount(App, { target });
registerServiceWorker(pageIsTraining);
