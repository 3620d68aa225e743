import { describe, expect, it } from 'vitest';
import { countWords, lessonWords, readingMinutes } from './reading-time.ts';

describe('reading time', () => {
  it('counts words, a hyphenated word once, and not punctuation or dashes', () => {
    expect(countWords('Бизнес-процесс — это работа всех звеньев, 5 минут.')).toBe(7);
  });

  it('counts what the learner reads: not frontmatter, scripts or tags', () => {
    const svx = '---\nid: x\ntitle: Много слов здесь\n---\n<script>\n  import A from "a";\n</script>\n\n## Заголовок\n\n<KeyIdea>\n\nДва слова.\n\n</KeyIdea>\n';
    expect(lessonWords(svx)).toBe(3);
  });

  it('rounds to whole minutes at 150 words a minute, never below 1', () => {
    expect(readingMinutes(0)).toBe(1);
    expect(readingMinutes(224)).toBe(1);
    expect(readingMinutes(225)).toBe(2);
    expect(readingMinutes(600)).toBe(4);
  });
});
