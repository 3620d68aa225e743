/**
 * The hash routes. Activities (quizzes, exercises) and the manager area are loaded on demand with
 * `wrap`, so the first screen only carries what it shows.
 */
import type { RouteDefinition } from 'svelte-spa-router';
import { wrap } from 'svelte-spa-router/wrap';
import HomeScreen from '$lib/screens/HomeScreen.svelte';
import LessonScreen from '$lib/screens/LessonScreen.svelte';
import Loading from '$lib/screens/LoadingScreen.svelte';
import ModuleScreen from '$lib/screens/ModuleScreen.svelte';
import NotFoundScreen from '$lib/screens/NotFoundScreen.svelte';

export const routes: RouteDefinition = {
  '/': HomeScreen,
  '/module/:moduleId': ModuleScreen,
  '/lesson/:lessonId': LessonScreen,
  '/exercise/:exerciseId': wrap({ asyncComponent: () => import('$lib/screens/ExerciseScreen.svelte'), loadingComponent: Loading }),
  '/quiz/:moduleId': wrap({ asyncComponent: () => import('$lib/screens/QuizScreen.svelte'), loadingComponent: Loading }),
  '/final': wrap({ asyncComponent: () => import('$lib/screens/FinalTestScreen.svelte'), loadingComponent: Loading }),
  '/settings': wrap({ asyncComponent: () => import('$lib/screens/SettingsScreen.svelte'), loadingComponent: Loading }),
  '/certificate': wrap({ asyncComponent: () => import('$lib/screens/CertificateScreen.svelte'), loadingComponent: Loading }),
  '*': NotFoundScreen,
};
