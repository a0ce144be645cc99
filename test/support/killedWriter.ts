/** A writer child process for crash tests: run a fixture script, read its stdout line by line, SIGKILL it when told. */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';

/**
 * Runs `script` (a TypeScript fixture, through tsx) with `args`; calls `onLine` for every complete stdout line and
 * SIGKILLs the child the first time it returns true. Resolves once the child died of that SIGKILL; rejects (with its
 * stderr) when it exited any other way. `track` receives the child at once, so a test's clean-up can kill it.
 */
export function runWriterUntilKilled(options: {
  script: string;
  args: readonly string[];
  onLine: (line: string) => boolean;
  track: (child: ChildProcess) => void;
}): Promise<void> {
  const child = spawn(process.execPath, ['--import', 'tsx', options.script, ...options.args], { stdio: ['ignore', 'pipe', 'pipe'] });
  options.track(child);
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  let pending = '';
  let isKilled = false;
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      pending += chunk.toString();
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        if (!isKilled && options.onLine(line)) {
          isKilled = true;
          child.kill('SIGKILL');
        }
      }
    });
    child.on('exit', (_code, signal) => {
      if (signal === 'SIGKILL') resolve();
      else reject(new Error(`writer exited by itself (signal ${signal}): ${stderr}`));
    });
  });
}
