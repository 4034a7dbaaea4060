// Vitest setup file: the core's pool runs the worker bundle the global setup built, and its
// workers stop when a test file ends.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, inject } from 'vitest';
import { closeCoreWorkers, configureCoreWorkers } from '../../../electron/core/workers';

configureCoreWorkers({ entry: pathToFileURL(join(inject('coreWorkerDir'), 'core-worker.js')) });
afterAll(() => closeCoreWorkers());
