import { defineConfig } from 'vitest/config';
import { emulatorsProjects } from './vitest.projects.ts';

export default defineConfig({ test: { projects: emulatorsProjects } });
