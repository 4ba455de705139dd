import { exitWith } from './cli/exit.ts';
import { cli } from './cli/index.ts';

cli().parseAsync(process.argv).catch(exitWith);
