import { expect, it } from 'vitest';
import { safeNext } from '../../../app/sign-in/safe-next';

it.each([
  ['/record/incident', '/record/incident'],
  ['/incidents?province=KP', '/incidents?province=KP'],
  [undefined, '/'],
  ['', '/'],
  ['https://evil.example', '/'],
  ['//evil.example/x', '/'],
  ['/\\evil.example', '/'],
  ['/x\ny', '/'],
  [['/a', '/b'], '/a'],
])('safeNext(%j) → %s', (input, expected) => expect(safeNext(input)).toBe(expected));
