/** An error in how phi-scan was called or configured: one line for the user, exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
