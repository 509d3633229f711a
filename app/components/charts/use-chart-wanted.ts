'use client';
/**
 * Charts below the fold (the casualty and operations charts, the map) load their code (the chart
 * and the parts of Recharts only they use) when they come near the viewport, not with the page: when scrolled to within 200 px of them, when
 * the page is about to print (the Print button, Ctrl/Cmd+P, `beforeprint`), or when one of their
 * exports asks (CHART_WANTED on the panel). Until then the box of the chart's size is shown.
 * The reader's first gesture on the page (a pointer move, a touch, a key, the wheel) also loads
 * them, in a transition: the page's first load does not carry them, and a print from the
 * browser's own menu (whose `beforeprint` comes too late for code still to load) finds them drawn.
 */
import { startTransition, useEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';

/** Dispatched on a panel (or the window, for every chart) to have its chart rendered now. */
export const CHART_WANTED = 'border-watch:chart-wanted';
// A chart is drawn once its box holds an <svg> (Recharts' surface, the map); placeholders hold none.
const SURFACE = 'svg';

export function useChartWanted<T extends HTMLElement>(): [React.RefObject<T | null>, boolean] {
  const ref = useRef<T | null>(null);
  const [wanted, setWanted] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el || wanted) return;
    const want = () => flushSync(() => setWanted(true));
    const seen = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && want(), {
      rootMargin: '200px 0px',
    });
    seen.observe(el);
    const printKey = (e: KeyboardEvent) => (e.ctrlKey || e.metaKey) && (e.key === 'p' || e.key === 'Control') && want();
    const gesture = () => startTransition(() => setWanted(true));
    const gestures = ['pointermove', 'pointerdown', 'touchstart', 'wheel', 'keydown'] as const;
    for (const g of gestures) window.addEventListener(g, gesture, { once: true, passive: true });
    const panel = el.closest('section') ?? el;
    panel.addEventListener(CHART_WANTED, want);
    window.addEventListener(CHART_WANTED, want);
    window.addEventListener('beforeprint', want);
    window.addEventListener('keydown', printKey);
    return () => {
      seen.disconnect();
      panel.removeEventListener(CHART_WANTED, want);
      window.removeEventListener(CHART_WANTED, want);
      window.removeEventListener('beforeprint', want);
      window.removeEventListener('keydown', printKey);
      for (const g of gestures) window.removeEventListener(g, gesture);
    };
  }, [wanted]);
  return [ref, wanted];
}

const frame = () => new Promise((r) => requestAnimationFrame(r));

/** Has `within` (a panel, or the document for every lazy chart) render its charts, and waits for them (at most `ms`). */
export async function chartsDrawn(within: ParentNode, ms = 10_000): Promise<void> {
  if (within instanceof Element) within.dispatchEvent(new Event(CHART_WANTED));
  else window.dispatchEvent(new Event(CHART_WANTED));
  const deadline = Date.now() + ms;
  const lazy = () => [...within.querySelectorAll('[data-lazy-chart]')];
  while (lazy().some((el) => !el.querySelector(SURFACE)) && Date.now() < deadline) await frame();
}
