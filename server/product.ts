/**
 * The product's API route modules and start-up steps, in the order they apply. Tests start the
 * server with these same lists, so what they exercise is what runs.
 */
import type { RouteModule } from './api/app';
import type { Runtime } from './runtime';
import { loadDemoData } from './demo-startup';
import { statsRoutes } from './api/stats';

export const productRoutes: RouteModule[] = [statsRoutes];

export async function productStartup(runtime: Runtime): Promise<void> {
  await loadDemoData(runtime);
}
