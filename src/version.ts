/** This arrcast's version (package.json's; a test keeps them equal). Parts record it: shards and their merge must share it. */
export const ARRCAST_VERSION = '0.1.0';
