// Generates fsrs6-vectors.json: review sequences scheduled by ts-fsrs (the reference FSRS implementation
// in TypeScript) with the FSRS-6 default weights, desired retention 0.9, learning steps 1m/10m,
// relearning step 10m and fuzz off. Re-run with:
//   cd /tmp && npm install ts-fsrs@5.4.2 && NODE_PATH=/tmp/node_modules node generate-vectors.mjs > fsrs6-vectors.json
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url + '/../');
const { fsrs, generatorParameters, createEmptyCard } = require('/tmp/node_modules/ts-fsrs');

// The 21 FSRS-6 default weights (as in py-fsrs 6 and docs/adr/0026), passed explicitly.
const W = [0.2172, 1.1771, 3.2602, 16.1507, 7.0114, 0.57, 2.0966, 0.0069, 1.5261, 0.112, 1.0178, 1.849,
  0.1133, 0.3127, 2.2934, 0.2191, 3.0004, 0.7536, 0.3332, 0.1437, 0.2];
const params = generatorParameters({ w: W, enable_fuzz: false, request_retention: 0.9 });
if (params.w.some((v, i) => v !== W[i])) throw new Error('ts-fsrs clipped a weight: ' + params.w);
const scheduler = fsrs(params);
const STATES = ['NEW', 'LEARNING', 'REVIEW', 'RELEARNING'];

// A small deterministic PRNG so the vectors are reproducible.
let seed = 20261204;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);

const sequences = [];
for (let n = 0; n < 60; n++) {
  let now = new Date(Date.UTC(2026, 0, 1, 8 + (n % 12), (n * 7) % 60));
  let card = createEmptyCard(now);
  const reviews = [];
  const length = 4 + Math.floor(random() * 9);
  for (let i = 0; i < length; i++) {
    const grade = 1 + Math.floor(random() * 4);
    const { card: next } = scheduler.next(card, now, grade);
    reviews.push({
      reviewed_at: now.toISOString(),
      grade,
      state: STATES[next.state],
      step: next.learning_steps,
      stability: next.stability,
      difficulty: next.difficulty,
      scheduled_days: next.scheduled_days,
      due: next.due.toISOString(),
    });
    card = next;
    // review on time, late (up to 3 x the interval) or early (same day or before the due date)
    const span = next.due.getTime() - now.getTime();
    const roll = random();
    const factor = roll < 0.5 ? 1 : roll < 0.8 ? 1 + random() * 2 : random();
    now = new Date(now.getTime() + Math.max(60_000, Math.round(span * factor / 60_000) * 60_000));
  }
  sequences.push({ reviews });
}
process.stdout.write(JSON.stringify({ generator: 'ts-fsrs 5.4.2, FSRS-6 weights of py-fsrs 6, retention 0.9, steps 1m 10m / 10m, fuzz off', sequences }, null, 1) + '\n');
