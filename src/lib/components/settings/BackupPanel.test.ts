import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { flushSync } from 'svelte';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { setupI18n } from '$lib/i18n/index.ts';
import { backupText, makeBackup, parseBackup } from '$lib/progress/backup.ts';
import { openStores, type AppStores } from '$lib/app/stores.ts';
import type { Profile } from '$lib/progress/records.ts';
import { memoryKeyValue } from '$lib/progress/storage.ts';
import ScreenWithProgress from '../../../../tests/harness/ScreenWithProgress.svelte';
import BackupPanel from './BackupPanel.svelte';

/** A moment in the records' range (2020 to now). */
const T = Date.UTC(2025, 4, 12);

beforeAll(() => setupI18n());

let store: AppStores;
let anna: Profile;

beforeEach(async () => {
  store = await openStores(memoryKeyValue());
  anna = await store.roster.createProfile('Анна', null);
  await store.progress.visitLesson('l1', true);
  await store.progress.recordAttempt('quiz:m1', { startedAt: T + 1, finishedAt: T + 2, score: 60, passed: false, mistakes: ['q1'] });
});
afterEach(() => vi.restoreAllMocks());

const show = () => render(ScreenWithProgress, { stores: store, screen: BackupPanel });
const jsonFile = (text: string, name = 'backup.json') => new File([text], name, { type: 'application/json' });
const fileInput = () => screen.getByLabelText('Загрузить из файла');
/** Everything on the device, to prove that a refused file changed nothing. */
const snapshot = async () => {
  const profiles = [...store.roster.profiles].sort((a, b) => a.id.localeCompare(b.id));
  return { profiles: profiles.map((p) => ({ ...p, lastActiveAt: 0 })), data: await Promise.all(profiles.map((p) => store.progress.readLearner(p.id))) };
};

/** A backup of another device's learner with a finished lesson and a passed quiz. */
function otherDevice(profile: Partial<Profile> = {}) {
  const who = { id: '6f1e2d3c-4b5a-4968-8776-5a4b3c2d1e0f', name: 'Борис', pin: null, createdAt: T + 5, lastActiveAt: T + 5, ...profile };
  return makeBackup(
    who,
    {
      lessons: [{ lessonId: 'l2', firstVisitedAt: T + 10, lastVisitedAt: T + 20, finishedAt: T + 20 }],
      activities: [{ key: 'final', attempts: [{ id: 'b1', startedAt: T + 30, finishedAt: T + 40, score: 90, passed: true, mistakes: [] }], best: 90, passed: true, draft: null, updatedAt: T + 40 }],
      meta: { location: '#/final', updatedAt: T + 40 },
    },
    Date.UTC(2025, 4, 15),
  );
}

describe('BackupPanel: saving', () => {
  it('downloads the current learner’s backup as a .json file named after them and the date', async () => {
    const user = userEvent.setup();
    let blob: Blob | undefined;
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => ((blob = b as Blob), 'blob:test'));
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    show();
    await user.click(screen.getByRole('button', { name: 'Сохранить резервную копию' }));

    expect(click).toHaveBeenCalledOnce();
    const link = click.mock.contexts[0] as HTMLAnchorElement;
    expect(link.download).toMatch(/^silnoe-zveno-anna-\d{4}-\d{2}-\d{2}\.json$/);
    expect(link.getAttribute('href')).toBe('blob:test');
    const parsed = parseBackup(await blob!.text());
    expect(parsed.ok).toBe(true);
    if (parsed.ok) {
      expect(parsed.backup.profile).toMatchObject({ id: anna.id, name: 'Анна', pinProtected: false });
      expect(parsed.backup.lessons.map((l) => l.lessonId)).toEqual(['l1']);
      expect(parsed.backup.activities[0]).toMatchObject({ key: 'quiz:m1', best: 60 });
    }
    expect(await screen.findByText(new RegExp(`сохранена в загрузки: ${link.download}`))).toHaveAttribute('role', 'status');
  });
});

describe('BackupPanel: a refused file changes nothing', () => {
  it.each([
    ['a truncated backup', () => jsonFile(backupText(otherDevice()).slice(0, 200)), /повреждён или обрезан/],
    ['a backup edited by hand', () => jsonFile(backupText(otherDevice()).replace('"score": 90', '"score": 100')), /повреждён или изменён после сохранения/],
    ['a score of 170', () => jsonFile(backupText(otherDevice()).replace('"score": 90', '"score": 170')), /повреждён или изменён после сохранения/],
    ['another app’s JSON', () => jsonFile('{"name":"package","version":"1.0.0"}'), /не резервная копия курса «Сильное звено»/],
    ['a backup from a newer course', () => jsonFile(backupText(otherDevice()).replace('"version": 2', '"version": 3')), /более новой версии курса/],
    ['a 3 MB file', () => jsonFile('x'.repeat(3 * 1024 * 1024)), /слишком большой/],
  ])('%s: an alert says why', async (_, make, message) => {
    const user = userEvent.setup();
    show();
    const before = await snapshot();
    await user.upload(fileInput(), make());
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(message);
    expect(alert).toHaveTextContent('Ничего не изменилось');
    expect(screen.queryByRole('button', { name: 'Объединить' })).toBeNull();
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a PIN-protected learner of this device who is not signed in', async () => {
    const user = userEvent.setup();
    const vera = await store.roster.createProfile('Вера', '1234');
    await store.roster.selectProfile(anna.id);
    show();
    const before = await snapshot();
    await user.upload(fileInput(), jsonFile(backupText(otherDevice({ id: vera.id, name: 'Вера' }))));
    expect(await screen.findByRole('alert')).toHaveTextContent('(сотрудник: Вера). Сначала войдите под этим именем');
    expect(await snapshot()).toEqual(before);
  });

  it('changes nothing when the preview is cancelled', async () => {
    const user = userEvent.setup();
    show();
    const before = await snapshot();
    await user.upload(fileInput(), jsonFile(backupText(otherDevice())));
    await user.click(await screen.findByRole('button', { name: 'Отмена' }));
    expect(screen.queryByRole('heading', { name: 'Что изменится' })).toBeNull();
    expect(await snapshot()).toEqual(before);
  });
});

