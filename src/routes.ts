/**
 * The router table: which screen each path of the routing module (PATHS) shows. Activities (quizzes, exercises), settings and the manager area are loaded on
 * demand with `wrap`, their interface messages with them (`withMessages`), so the first screen only
 * carries what it shows.
 */
import type { RouteDefinition } from 'svelte-spa-router';
import { wrap } from 'svelte-spa-router/wrap';
import { withMessages } from '$lib/i18n/index.ts';
import HomeScreen from '$lib/screens/HomeScreen.svelte';
import Loading from '$lib/screens/LoadingScreen.svelte';
import NotFoundScreen from '$lib/screens/NotFoundScreen.svelte';
import { PATHS } from '$lib/routing/routing.ts';

export const routes: RouteDefinition = {
  [PATHS.home]: HomeScreen,
  [PATHS.module]: wrap({ asyncComponent: () => import('$lib/screens/ModuleScreen.svelte'), loadingComponent: Loading }),
  [PATHS.lesson]: wrap({ asyncComponent: withMessages(['media'], () => import('$lib/screens/LessonScreen.svelte')), loadingComponent: Loading }),
  [PATHS.exercise]: wrap({ asyncComponent: withMessages(['exercise', 'sorting'], () => import('$lib/screens/ExerciseScreen.svelte')), loadingComponent: Loading }),
  [PATHS.quiz]: wrap({ asyncComponent: withMessages(['quiz'], () => import('$lib/screens/QuizScreen.svelte')), loadingComponent: Loading }),
  [PATHS.review]: wrap({ asyncComponent: withMessages(['quiz'], () => import('$lib/screens/ReviewScreen.svelte')), loadingComponent: Loading }),
  [PATHS.final]: wrap({ asyncComponent: withMessages(['quiz'], () => import('$lib/screens/FinalTestScreen.svelte')), loadingComponent: Loading }),
  [PATHS.settings]: wrap({ asyncComponent: withMessages(['settings', 'backup'], () => import('$lib/screens/SettingsScreen.svelte')), loadingComponent: Loading }),
  [PATHS.certificate]: wrap({ asyncComponent: withMessages(['certificate', 'reflection'], () => import('$lib/screens/CertificateScreen.svelte')), loadingComponent: Loading }),
  [PATHS.reflection]: wrap({ asyncComponent: withMessages(['reflection'], () => import('$lib/screens/ReflectionScreen.svelte')), loadingComponent: Loading }),
  [PATHS.glossary]: wrap({ asyncComponent: withMessages(['glossary'], () => import('$lib/screens/GlossaryScreen.svelte')), loadingComponent: Loading }),
  [PATHS.glossaryTerm]: wrap({ asyncComponent: withMessages(['glossary'], () => import('$lib/screens/GlossaryScreen.svelte')), loadingComponent: Loading }),
  [PATHS.summary]: wrap({ asyncComponent: withMessages(['reference'], () => import('$lib/screens/SummaryScreen.svelte')), loadingComponent: Loading }),
  [PATHS.manager]: wrap({ asyncComponent: withMessages(['manager', 'reference'], () => import('$lib/screens/ManagerScreen.svelte')), loadingComponent: Loading }),
  [PATHS.managerNew]: wrap({ asyncComponent: withMessages(['manager'], () => import('$lib/screens/ManagerAssignScreen.svelte')), loadingComponent: Loading }),
  [PATHS.managerTeam]: wrap({ asyncComponent: withMessages(['manager', 'reflection'], () => import('$lib/screens/ManagerTeamScreen.svelte')), loadingComponent: Loading }),
  [PATHS.managerBriefing]: wrap({ asyncComponent: withMessages(['reference'], () => import('$lib/screens/ManagerBriefingScreen.svelte')), loadingComponent: Loading }),
  [PATHS.assign]: wrap({ asyncComponent: withMessages(['manager'], () => import('$lib/screens/AssignScreen.svelte')), loadingComponent: Loading }),
  [PATHS.assignLink]: wrap({ asyncComponent: withMessages(['manager'], () => import('$lib/screens/AssignScreen.svelte')), loadingComponent: Loading }),
  [PATHS.report]: wrap({ asyncComponent: withMessages(['manager', 'reflection'], () => import('$lib/screens/ReportScreen.svelte')), loadingComponent: Loading }),
  [PATHS.reportLink]: wrap({ asyncComponent: withMessages(['manager', 'reflection'], () => import('$lib/screens/ManagerReportLinkScreen.svelte')), loadingComponent: Loading }),
  [PATHS.notFound]: NotFoundScreen,
};
