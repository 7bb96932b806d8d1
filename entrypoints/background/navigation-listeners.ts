import type { NavigationUrlFilter } from '../../lib/site-access/navigation-filter';
import type { Listenable } from './api';

/** A webNavigation event: listeners take an optional `{ url }` filter list. */
export interface FilterableEvent<A extends unknown[]> {
  addListener(callback: (...args: A) => unknown, filters?: { url: NavigationUrlFilter[] }): void;
  removeListener(callback: (...args: A) => unknown): void;
}

/**
 * Every webNavigation listener of the background, registered with the URL filter of the sites
 * the user granted (lib/site-access/navigation-filter.ts) and registered again when that changes.
 * Until the granted sites are read they listen unfiltered (a stopped worker must be woken for any
 * event); the service still drops what comes from sites outside site access. With access limited,
 * the browser then dispatches no navigation of another site to the extension at all.
 */
export class NavigationListeners {
  private readonly listeners: Array<{ event: FilterableEvent<never[]>; callback: (...args: never[]) => unknown }> = [];
  /** undefined: unfiltered; []: no listener registered (nothing is granted). */
  private filters: NavigationUrlFilter[] | undefined = undefined;

  /** The event as a Listenable whose listeners follow the filter. */
  on<A extends unknown[]>(event: FilterableEvent<A>): Listenable<A> {
    return {
      addListener: (callback) => {
        const entry = { event: event as unknown as FilterableEvent<never[]>, callback: callback as (...args: never[]) => unknown };
        this.listeners.push(entry);
        this.add(entry);
      },
    };
  }

  /** Register every listener again with these filters (no-op when they are the same). */
  setFilters(filters: NavigationUrlFilter[] | undefined): void {
    if (JSON.stringify(filters) === JSON.stringify(this.filters)) return;
    for (const { event, callback } of this.listeners) event.removeListener(callback);
    this.filters = filters;
    for (const entry of this.listeners) this.add(entry);
  }

  private add({ event, callback }: (typeof this.listeners)[number]): void {
    if (this.filters === undefined) event.addListener(callback);
    else if (this.filters.length) event.addListener(callback, { url: this.filters });
  }
}
