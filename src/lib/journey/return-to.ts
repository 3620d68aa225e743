/**
 * «Перечитать» carries the place of the question (`back`) to the lesson, so the lesson can offer
 * «← Вернуться к вопросу». Only places inside a quiz, the final test or a review are accepted:
 * a link from outside cannot turn the button into a way elsewhere. Pure.
 */

const QUESTION_PLACE = /^#\/(?:quiz\/[\w-]{1,120}|final|review\/[\w-]{1,120})(?:\?q=\d{1,3})?$/;

/** The `back` place if it is a question's place, else null. */
export function questionPlace(back: string | null | undefined): string | null {
  return back && QUESTION_PLACE.test(back) ? back : null;
}

/** The lesson link of a «Перечитать», carrying the question's place when there is one. */
export function rereadHref(lessonHref: string, back: string | null): string {
  const place = questionPlace(back);
  if (!place) return lessonHref;
  return `${lessonHref}${lessonHref.includes('?') ? '&' : '?'}back=${encodeURIComponent(place)}`;
}