describe('BackupPanel: loading a backup', () => {
  it('previews a new learner, then adds them with their progress on «Объединить»', async () => {
    const user = userEvent.setup();
    show();
    await user.upload(fileInput(), jsonFile(backupText(otherDevice())));
    const preview = (await screen.findByRole('heading', { name: 'Что изменится' })).closest('section')!;
    expect(preview).toHaveTextContent('Чей прогресс: Борис — такого сотрудника на этом устройстве нет');
    expect(preview).toHaveTextContent('1 новый урок');
    expect(preview).toHaveTextContent('1 урок станет прочитанным');
    expect(preview).toHaveTextContent('добавится 1 попытка');
    expect(preview).toHaveTextContent('Итоговый тест: результат 90 % — пройдено');
    expect(document.activeElement).toHaveTextContent('Что изменится');

    await user.click(within(preview).getByRole('button', { name: 'Объединить' }));
    expect(await screen.findByText(/добавлен сотрудник — Борис/)).toBeInTheDocument();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(store.roster.profiles.map((p) => p.name).sort()).toEqual(['Анна', 'Борис']);
    const boris = await store.progress.readLearner('6f1e2d3c-4b5a-4968-8776-5a4b3c2d1e0f');
    expect(boris.lessons).toMatchObject([{ lessonId: 'l2', finishedAt: T + 20 }]);
    expect(boris.activities).toMatchObject([{ key: 'final', best: 90, passed: true }]);
    expect(store.roster.learner?.id).toBe(anna.id); // still Анна's session
  });

  it('merges into the signed-in learner, keeping the better result and every attempt', async () => {
    const user = userEvent.setup();
    const backup = makeBackup(
      anna,
      {
        lessons: [{ lessonId: 'l1', firstVisitedAt: T + 1, lastVisitedAt: T + 1, finishedAt: null }],
        activities: [{ key: 'quiz:m1', attempts: [{ id: 'x', startedAt: T + 1, finishedAt: T + 3, score: 40, passed: false, mistakes: [] }], best: 40, passed: false, draft: null, updatedAt: T + 3 }],
        meta: null,
      },
      Date.now(),
    );
    show();
    await user.upload(fileInput(), jsonFile(backupText(backup)));
    const preview = (await screen.findByRole('heading', { name: 'Что изменится' })).closest('section')!;
    expect(preview).toHaveTextContent('Чей прогресс: Анна — будет объединён с прогрессом на этом устройстве (сотрудник: Анна)');
    expect(preview).toHaveTextContent('добавится 1 попытка');
    expect(preview).not.toHaveTextContent('лучший результат');
    await user.click(within(preview).getByRole('button', { name: 'Объединить' }));
    expect(await screen.findByText('Готово: прогресс загружен (сотрудник: Анна).')).toBeInTheDocument();
    flushSync();
    expect(store.progress.activities['quiz:m1']).toMatchObject({ best: 60 });
    expect(store.progress.activities['quiz:m1']?.attempts).toHaveLength(2);
    expect(store.progress.lessons['l1']?.finishedAt).toBeGreaterThan(0);
  });

  it('says so when the device refuses to save, instead of claiming success', async () => {
    const user = userEvent.setup();
    const kv = memoryKeyValue();
    let full = false;
    const set = kv.set;
    kv.set = async (key, value) => {
      if (full) throw Object.assign(new Error('full'), { name: 'QuotaExceededError' });
      return set(key, value);
    };
    store = await openStores(kv);
    await store.roster.createProfile('Анна', null);
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    show();
    await user.upload(fileInput(), jsonFile(backupText(otherDevice())));
    full = true;
    await user.click(await screen.findByRole('button', { name: 'Объединить' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Не удалось сохранить загруженный прогресс');
    expect(screen.queryByText(/Готово/)).toBeNull();
  });

  it('says when a backup holds nothing new, and offers only to close', async () => {
    const user = userEvent.setup();
    const backup = makeBackup(anna, await store.progress.readLearner(anna.id), Date.now());
    show();
    await user.upload(fileInput(), jsonFile(backupText(backup)));
    expect(await screen.findByText('В копии нет ничего нового: прогресс не изменится.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Объединить' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Закрыть' }));
    expect(screen.queryByRole('heading', { name: 'Что изменится' })).toBeNull();
  });
});
