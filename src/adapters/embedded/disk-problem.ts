/**
 * A failed write to the data directory, said so an operator knows what to fix: the errno in
 * words, never the path or the raw system message (the caller of the API sees this too).
 */
export function diskProblem(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  switch (code) {
    case 'ENOSPC':
      return 'the disk holding the data directory is full (ENOSPC)';
    case 'EDQUOT':
      return "the data directory's disk quota is used up (EDQUOT)";
    case 'EROFS':
      return "the data directory's file system is read-only (EROFS)";
    case 'EACCES':
    case 'EPERM':
      return `the server is not allowed to write to the data directory (${code})`;
    case 'EIO':
      return 'the disk holding the data directory reported an I/O error (EIO)';
    default:
      return code ? `the data directory could not be written (${code})` : 'the data directory could not be written';
  }
}
