import { cli } from './cli/index.ts';

cli()
  .parseAsync(process.argv)
  .catch((err: unknown) => {
    console.error(`[fazhi] ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  });
