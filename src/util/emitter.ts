// A minimal event emitter for modules that must not import `vscode` (unit-tested in plain Node).
// Like VS Code's own, a listener that throws does not keep the others (or the code that
// fired) from running: its error is reported and the rest go on.

export type Listener<T> = (value: T) => void;

/** Where errors thrown by listeners go (the extension points it at its log). */
export let reportListenerError: (error: unknown) => void = (error) => console.error('[veo] listener failed:', error);

export function setListenerErrorReporter(report: (error: unknown) => void): void {
  reportListenerError = report;
}

export class Emitter<T> {
  private listeners = new Set<Listener<T>>();

  readonly event = (listener: Listener<T>): { dispose(): void } => {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  };

  fire(value: T): void {
    for (const l of [...this.listeners]) {
      try {
        l(value);
      } catch (e) {
        reportListenerError(e);
      }
    }
  }

  dispose(): void {
    this.listeners.clear();
  }
}
