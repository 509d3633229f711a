import { buildPgliteTemplate } from './pglite-template';

export default async function setup() {
  await buildPgliteTemplate();
}
