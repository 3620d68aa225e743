/** A small sorting scenario for tests. */
import type { SortingScenario } from './types.ts';

export const twoCompanies: SortingScenario = {
  id: 'dve-kompanii-test',
  type: 'sorting',
  title: 'Две компании',
  intro: 'Разложите поступки.',
  bins: [
    { id: 'nachalstvo', label: 'думает о начальстве' },
    { id: 'klient', label: 'думает о клиенте' },
  ],
  cards: [
    { id: 'a', text: 'Отчёт раньше гостя', bin: 'nachalstvo', why: 'Гость ждёт, пока пишут отчёт.' },
    { id: 'b', text: 'Помогает повару', bin: 'klient', why: 'Повар — внутренний клиент.' },
    { id: 'c', text: 'Прячет ошибку', bin: 'nachalstvo', why: 'Ошибку увидит гость.' },
    { id: 'd', text: 'Спрашивает гостя', bin: 'klient', why: 'Так узнают, что нужно гостю.' },
    { id: 'e', text: 'Ждёт проверки', bin: 'nachalstvo', why: 'Работа ради проверки.' },
    { id: 'f', text: 'Передаёт заказ сразу', bin: 'klient', why: 'Оперативность.' },
    { id: 'g', text: 'Хвалится перед директором', bin: 'nachalstvo', why: 'Не ради клиента.' },
    { id: 'h', text: 'Исправляет сам', bin: 'klient', why: 'Клиент не ждёт.' },
  ],
};
