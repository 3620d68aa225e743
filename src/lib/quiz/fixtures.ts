/**
 * A small quiz with one question of every type, for unit and component tests. The lesson ids are
 * real ones, so «Перечитать» links resolve in the app.
 */
import type { QuizFile } from './types.ts';

export const sampleQuiz: QuizFile = {
  passMark: 0.8,
  questions: [
    {
      id: 'single-q',
      type: 'single',
      prompt: 'Кто внутренний клиент повара?',
      options: [
        { id: 'oficiant', text: 'Официант' },
        { id: 'gost', text: 'Гость' },
        { id: 'sklad', text: 'Склад' },
      ],
      answer: 'oficiant',
      explanation: 'Повар обслуживает официанта.',
      source: { lesson: 'cepochka-v-restorane', paragraph: 's3', words: 'официант передает заказ повару' },
    },
    {
      id: 'multiple-q',
      type: 'multiple',
      prompt: 'Кто в ресторане сам бывает внутренним клиентом?',
      options: [
        { id: 'oficiant', text: 'Официант' },
        { id: 'povar', text: 'Повар' },
        { id: 'gost', text: 'Посетитель' },
      ],
      answer: ['oficiant', 'povar'],
      explanation: 'Официант и повар сами становятся внутренними клиентами.',
      source: { lesson: 'cepochka-v-restorane', paragraph: 's4', words: 'внутренними клиентами' },
    },
    {
      id: 'truefalse-q',
      type: 'truefalse',
      prompt: 'Гость — внешний клиент.',
      answer: true,
      explanation: 'Гость не работает в ресторане.',
      source: { lesson: 'cepochka-v-restorane', paragraph: 's4', words: 'внутренними клиентами' },
    },
    {
      id: 'ordering-q',
      type: 'ordering',
      prompt: 'Расставьте звенья по порядку.',
      items: [
        { id: 'sklad', text: 'Склад' },
        { id: 'povar', text: 'Повар' },
        { id: 'oficiant', text: 'Официант' },
      ],
      explanation: 'Склад обслуживает повара, повар — официанта.',
      source: { lesson: 'cepochka-v-restorane', paragraph: 's3', words: 'официант передает заказ повару' },
    },
    {
      id: 'matching-q',
      type: 'matching',
      prompt: 'Чей внутренний клиент каждый из них?',
      items: [
        { id: 'oficiant', text: 'Официант' },
        { id: 'povar', text: 'Повар' },
      ],
      choices: [
        { id: 'povara', text: 'Повара' },
        { id: 'sklada', text: 'Склада' },
        { id: 'nichej', text: 'Ничей' },
      ],
      answer: { oficiant: 'povara', povar: 'sklada' },
      explanation: 'Официант — клиент повара, повар — клиент склада.',
      source: { lesson: 'cepochka-v-restorane', paragraph: 's3', words: 'официант передает заказ повару' },
    },
    {
      id: 'gap-q',
      type: 'gap',
      prompt: 'Какого слова не хватает?',
      text: 'Необходимо, чтобы их самих качественно ___.',
      quote: false,
      options: ['обслуживали', 'хвалили', 'проверяли'],
      answer: 'обслуживали',
      explanation: 'Тех, кто обслуживает, тоже обслуживают.',
      source: { lesson: 'kto-obsluzhivaet-obsluzhivayushchih', paragraph: 's2', words: 'качественно обслуживали' },
    },
  ],
};
