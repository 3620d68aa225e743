import { mount } from 'svelte';
import App from './App.svelte';
import { setupI18n } from './lib/i18n/index.ts';
import { watchInputModality } from './lib/components/layout/input-modality.ts';
import { applyTextSize, rememberedTextSize } from './lib/components/layout/text-size.ts';
import './app.css';

const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element');

applyTextSize(rememberedTextSize(), false);
watchInputModality();

try {
  setupI18n();
  mount(App, { target });
} catch (error) {
  // Never a blank page: a plain message in both languages, no framework needed.
  console.error(error);
  target.innerHTML = '';
  const p = document.createElement('p');
  p.setAttribute('role', 'alert');
  p.textContent = 'Курс не запустился. Обновите страницу. Ваш прогресс сохранён. / The course failed to start. Reload the page; your progress is saved.';
  target.append(p);
}
