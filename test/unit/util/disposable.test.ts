import * as assert from 'node:assert/strict';
import { Disposable, toDisposable } from '../../../src/util/disposable';

class Owner extends Disposable {
  register<T extends { dispose(): void }>(d: T): T {
    return this._register(d);
  }
  get disposed(): boolean {
    return this.isDisposed;
  }
}

describe('Disposable', () => {
  it('disposes what was registered, last first, once', () => {
    const order: string[] = [];
    const owner = new Owner();
    owner.register(toDisposable(() => order.push('a')));
    owner.register(toDisposable(() => order.push('b')));
    owner.dispose();
    owner.dispose();
    assert.deepEqual(order, ['b', 'a']);
    assert.equal(owner.disposed, true);
  });

  it('disposes at once what is registered after it was disposed', () => {
    const owner = new Owner();
    owner.dispose();
    let disposed = 0;
    owner.register(toDisposable(() => disposed++));
    assert.equal(disposed, 1);
  });

  it('still disposes the others when one throws, then rethrows the first error', () => {
    const owner = new Owner();
    let later = 0;
    owner.register(toDisposable(() => later++));
    owner.register(toDisposable(() => {
      throw new Error('first');
    }));
    owner.register(toDisposable(() => {
      throw new Error('second');
    }));
    assert.throws(() => owner.dispose(), /second/);
    assert.equal(later, 1);
  });

  it('toDisposable runs its function once', () => {
    let n = 0;
    const d = toDisposable(() => n++);
    d.dispose();
    d.dispose();
    assert.equal(n, 1);
  });
});
