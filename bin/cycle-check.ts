// The arguments of `npm test`'s import-cycle step (dpdm), apart so the rule's own test
// (bin/house-rules.test.ts) runs the same flags on a fixture cycle.

/** dpdm flags: print cycles only, exit 1 on any. Type-only imports count too (no -T: a type
 * cycle is a design cycle all the same), and dynamic import() is followed, so a lazy import
 * does not hide a cycle. Tests are excluded: they may import anything. */
export const CYCLE_FLAGS = ["--no-tree", "--no-warning", "--circular", "--exit-code", "circular:1", "--exclude", "node_modules|server/generated|\\.test\\.tsx?$"];

/** Everything that ships or runs it. */
export const CYCLE_CHECK = [...CYCLE_FLAGS, "app/**/*.{ts,tsx}", "server/**/*.ts", "bin/*.ts", "bench/*.ts", "packages/client/src/**/*.ts", "proxy.ts"];
