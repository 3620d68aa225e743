import { describe, expect, it } from 'vitest';
import { isLearningRoute, isManagerRoute, links, locationOf, needsLearner, parsePlace, stepHref } from './routing.ts';

describe('the URL scheme', () => {
  it('builds links that read back as the same place', () => {
    expect(links.lesson('кто', 'p3')).toBe('#/lesson/%D0%BA%D1%82%D0%BE?p=p3');
    expect(parsePlace(links.lesson('кто', 'p3'))).toEqual({ kind: 'lesson', id: 'кто' });
    expect(parsePlace(stepHref({ kind: 'quiz', id: 'm1' }))).toEqual({ kind: 'quiz', id: 'm1' });
    expect(stepHref({ kind: 'final', id: 'final' })).toBe(links.final);
    expect(parsePlace(links.final)).toEqual({ kind: 'final', id: undefined });
    expect(links.report('a b')).toBe('#/report?a=a%20b');
  });

  it('refuses places that are not course places', () => {
    expect(parsePlace('#/settings')).toBeNull();
    expect(parsePlace('#/lesson/%E0%A4%A')).toBeNull();
    expect(parsePlace(null)).toBeNull();
  });

  it('tells the manager side from the learner side', () => {
    for (const path of ['/manager', '/manager/team', '/report/abc']) expect([isManagerRoute(path), needsLearner(path)]).toEqual([true, false]);
    for (const path of ['/', '/report', '/settings', '/lesson/x', '/managerx', '/reflection', '/glossaryx']) expect([isManagerRoute(path), needsLearner(path)]).toEqual([false, true]);
  });

  it('opens the glossary and the course summary without a learner', () => {
    for (const path of ['/glossary', '/glossary/zveno', '/summary']) expect(needsLearner(path)).toBe(false);
    expect(links.glossary('zveno')).toBe('#/glossary/zveno');
    expect(links.glossary()).toBe('#/glossary');
  });

  it('resumes only to lessons, exercises and tests', () => {
    expect(['/lesson/a', '/exercise/b', '/quiz/c', '/final'].every(isLearningRoute)).toBe(true);
    expect(['/', '/module/a', '/settings', '/lesson/a/b'].some(isLearningRoute)).toBe(false);
  });

  it('reads the route and query of an address as the router does', () => {
    expect(locationOf('http://x/app/#/lesson/a-b?p=p3')).toEqual({ location: '/lesson/a-b', querystring: 'p=p3' });
    expect(locationOf('http://x/app/#/manager')).toEqual({ location: '/manager', querystring: '' });
    expect(locationOf('http://x/app/')).toEqual({ location: '/', querystring: '' });
    expect(locationOf('http://x/app/#top')).toEqual({ location: '/', querystring: '' });
  });
});
