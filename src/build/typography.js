// @ts-check
/**
 * The course's typographer: puts no-break spaces where Russian typography wants them, so a line never
 * starts with a dash, a one-letter word never hangs at the end of a line, and a number never parts
 * from its unit or its percent sign. One style for percent: «45 %» (a no-break space, as Intl writes
 * it in Russian). Applied at build time to lesson text, lesson frontmatter, the course index, quiz and
 * exercise data and the Russian interface messages. Pure; plain JS because svelte.config.js loads it.
 */

export const NBSP = '\u00a0';

const UNITS = [
  '%', '‰', '₽', '°',
  'мин', 'минута', 'минуты', 'минут', 'минуту', 'ч', 'час', 'часа', 'часов', 'сек', 'секунда', 'секунды', 'секунд', 'секунду',
  'день', 'дня', 'дней', 'неделя', 'недели', 'недель', 'неделю', 'месяц', 'месяца', 'месяцев', 'год', 'года', 'лет',
  'руб', 'рубль', 'рубля', 'рублей', 'коп', 'кг', 'г', 'л', 'мл', 'м', 'км', 'см', 'мм', 'шт',
];
// Longest first, so «минуты» is not read as «мин» + «уты».
const UNIT = UNITS.sort((a, b) => b.length - a.length).join('|');

const BEFORE_DASH = / +(?=[—–])/g;
// A one-letter Cyrillic word at the start or after a space, bracket, quote or dash.
const ONE_LETTER = /(?<=^|[\s\u00a0(«„"—–])([а-яёА-ЯЁ]) +/g;
// A number (or an ICU placeholder like {percent}) and the unit or % after it; «80%» gets its space too.
const NUMBER_UNIT = new RegExp(`(?<=\\d|\\})(?: +|(?=[%‰]))(?=(?:${UNIT})(?![\\p{L}\\p{N}]))`, 'gu');

/**
 * Puts no-break spaces into one piece of Russian text.
 * @param {string} text
 * @returns {string}
 */
export function typograph(text) {
  return text.replace(BEFORE_DASH, NBSP).replace(ONE_LETTER, `$1${NBSP}`).replace(NUMBER_UNIT, NBSP);
}

/**
 * Typographs every string inside a JSON-like value (object keys stay as they are).
 * @template T
 * @param {T} value
 * @returns {T}
 */
export function typographDeep(value) {
  if (typeof value === 'string') return /** @type {T} */ (typograph(value));
  if (Array.isArray(value)) return /** @type {T} */ (value.map(typographDeep));
  if (value && typeof value === 'object') {
    return /** @type {T} */ (Object.fromEntries(Object.entries(value).map(([k, v]) => [k, typographDeep(v)])));
  }
  return value;
}

/**
 * @typedef {{ type: string, tagName?: string, value?: string, children?: HastNode[] }} HastNode
 */

/**
 * Rehype plugin: typographs every text node of a lesson (source and authored text alike; the
 * fidelity check compares words, and treats a no-break space as a space).
 * @returns {(tree: HastNode) => void}
 */
export function rehypeTypography() {
  /** @param {HastNode} node */
  const walk = (node) => {
    if (node.type === 'text' && node.value) node.value = typograph(node.value);
    if (node.type === 'element' && (node.tagName === 'code' || node.tagName === 'pre')) return;
    (node.children ?? []).forEach(walk);
  };
  return walk;
}
