/**
 * The current hash route, kept in step with the address bar: what the app shell needs to decide
 * between the roster and the screens before the router itself (loaded with the screens) is in.
 */
import { locationOf } from './routing.ts';

class HashLocation {
  location = $state('/');
  querystring = $state('');

  constructor() {
    if (typeof window === 'undefined') return;
    const read = () => {
      const { location, querystring } = locationOf(window.location.href);
      this.location = location;
      this.querystring = querystring;
    };
    read();
    window.addEventListener('hashchange', read);
  }
}

/** The app's one view of the hash route (same values as svelte-spa-router's `router`). */
export const hashLocation = new HashLocation();
