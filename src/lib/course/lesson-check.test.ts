import { describe, expect, it } from 'vitest';
import { checkFeedback } from './lesson-check.ts';

const check = {
  prompt: 'Кто внутренний клиент повара?',
  options: [
    { text: 'Гость', why: 'Гость — внешний клиент.' },
    { text: 'Официант', right: true, why: 'Официант получает блюда от повара.' },
  ],
};

describe('checkFeedback', () => {
  it('says nothing before a choice, and for an option that is not there', () => {
    expect(checkFeedback(check, null)).toBeNull();
    expect(checkFeedback(check, 5)).toBeNull();
  });
  it('says whether the chosen option is right, and why', () => {
    expect(checkFeedback(check, 0)).toEqual({ right: false, why: 'Гость — внешний клиент.' });
    expect(checkFeedback(check, 1)).toEqual({ right: true, why: 'Официант получает блюда от повара.' });
  });
});
