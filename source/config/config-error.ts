/** A problem with what the operator gave ktop (flags, env, files): its message says what to fix; exit status for bad usage. */
export class ConfigError extends Error {}
