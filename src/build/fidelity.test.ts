import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyCorrections, checkFidelity, lessonParagraphs, sourceParagraphs } from './fidelity.ts';
import { loadContent } from './load-content.ts';

describe('sourceParagraphs', () => {
  it('drops blank filler lines and the trailing web-page crumb', () => {
    expect(sourceParagraphs('Заголовок\n\n\u00a0\n\nТекст  абзаца\nпродолжение.\n\n\n\n  • На главную')).toEqual([
      'Заголовок',
      'Текст абзаца продолжение.',
    ]);
  });
});

describe('applyCorrections', () => {
  it('fixes each listed typo and insists it matches exactly once', () => {
    const { paragraphs, problems } = applyCorrections(['что бы он', 'ни когда'], [
      { from: 'что бы', to: 'чтобы' },
      { from: 'нет такого', to: 'x' },
    ]);
    expect(paragraphs).toEqual(['чтобы он', 'ни когда']);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toMatch(/matches 0 times/);
  });
});

describe('lessonParagraphs', () => {
  it('keeps source text and headings, skips frontmatter, scripts and authored components', () => {
    const svx = [
      '---\nid: x\ntitle: X\n---',
      '<script>\n  import KeyIdea from "x";\n</script>',
      '## Заголовок',
      'Первый абзац\nв две строки.',
      '<KeyIdea>\n\nАвторский текст.\n\n</KeyIdea>',
      '<Picture src="a" />',
      'Второй абзац.',
    ].join('\n\n');
    expect(lessonParagraphs(svx)).toEqual(['Заголовок', 'Первый абзац в две строки.', 'Второй абзац.']);
  });
});

describe('checkFidelity', () => {
  const expected = ['Раз два три.', 'Четыре пять шесть.', 'Семь восемь.'];
  const at = (file: string, ...texts: string[]) => texts.map((text) => ({ file, text }));

  it('accepts every paragraph exactly once, in order, across files', () => {
    expect(checkFidelity(expected, [...at('a.svx', 'Раз два три.'), ...at('b.svx', 'Четыре пять шесть.', 'Семь восемь.')])).toEqual([]);
  });

  it('names a missing paragraph', () => {
    const problems = checkFidelity(expected, at('a.svx', 'Раз два три.', 'Семь восемь.'));
    expect(problems).toEqual([{ kind: 'missing', message: 'source paragraph 2 «Четыре пять шесть.» appears in no lesson' }]);
  });

  it('names a duplicated paragraph and where it is', () => {
    const problems = checkFidelity(expected, [...at('a.svx', ...expected), ...at('b.svx', 'Семь восемь.')]);
    expect(problems.map((p) => p.kind)).toEqual(['duplicated']);
    expect(problems[0]!.message).toMatch(/paragraph 3 .* 2 times: a\.svx, b\.svx/);
  });

  it('names an altered paragraph, its nearest source paragraph and the first different word', () => {
    const problems = checkFidelity(expected, at('a.svx', 'Раз два три.', 'Четыре пять семь.', 'Семь восемь.'));
    expect(problems.map((p) => p.kind)).toEqual(['altered', 'missing']);
    expect(problems[0]!.message).toMatch(/a\.svx.*nearest is source paragraph 2.*word 3: expected "шесть\.", found "семь\."/);
  });

  it('names paragraphs out of order', () => {
    const problems = checkFidelity(expected, at('a.svx', 'Четыре пять шесть.', 'Раз два три.', 'Семь восемь.'));
    expect(problems.map((p) => p.kind)).toEqual(['out-of-order']);
  });
});

describe('the course content', () => {
  const { source, index } = loadContent(process.cwd());

  it('shows every paragraph of the original text exactly once, in order, with only the listed typo fixes', () => {
    expect(source.fidelity.map((p) => p.message)).toEqual([]);
    expect(source.expected).toHaveLength(12);
  });

  it('keeps the original file untouched in content/source', () => {
    const original = readFileSync('content/source/internal-clients.ru.txt', 'utf8');
    expect(original).toContain('необходимо, что бы их самих');
    expect(original).toContain('ни когда качественно');
  });

  it('fixes exactly the evident typos named in the product brief', () => {
    const text = source.expected.join('\n');
    expect(text).toContain('необходимо, чтобы их самих');
    expect(text).toContain('Официант никогда качественно');
    expect(text).toContain('качественно обслужить официанта');
    expect(text).toContain('думает начальство — тогда вся');
    expect(text).not.toMatch(/На главную/);
  });

  it('has four modules, each with lessons of 2–4 minutes', () => {
    expect(index.modules.map((m) => m.order)).toEqual([1, 2, 3, 4]);
    for (const lesson of index.modules.flatMap((m) => m.lessons)) {
      expect(lesson.minutes).toBeGreaterThanOrEqual(2);
      expect(lesson.minutes).toBeLessThanOrEqual(4);
    }
  });
});
