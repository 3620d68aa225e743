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
  '*': NotFoundScreen,
};
