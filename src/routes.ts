/**
 * The hash routes. Activities (quizzes, exercises), settings and the manager area are loaded on
 * demand with `wrap`, their interface messages with them (`withMessages`), so the first screen only
 * carries what it shows.
 */
import type { RouteDefinition } from 'svelte-spa-router';
import { wrap } from 'svelte-spa-router/wrap';
import { withMessages } from '$lib/i18n/index.ts';
import HomeScreen from '$lib/screens/HomeScreen.svelte';
import Loading from '$lib/screens/LoadingScreen.svelte';
import NotFoundScreen from '$lib/screens/NotFoundScreen.svelte';

export const routes: RouteDefinition = {
  '/': HomeScreen,
  '/module/:moduleId': wrap({ asyncComponent: () => import('$lib/screens/ModuleScreen.svelte'), loadingComponent: Loading }),
  '/lesson/:lessonId': wrap({ asyncComponent: () => import('$lib/screens/LessonScreen.svelte'), loadingComponent: Loading }),
  '/exercise/:exerciseId': wrap({ asyncComponent: withMessages(['exercise'], () => import('$lib/screens/ExerciseScreen.svelte')), loadingComponent: Loading }),
  '/quiz/:moduleId': wrap({ asyncComponent: withMessages(['quiz'], () => import('$lib/screens/QuizScreen.svelte')), loadingComponent: Loading }),
  '/final': wrap({ asyncComponent: withMessages(['quiz'], () => import('$lib/screens/FinalTestScreen.svelte')), loadingComponent: Loading }),
  '/settings': wrap({ asyncComponent: withMessages(['settings', 'backup'], () => import('$lib/screens/SettingsScreen.svelte')), loadingComponent: Loading }),
  '/certificate': wrap({ asyncComponent: withMessages(['certificate'], () => import('$lib/screens/CertificateScreen.svelte')), loadingComponent: Loading }),
  '/manager': wrap({ asyncComponent: withMessages(['manager'], () => import('$lib/screens/ManagerScreen.svelte')), loadingComponent: Loading }),
  '/manager/new': wrap({ asyncComponent: withMessages(['manager'], () => import('$lib/screens/ManagerAssignScreen.svelte')), loadingComponent: Loading }),
  '/manager/team': wrap({ asyncComponent: withMessages(['manager'], () => import('$lib/screens/ManagerTeamScreen.svelte')), loadingComponent: Loading }),
  // An assignment link; with nothing (or anything odd) after it, the screen says what is wrong.
  '/assign': wrap({ asyncComponent: withMessages(['manager'], () => import('$lib/screens/AssignScreen.svelte')), loadingComponent: Loading }),
  '/assign/*': wrap({ asyncComponent: withMessages(['manager'], () => import('$lib/screens/AssignScreen.svelte')), loadingComponent: Loading }),
  '/report': wrap({ asyncComponent: withMessages(['manager'], () => import('$lib/screens/ReportScreen.svelte')), loadingComponent: Loading }),
  // A learner's report link, opened by the manager.
  '/report/*': wrap({ asyncComponent: withMessages(['manager'], () => import('$lib/screens/ManagerReportLinkScreen.svelte')), loadingComponent: Loading }),
  '*': NotFoundScreen,
};
