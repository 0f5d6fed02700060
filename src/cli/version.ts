/** The version `segmenta --version` prints; test/cli/startup.test.ts checks it against package.json. */
export const VERSION = '0.1.0';
