/**
 * A reader that stops early (`npm run validate -- configs/*.json | head`) closes the pipe: the rest
 * of the output has nowhere to go, which is no error of the command's. Stop quietly, as Unix tools do.
 */
export function stopQuietlyOnClosedPipe(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw error;
    });
  }
}
