/**
 * A startup failure with one line a person can act on. The server prints `message` alone and
 * exits, instead of a stack trace (foundation issue: "one clear line saying what failed").
 */
export class DatabaseStartupError extends Error {
  override readonly name = 'DatabaseStartupError';
  constructor(
    message: string,
    readonly causeDetail?: string,
  ) {
    super(message);
  }
}
