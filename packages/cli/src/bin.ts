// The `workup` process: the only module that reads process.argv or sets the exit code.
import process from 'node:process';
import { main } from './main';

const exitCode = await main(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  stderrIsTerminal: process.stderr.isTTY,
});
// process.exitCode rather than process.exit(): lets piped stdout finish writing first.
process.exitCode = exitCode;
