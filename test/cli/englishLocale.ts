/**
 * Imported first by every CLI test: the CLI (spawned, inheriting this environment, or run in this
 * process) says its messages in English whatever the machine's locale, since the tests compare
 * English text. `LC_ALL` beats `LC_MESSAGES` and `LANG` (POSIX), and "C.UTF-8" names no language,
 * so English. test/cli/l10n.test.ts sets the environment of each run itself.
 */
process.env.LC_ALL = "C.UTF-8";
