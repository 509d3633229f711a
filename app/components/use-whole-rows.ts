'use client';
/**
 * Hides the rows of a clipped list that do not fit whole, so a wall never shows half an incident:
 * on every render of the list and whenever the box changes size.
 */
import { useLayoutEffect, useRef } from 'react';

export function useWholeRows<E extends HTMLElement>(deps: unknown) {
  const ref = useRef<E>(null);
  useLayoutEffect(() => {
    const box = ref.current;
    if (!box) return;
    const fit = () => {
      const limit = box.getBoundingClientRect().bottom + 0.5;
      for (const li of box.querySelectorAll('li')) {
        li.style.display = '';
      }
      // Hidden rows take no room, so the list ends inside its box (display, not visibility).
      for (const li of box.querySelectorAll('li'))
        if (li.getBoundingClientRect().bottom > limit) li.style.display = 'none';
    };
    fit();
    const observer = new ResizeObserver(fit);
    observer.observe(box);
    return () => observer.disconnect();
  }, [deps]);
  return ref;
}
