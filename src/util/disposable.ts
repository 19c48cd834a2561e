// A lifecycle base for long-lived objects: each registers what it must release, and one
// `dispose()` releases it all, last registered first. Pure (no `vscode`): anything with a
// `dispose()` can be registered, so pure modules and VS Code objects share it.

export interface IDisposable {
  dispose(): void;
}

/** Wraps a function as a disposable (a timer to clear, a listener to remove). */
export function toDisposable(dispose: () => void): IDisposable {
  let done = false;
  return {
    dispose: () => {
      if (done) return;
      done = true;
      dispose();
    },
  };
}

export abstract class Disposable implements IDisposable {
  private readonly registered: IDisposable[] = [];
  private disposedFlag = false;

  /** True once `dispose()` ran. */
  protected get isDisposed(): boolean {
    return this.disposedFlag;
  }

  /** Releases `value` with this object (at once when this object is already disposed). */
  protected _register<T extends IDisposable>(value: T): T {
    if (this.disposedFlag) value.dispose();
    else this.registered.push(value);
    return value;
  }

  /**
   * Releases everything registered, in reverse order. One that throws does not keep the
   * others from being released; the first error is rethrown afterwards.
   */
  dispose(): void {
    if (this.disposedFlag) return;
    this.disposedFlag = true;
    let first: unknown;
    for (const d of this.registered.splice(0).reverse()) {
      try {
        d.dispose();
      } catch (e) {
        first ??= e;
      }
    }
    if (first !== undefined) throw first;
  }
}
