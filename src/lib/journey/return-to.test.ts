import { describe, expect, it } from 'vitest';
import { questionPlace, rereadHref } from './return-to.ts';

describe('return to the question', () => {
  it('accepts the places of quiz, final test and review questions', () => {
    for (const place of ['#/quiz/01-vneshnie', '#/quiz/m1?q=3', '#/final', '#/final?q=12', '#/review/m2']) expect(questionPlace(place)).toBe(place);
  });

  it('refuses anything else', () => {
    for (const place of [null, '', 'https://evil.example/', '#/manager', '#/quiz/', '#/quiz/a/b', 'javascript:alert(1)', '#/final?next=x']) expect(questionPlace(place)).toBeNull();
  });

  it('adds the place to the lesson link, keeping the paragraph', () => {
    expect(rereadHref('#/lesson/l1?p=p3', '#/quiz/m1')).toBe('#/lesson/l1?p=p3&back=%23%2Fquiz%2Fm1');
    expect(rereadHref('#/lesson/l1', '#/final')).toBe('#/lesson/l1?back=%23%2Ffinal');
    expect(rereadHref('#/lesson/l1?p=p3', '#/manager')).toBe('#/lesson/l1?p=p3');
  });
});
