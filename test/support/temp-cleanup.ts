import { afterAll } from 'vitest';
import { removeTempDirs } from './cli.js';

// Runs in every test file (vitest setupFiles): the folders its tests made with tempDir go when it ends.
afterAll(removeTempDirs);
