import { describe } from 'vitest';
import { fixtureTests } from './harness.js';

describe('generic unit operations (fixtures)', () => {
  fixtureTests('reactor');
});
