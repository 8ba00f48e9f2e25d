import { defineConfig } from 'vitest/config';
import { emulatorsProjects } from './emulators/vitest.projects.ts';

export default defineConfig({ test: { projects: [...emulatorsProjects] } });
