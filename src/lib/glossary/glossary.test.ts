import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { linkTerms } from '../../build/rehype-glossary-links.js';
import { validateGlossary } from './schema.ts';

type Node = { type: string; value?: string; tagName?: string; properties?: Record<string, unknown>; children?: Node[] };
const p = (...children: Node[]): Node => ({ type: 'element', tagName: 'p', properties: {}, children });
const t = (value: string): Node => ({ type: 'text', value });
const textOf = (n: Node): string => n.value ?? (n.children ?? []).map(textOf).join('');
const links = (n: Node): { href: unknown; text: string }[] =>
  n.tagName === 'a' ? [{ href: n.properties?.href, text: textOf(n) }] : (n.children ?? []).flatMap(links);

const terms = [
  { id: 'vnutrennij-klient', forms: ['внутренний клиент', 'внутренних клиентов', 'внутренними клиентами'] },
  { id: 'zveno', forms: ['звено', 'звена', 'звеньев'] },
];

describe('linkTerms', () => {
  it('links only the first use of each term and keeps the text exactly', () => {
    const tree: Node = { type: 'root', children: [p(t('Все звенья? Нет: работа всех звеньев. И ещё звеньев.')), p(t('Официант и повар\nстановятся внутренними   клиентами.'))] };
    const before = textOf(tree);
    linkTerms(tree, terms);
    expect(textOf(tree)).toBe(before);
    expect(links(tree)).toEqual([
      { href: '#/glossary/zveno', text: 'звеньев' },
      { href: '#/glossary/vnutrennij-klient', text: 'внутренними   клиентами' },
    ]);
  });
  it('matches whole words in any case, not inside other words', () => {
    const tree: Node = { type: 'root', children: [p(t('Подзвено и звеном не в счёт. Звено — да.'))] };
    linkTerms(tree, terms);
    expect(links(tree)).toEqual([{ href: '#/glossary/zveno', text: 'Звено' }]);
  });
  it('leaves headings and existing links alone', () => {
    const tree: Node = {
      type: 'root',
      children: [{ type: 'element', tagName: 'h2', children: [t('Звено')] }, p({ type: 'element', tagName: 'a', properties: { href: '#/x' }, children: [t('звено')] }, t(' и снова звено'))],
    };
    linkTerms(tree, terms);
    expect(links(tree)).toEqual([
      { href: '#/x', text: 'звено' },
      { href: '#/glossary/zveno', text: 'звено' },
    ]);
  });
  it('finds a term inside an authored aside (nested element)', () => {
    const tree: Node = { type: 'root', children: [{ type: 'element', tagName: 'div', children: [p(t('Каждый внутренний клиент важен.'))] }] };
    linkTerms(tree, terms);
    expect(links(tree)).toEqual([{ href: '#/glossary/vnutrennij-klient', text: 'внутренний клиент' }]);
  });
});

describe('validateGlossary', () => {
  const file = 'content/glossary.json';
  it('accepts the course glossary, with the six required terms', () => {
    const glossary = validateGlossary(JSON.parse(readFileSync('content/glossary.json', 'utf8')), file);
    const ids = glossary.terms.map((x) => x.id);
    for (const id of ['vneshnij-klient', 'vnutrennij-klient', 'peredovaya-liniya', 'vnutrennij-marketing', 'zveno', 'korporativnaya-kultura', 'operativnost']) expect(ids).toContain(id);
  });
  const term = { id: 'zveno', term: 'Звено', definition: 'Участник цепочки.', example: 'Склад.', forms: ['звено'] };
  it('refuses a repeated id, a form of two terms, and an empty definition, naming the field', () => {
    expect(() => validateGlossary({ terms: [term, term] }, file)).toThrow(/terms\.1\.id/);
    expect(() => validateGlossary({ terms: [term, { ...term, id: 'other', forms: ['Звено'] }] }, file)).toThrow(/terms\.1\.forms\.0/);
    expect(() => validateGlossary({ terms: [{ ...term, definition: ' ' }] }, file)).toThrow(/definition/);
    expect(() => validateGlossary({ terms: [{ ...term, extra: 1 }] }, file)).toThrow(/extra|unknown/);
  });
});
