#!/usr/bin/env node
// Launcher only: all behaviour lives in dist/cli/main.js (built from src/cli/main.ts on `npm install`).
import { main } from '../dist/cli/main.js';

process.exitCode = await main(process.argv.slice(2));
