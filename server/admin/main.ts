import { runAdmin } from './runAdmin';

// `npm run admin -- <command>`: see ADMIN_USAGE in parseAdminArgs.ts.
const exitCode = await runAdmin(process.argv.slice(2), process.env, {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
});
process.exitCode = exitCode;
