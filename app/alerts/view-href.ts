/** A saved view's link: the overview with the view's parameters (arrays as repeated keys). */
import type { ViewFilters } from '@/core/alert/schema';

export function viewQuery(filters: ViewFilters): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(filters)) for (const one of Array.isArray(v) ? v : [v]) p.append(k, one);
  return p.toString();
}

export const viewHref = (filters: ViewFilters): string => {
  const q = viewQuery(filters);
  return q ? `/?${q}` : '/';
};
