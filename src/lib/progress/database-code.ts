/**
 * What opening the device's database needs (localforage, and the store that heals around it), as
 * one module: storage.ts fetches it, in one file, while the first screen paints.
 */
export { default as localforage } from 'localforage';
export { HealingKeyValue, keepTrying } from './healing-store.ts';
