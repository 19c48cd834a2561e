import * as assert from 'node:assert/strict';
import { Emitter, reportListenerError, setListenerErrorReporter } from '../../../src/util/emitter';

describe('Emitter', () => {
  const original = reportListenerError;
  afterEach(() => setListenerErrorReporter(original));

  it('a listener that throws neither stops the others nor the code that fired', () => {
    const reported: unknown[] = [];
    setListenerErrorReporter((e) => reported.push(e));
    const emitter = new Emitter<number>();
    const seen: number[] = [];
    emitter.event(() => {
      throw new Error('boom');
    });
    emitter.event((v) => seen.push(v));
    emitter.fire(1);
    emitter.fire(2);
    assert.deepEqual(seen, [1, 2]);
    assert.equal(reported.length, 2);
    assert.match(String(reported[0]), /boom/);
  });

  it('stops calling a listener once its subscription is disposed', () => {
    const emitter = new Emitter<string>();
    const seen: string[] = [];
    const sub = emitter.event((v) => seen.push(v));
    emitter.fire('a');
    sub.dispose();
    emitter.fire('b');
    assert.deepEqual(seen, ['a']);
  });

  it('by default a listener error goes to the console, marked as coming from VEO Tasks', () => {
    const logged: unknown[][] = [];
    const error = console.error;
    console.error = (...args: unknown[]) => logged.push(args);
    try {
      const boom = new Error('boom');
      const fire = new Emitter<void>();
      fire.event(() => {
        throw boom;
      });
      fire.fire();
      assert.deepEqual(logged, [['[veo] listener failed:', boom]]);
    } finally {
      console.error = error;
    }
  });
});
