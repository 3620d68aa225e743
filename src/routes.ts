/**
 * The hash routes. Later areas (quizzes, exercises, manager) are loaded on demand with `wrap`,
 * so the first screen only carries what it shows.
 */
import type { RouteDefinition } from 'svelte-spa-router';
import HomeScreen from '$lib/screens/HomeScreen.svelte';
import LessonScreen from '$lib/screens/LessonScreen.svelte';
import ModuleScreen from '$lib/screens/ModuleScreen.svelte';
import NotFoundScreen from '$lib/screens/NotFoundScreen.svelte';

export const routes: RouteDefinition = {
  '/': HomeScreen,
  '/module/:moduleId': ModuleScreen,
  '/lesson/:lessonId': LessonScreen,
  '*': NotFoundScreen,
};
