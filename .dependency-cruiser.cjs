// The floor plan (issue 12), checked by test/floor-plan.test.ts, or by hand:
//   npx depcruise src tools evals --config .dependency-cruiser.cjs
//
// FLOORS is the one place the order lives, top to bottom. A module may import only from a room
// on a floor below its own; rooms of one floor may use each other, except on an `ordered` floor,
// where a room may import only the rooms listed after it. Inside a room files import each other
// freely. There are no cycles at all, and every module of src/, tools/ and evals/ must live in a
// room (a new folder is added here, in its place, not left out of the plan).
// A room ending in '.ts' is one file; anything else is a folder.
const FLOORS = [
  { floor: 'library', rooms: ['src/index.ts'] },
  { floor: 'surfaces', rooms: ['src/cli', 'src/repl', 'src/slack'] },
  { floor: 'agent', rooms: ['src/agent', 'tools'] },
  { floor: 'operations', rooms: ['src/ops'] },
  { floor: 'pipeline', rooms: ['src/pipeline'] },
  {
    floor: 'stages',
    ordered: true,
    rooms: ['src/brief', 'evals', 'src/vectors', 'src/predict', 'src/write', 'src/profile', 'src/cluster', 'src/embed', 'src/warehouse', 'src/data'],
  },
  { floor: 'transport', rooms: ['src/llm'] },
  { floor: 'store', rooms: ['src/run'] },
  { floor: 'model', rooms: ['src/model'] },
  { floor: 'ground', rooms: ['src/errors.ts', 'src/config.ts', 'src/util'] },
];

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const roomPattern = (room) => (room.endsWith('.ts') ? `^${escape(room)}$` : `^${escape(room)}/`);
const anyOf = (rooms) => rooms.map(roomPattern).join('|');

// Rank of each room: a lower rank is a higher floor. Rooms of an unordered floor share a rank.
const ranked = [];
let rank = 0;
for (const { floor, ordered, rooms } of FLOORS) {
  for (const room of rooms) {
    ranked.push({ floor, room, rank });
    if (ordered) rank += 1;
  }
  if (!ordered) rank += 1;
}

const upward = ranked
  .map(({ floor, room, rank: own }) => {
    const above = ranked.filter((r) => r.rank < own);
    if (above.length === 0) return undefined;
    return {
      name: `up-from-${room}`,
      comment: `${room} (${floor}) may import only from the floors below it; see FLOORS in .dependency-cruiser.cjs`,
      severity: 'error',
      from: { path: roomPattern(room) },
      to: { path: anyOf(above.map((r) => r.room)) },
    };
  })
  .filter(Boolean);

module.exports = {
  forbidden: [
    ...upward,
    {
      name: 'no-circular',
      comment: 'No circle of imports, inside a room or across rooms.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'judge-apart-from-writer',
      comment:
        'The evals share no code with the writers they judge (issue 14): no module of evals/ imports src/write/, except evals/writer-under-test.ts, which runs the writer under test for the stability suite and judges nothing.',
      severity: 'error',
      from: { path: '^evals/', pathNot: '^evals/writer-under-test\\.ts$' },
      to: { path: '^src/write/' },
    },
    {
      name: 'judge-apart-from-writer',
      comment: 'evals/writer-under-test.ts builds the writer under test and nothing else: the offline writer, and the LLM writer with it behind.',
      severity: 'error',
      from: { path: '^evals/writer-under-test\\.ts$' },
      to: { path: '^src/write/', pathNot: '^src/write/(offline-writer|resilient-writer)\\.ts$' },
    },
    {
      name: 'not-in-floor-plan',
      comment: 'Every module of src/, tools/ and evals/ lives in a room of FLOORS.',
      severity: 'error',
      from: { path: '^(src|tools|evals)/', pathNot: anyOf(ranked.map((r) => r.room)) },
      to: {},
    },
    {
      name: 'not-in-floor-plan',
      comment: 'Every module of src/, tools/ and evals/ lives in a room of FLOORS.',
      severity: 'error',
      from: {},
      to: { path: '^(src|tools|evals)/', pathNot: anyOf(ranked.map((r) => r.room)) },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist|test|bench)/' },
    // Type-only imports count: no stage imports another stage even for a type.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
};
// For the test: the plan itself, not part of dependency-cruiser's configuration.
Object.defineProperty(module.exports, 'FLOORS', { value: FLOORS, enumerable: false });
