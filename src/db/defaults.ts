/** Defaults of `phi-scan db`, apart from the driver so the CLI can print them without loading it. */
export const DEFAULT_CONNECT_TIMEOUT_SECONDS = 10;
export const DEFAULT_STATEMENT_TIMEOUT_SECONDS = 60;
