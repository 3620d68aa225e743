/**
 * The router table: which screen each path of the routing module (PATHS) shows. Activities (quizzes, exercises), settings and the manager area are loaded on
 * demand with `wrap`, their interface messages with them (`withMessages`), so the first screen only
 * carries what it shows. A lesson, a module or an activity also fetches its text or data together
 * with its screen's code (`withData`): the screen shows once both are in, so nothing arrives late
 * and pushes what is below it down. The table itself comes with the screens (./Screens.svelte),
 * after the roster.
 */
import type { RouteDefinition } from 'svelte-spa-router';
import { wrap } from 'svelte-spa-router/wrap';
import { loadActivityData, loadLessonText, loadModuleIntro } from '$lib/course/course.ts';
import { withMessages } from '$lib/i18n/index.ts';
import { openManagerArea } from '$lib/manager/context.ts';
import Loading from '$lib/screens/LoadingScreen.svelte';
import NotFoundScreen from '$lib/screens/NotFoundScreen.svelte';
import { PATHS } from '$lib/routing/paths.ts';

/** The id after `#/<kind>/` in the address being opened, or null. */
function idInAddress(kind: string): string | null {
  const match = new RegExp(`^#/${kind}/([^/?]+)`).exec(window.location.hash);
  try {
    return match ? decodeURIComponent(match[1]!) : null;
  } catch {
    return null; // a broken address: the screen says so
  }
}

/**
 * Starts loading the data the screen at this address shows alongside its code; the screen's own
 * request then finds it loaded. A failure is left for the screen to show (with its retry).
 */
function withData<T>(preload: () => Promise<unknown> | null, load: () => Promise<T>): () => Promise<T> {
  return async () => {
    let data: Promise<unknown> | undefined;
    try {
      data = preload()?.catch(() => undefined);
    } catch {
      data = undefined;
    }
    return (await Promise.all([load(), data]))[0];
  };
}
const ifId = (kind: string, load: (id: string) => Promise<unknown>) => () => {
  const id = idInAddress(kind);
  return id ? load(id) : null;
};

/** A manager screen comes with the manager store (its code and PIN record), which it reads at once. */
const withManager = <T>(load: () => Promise<T>) => async () => (await Promise.all([load(), openManagerArea()]))[0];

const lessonScreen = withData(ifId('lesson', loadLessonText), () => import('$lib/screens/LessonScreen.svelte'));

/**
 * Starts loading a lesson deep link's screen (code, text, messages) before the router asks for
 * it, while storage opens (App.svelte): the router's own request then finds it loaded. Every
 * loader here is cached, so nothing is fetched twice; a failure is left for the router to show.
 */
export function warmUp(): void {
  if (idInAddress('lesson')) lessonScreen().catch(() => undefined);
}

export const routes: RouteDefinition = {
  // Home too comes on demand: a deep link to a lesson does not fetch it.
  [PATHS.home]: wrap({ asyncComponent: withMessages(['homePage'], () => import('$lib/screens/HomeScreen.svelte')), loadingComponent: Loading }),
  [PATHS.module]: wrap({ asyncComponent: withData(ifId('module', loadModuleIntro), () => import('$lib/screens/ModuleScreen.svelte')), loadingComponent: Loading }),
  [PATHS.lesson]: wrap({ asyncComponent: lessonScreen, loadingComponent: Loading }),
  [PATHS.exercise]: wrap({ asyncComponent: withMessages(['exercise', 'sorting'], withData(ifId('exercise', (id) => loadActivityData(`exercise:${id}`)), () => import('$lib/screens/ExerciseScreen.svelte'))), loadingComponent: Loading }),
  [PATHS.quiz]: wrap({ asyncComponent: withMessages(['quiz'], withData(ifId('quiz', (id) => loadActivityData(`quiz:${id}`)), () => import('$lib/screens/QuizScreen.svelte'))), loadingComponent: Loading }),
  [PATHS.review]: wrap({ asyncComponent: withMessages(['quiz'], () => import('$lib/screens/ReviewScreen.svelte')), loadingComponent: Loading }),
  [PATHS.final]: wrap({ asyncComponent: withMessages(['quiz'], withData(() => loadActivityData('final:final'), () => import('$lib/screens/FinalTestScreen.svelte'))), loadingComponent: Loading }),
  [PATHS.settings]: wrap({ asyncComponent: withMessages(['settings', 'backup', 'myProfile', 'profile', 'storage'], () => import('$lib/screens/SettingsScreen.svelte')), loadingComponent: Loading }),
  [PATHS.certificate]: wrap({ asyncComponent: withMessages(['certificate', 'reflection'], () => import('$lib/screens/CertificateScreen.svelte')), loadingComponent: Loading }),
  [PATHS.reflection]: wrap({ asyncComponent: withMessages(['reflection'], () => import('$lib/screens/ReflectionScreen.svelte')), loadingComponent: Loading }),
  [PATHS.glossary]: wrap({ asyncComponent: withMessages(['glossary'], () => import('$lib/screens/GlossaryScreen.svelte')), loadingComponent: Loading }),
  [PATHS.glossaryTerm]: wrap({ asyncComponent: withMessages(['glossary'], () => import('$lib/screens/GlossaryScreen.svelte')), loadingComponent: Loading }),
  [PATHS.summary]: wrap({ asyncComponent: withMessages(['reference'], () => import('$lib/screens/SummaryScreen.svelte')), loadingComponent: Loading }),
  [PATHS.manager]: wrap({ asyncComponent: withMessages(['manager', 'reference', 'profile'], withManager(() => import('$lib/screens/ManagerScreen.svelte'))), loadingComponent: Loading }),
  [PATHS.managerNew]: wrap({ asyncComponent: withMessages(['manager'], withManager(() => import('$lib/screens/ManagerAssignScreen.svelte'))), loadingComponent: Loading }),
  [PATHS.managerTeam]: wrap({ asyncComponent: withMessages(['manager', 'reflection'], withManager(() => import('$lib/screens/ManagerTeamScreen.svelte'))), loadingComponent: Loading }),
  [PATHS.managerBriefing]: wrap({ asyncComponent: withMessages(['reference'], () => import('$lib/screens/ManagerBriefingScreen.svelte')), loadingComponent: Loading }),
  [PATHS.assign]: wrap({ asyncComponent: withMessages(['manager'], () => import('$lib/screens/AssignScreen.svelte')), loadingComponent: Loading }),
  [PATHS.assignLink]: wrap({ asyncComponent: withMessages(['manager'], () => import('$lib/screens/AssignScreen.svelte')), loadingComponent: Loading }),
  [PATHS.report]: wrap({ asyncComponent: withMessages(['manager', 'reflection'], () => import('$lib/screens/ReportScreen.svelte')), loadingComponent: Loading }),
  [PATHS.reportLink]: wrap({ asyncComponent: withMessages(['manager', 'reflection'], withManager(() => import('$lib/screens/ManagerReportLinkScreen.svelte'))), loadingComponent: Loading }),
  [PATHS.notFound]: NotFoundScreen,
};
