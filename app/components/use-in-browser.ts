'use client';
/**
 * False in the server's HTML and while hydrating, true once the page runs in the browser: for
 * parts that need not be in the first HTML (below the fold, folded tables), rendered right after.
 */
import { useSyncExternalStore } from 'react';

const noSubscription = () => () => {};

export function useInBrowser(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}
