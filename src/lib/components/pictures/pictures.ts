/**
 * The illustration of each lesson, keyed by lesson id: each is its own small chunk, loaded with
 * the lesson screen, never with the first screen. A lesson without an entry shows no picture.
 */
import type { Component } from 'svelte';

type Loader = () => Promise<{ default: Component }>;

export const lessonPictures: Record<string, Loader> = {
  'kto-obsluzhivaet-obsluzhivayushchih': () => import('./ServesBothWays.svelte'),
  'cepochka-v-restorane': () => import('./RestaurantChain.svelte'),
  'dve-kompanii': () => import('./TwoCompanies.svelte'),
  'biznes-kak-cepochka': () => import('./ChainOfLinks.svelte'),
  'samoe-slaboe-zveno': () => import('./WeakestLink.svelte'),
  'operativnost-i-itogi': () => import('./DelayTimeline.svelte'),
};
