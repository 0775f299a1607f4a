// linted as server/services/fixture.ts: configuration read around server/env.ts
export const level = process.env.LOG_LEVEL;
